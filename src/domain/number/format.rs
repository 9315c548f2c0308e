//! Exact values written in a style: every digit kept (`17.416.889.536`), rounded only where
//! asked (`114,6%`), with the unit in the reader's language.

use rust_decimal::{Decimal, RoundingStrategy};

use super::{NumberStyle, Unit};
use crate::domain::Lang;

/// Every digit of the value, grouped in `style`, trailing fraction zeros dropped:
/// `17416889536` → `17.416.889.536`, `2809.80` → `2.809,8`, `-5` → `-5`.
pub fn format_exact(value: Decimal, style: NumberStyle) -> String {
    render(&value.normalize(), style)
}

/// A count of things ("501.000 giá trị"), grouped as `style` groups digits.
pub fn format_count(count: usize, style: NumberStyle) -> String {
    format_exact(Decimal::from(count), style)
}

/// The value rounded half away from zero to `decimals` places, zeros kept:
/// `(2809.84, 1)` → `2.809,8`, `(0.5, 0)` → `1`, `(3, 2)` → `3,00`.
///
/// More places than a decimal holds (28) are capped at 28.
pub fn format_fixed(value: Decimal, decimals: u32, style: NumberStyle) -> String {
    let decimals = decimals.min(Decimal::MAX_SCALE);
    let rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let mut text = render(&rounded, style);
    // Rounding never adds places, so a value with fewer places than asked is padded with zeros.
    let have = usize::try_from(rounded.scale()).unwrap_or(0);
    let want = usize::try_from(decimals).unwrap_or(usize::MAX);
    if want > have {
        if have == 0 {
            text.push(style.decimal_mark());
        }
        text.extend(std::iter::repeat_n('0', want - have));
    }
    text
}

/// A percentage with one decimal at most and the `%` sign: `114.6012` → `114,6%`,
/// `103.00001` → `103%` (English `114.6%`).
pub fn format_percent(value: Decimal, style: NumberStyle) -> String {
    let rounded = value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    format!("{}%", format_exact(rounded, style))
}

/// The exact value in `style` and the unit in `lang`: `2.809,8 tấn`, `17.416.889.536 đồng`; the
/// `%` and `‰` signs attach without a space (`12,5%`).
pub fn format_with_unit(value: Decimal, unit: &Unit, lang: Lang, style: NumberStyle) -> String {
    let number = format_exact(value, style);
    let symbol = unit.symbol_in(lang);
    if symbol.is_empty() {
        number
    } else if unit.is_percent() || unit.is_per_mille() {
        format!("{number}{symbol}")
    } else {
        format!("{number} {symbol}")
    }
}

/// Writes a decimal's digits exactly as stored (no rounding, no trimming), grouped in the
/// `style`. A zero never shows a sign.
fn render(value: &Decimal, style: NumberStyle) -> String {
    // `Decimal`'s own `Display` writes plain digits with a '.' and keeps the scale, which is
    // exactly the raw material needed here.
    let raw = value.abs().to_string();
    let (whole, fraction) = raw.split_once('.').unwrap_or((raw.as_str(), ""));
    let mut out = String::with_capacity(raw.len() + raw.len() / 3 + 2);
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(style.group_mark());
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(style.decimal_mark());
        out.push_str(fraction);
    }
    out
}
