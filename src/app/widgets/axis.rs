//! The labels of a plot's axes: values in the reader's number style (4.000, 2,5), years as
//! years, and the names under upright bars, each wrapped whole to its bar's slot.

use egui_plot::{AxisHints, GridMark};
use rust_decimal::Decimal;

use crate::app::theme;
use crate::domain::number::{self, NumberStyle};
use crate::domain::report;

/// The x axis under `bars` upright bars (room kept for at least four) across `width`, the
/// `i`-th named `names[i]` (none past the names given): each name wrapped whole in as many
/// characters as a bar's slot holds, the axis as tall as the longest takes.
pub fn bar_names(names: &[String], bars: usize, width: f32) -> AxisHints<'static> {
    let names = wrapped_names(names, bars, width);
    let lines = names.iter().map(|n| n.lines().count()).max().unwrap_or(1);
    #[allow(clippy::cast_precision_loss)]
    let thickness = lines as f32 * theme::AXIS_LINE_HEIGHT + 6.0;
    AxisHints::new_x()
        .label("")
        .min_thickness(thickness)
        .formatter(move |mark, _| name_under(&names, mark.value))
}

/// The names wrapped to their slots.
fn wrapped_names(names: &[String], bars: usize, width: f32) -> Vec<String> {
    // A bar count and a width in points: small positive numbers.
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    let per_line = (width / bars.max(4) as f32 / theme::AXIS_CHAR_WIDTH).floor() as usize;
    names
        .iter()
        .map(|name| report::wrapped_name(name, per_line, theme::AXIS_NAME_LINES))
        .collect()
}

/// The name under the bar at `x`: none between bars or past them.
fn name_under(names: &[String], x: f64) -> String {
    let index = x.round();
    if (x - index).abs() > f64::EPSILON || index < 0.0 {
        return String::new();
    }
    // A non-negative whole number.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let index = index as usize;
    names.get(index).cloned().unwrap_or_default()
}

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

    /// Each name under its bar, wrapped whole to the slot; none between bars or past them.
    #[test]
    fn bar_names_wrap_to_their_slot_and_stand_under_their_bars() {
        let names = ["Phường Thanh Trường".to_owned(), "Xã Thanh Minh".to_owned()];
        // Four slots of 70 points: ten characters a line.
        let wrapped = wrapped_names(&names, 2, 280.0);
        let label = |x: f64| name_under(&wrapped, x);
        assert_eq!(label(0.0), "Phường\nThanh\nTrường");
        assert_eq!(label(1.0), "Xã Thanh\nMinh");
        assert_eq!(label(0.5), "");
        assert_eq!(label(2.0), "");
    }
}
