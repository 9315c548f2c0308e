//! The labels of a plot's axes: values in the reader's number style (4.000, 2,5), and years as
//! years.

use egui_plot::GridMark;
use rust_decimal::Decimal;

use crate::domain::number::{self, NumberStyle};

/// A value axis's label: in the reader's style, with as many decimals as the grid's step needs
/// (4.000 at steps of 1.000; 2,5 at steps of 0,5).
pub fn value_label(mark: GridMark, style: NumberStyle) -> String {
    let value = Decimal::from_f64_retain(mark.value).unwrap_or_default();
    number::format_fixed(value, decimals_for(mark.step_size), style)
}

/// A year axis's label: whole years only, without a thousands separator (2021).
pub fn year_label(mark: GridMark) -> String {
    if mark.value.fract().abs() < f64::EPSILON {
        format!("{}", mark.value)
    } else {
        String::new()
    }
}

/// The decimals that tell apart the marks of a grid of `step`.
fn decimals_for(step: f64) -> u32 {
    if step.is_nan() || step <= 0.0 || step >= 1.0 {
        return 0;
    }
    // Steps are 1, 2 or 5 times a power of ten: 0,5 needs one decimal, 0,25 two.
    let mut decimals = 0;
    let mut scaled = step;
    while scaled.fract().abs() > 1e-9 && decimals < 6 {
        scaled *= 10.0;
        decimals += 1;
    }
    decimals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(value: f64, step_size: f64) -> GridMark {
        GridMark { value, step_size }
    }

    #[test]
    fn values_read_in_the_readers_style_with_the_decimals_the_step_needs() {
        assert_eq!(value_label(mark(4000.0, 1000.0), NumberStyle::Vi), "4.000");
        assert_eq!(value_label(mark(4000.0, 1000.0), NumberStyle::En), "4,000");
        assert_eq!(value_label(mark(2.5, 0.5), NumberStyle::Vi), "2,5");
        assert_eq!(value_label(mark(0.25, 0.05), NumberStyle::Vi), "0,25");
        assert_eq!(value_label(mark(3.0, 0.5), NumberStyle::Vi), "3,0");
        assert_eq!(year_label(mark(2021.0, 1.0)), "2021");
        assert_eq!(year_label(mark(2021.5, 0.5)), "");
    }
}
