//! Vietnamese numbers: what officials type (2.809,8 · 17.416.889.536 · 114,6% · 208 tỷ) read
//! against the unit of the field, and values written back in a [`NumberStyle`].
//!
//! Values are exact [`Decimal`]s, never floats: money stays exact to the đồng, and a value typed
//! is the value shown and exported, digit for digit. Reading never guesses silently: a reading
//! that could have gone another way comes back with a [`NumberWarning`], and anything that cannot
//! be read safely is refused with a [`NumberError`] that says why.
//!
//! The style (which mark groups thousands, which marks decimals) belongs to whoever wrote the
//! number, not to the language of the words around it: a person's style for what they type, a
//! file's own style for its cells ([`style_evidence`] says what a cell tells of it).
//!
//! - [`style`]: the two styles.
//! - [`parse`]: typed text to an exact value.
//! - [`scale`]: what may follow the digits: `%`, scale words (nghìn, triệu, tỷ), units.
//! - [`format`]: exact values written in a style.

mod format;
mod parse;
mod scale;
mod style;

use rust_decimal::Decimal;

use super::{Lang, Unit};

pub use format::{format_count, format_exact, format_fixed, format_percent, format_with_unit};
pub use parse::{StyleEvidence, parse, parse_plain, style_evidence};
pub use style::NumberStyle;

/// A number read from what a user typed, with whatever the reader had to decide on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The value in the field's unit, with the scale (decimal places) as typed.
    pub value: Decimal,
    /// Readings the user should confirm; empty when the text was unambiguous.
    pub warnings: Vec<NumberWarning>,
}

/// Something the reader decided that the user should see, although the number was accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberWarning {
    /// Both dots and commas group the thousands (`17.416,889,536`); read as a whole number.
    MixedSeparators,
    /// One separator followed by exactly three digits (`2.809`, `1,500`) could group thousands or
    /// mark decimals; it was read the way the reader's style reads it. `read_as` is the number as
    /// read, before any scale word or unit conversion.
    AmbiguousSeparator {
        /// The number the text was read as.
        read_as: Decimal,
    },
    /// The dots and commas follow the other style (`2,809.8` read in the Vietnamese style).
    OtherStyle,
}

/// Why a text could not be read as a figure for the field.
///
/// `Display` gives the English text (for logs and the command line); [`NumberError::message`]
/// gives the text a form shows, in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    /// Nothing was typed.
    #[error("no number entered")]
    Empty,
    /// The text is not a number (letters, two signs, an exponent, …).
    #[error("not a number: {text}")]
    NotANumber {
        /// The text as typed (trimmed).
        text: String,
    },
    /// Separators in the wrong places (`1.23.4`, `1..2`, `5,`).
    #[error(
        "misplaced separator in {text}: thousands groups have exactly 3 digits and there is one decimal mark at most"
    )]
    BadGrouping {
        /// The text as typed (trimmed).
        text: String,
    },
    /// A negative number, which no ward indicator can take.
    #[error("a negative number is not valid for this indicator")]
    Negative,
    /// A fraction in a unit that counts whole things.
    #[error("a figure in {} must be a whole number", english_unit(.unit))]
    NotWhole {
        /// The field's unit (Vietnamese symbol).
        unit: String,
    },
    /// A `%` or `‰` sign in a field that is not a rate.
    #[error("a figure in {} cannot take % or ‰", english_unit(.unit))]
    PercentNotAllowed {
        /// The field's unit (Vietnamese symbol).
        unit: String,
    },
    /// A unit word after the number that is not the field's unit.
    #[error("\"{found}\" does not match the indicator's unit ({})", english_unit(.unit))]
    WrongUnit {
        /// The word typed after the number.
        found: String,
        /// The field's unit (Vietnamese symbol).
        unit: String,
    },
    /// More digits than an exact decimal holds (28), or a value too large once scaled.
    #[error("the number is too large or has too many digits (28 at most)")]
    TooLarge,
}

/// A unit's English symbol from its Vietnamese one, for the English `Display` of errors.
fn english_unit(unit: &str) -> String {
    Unit::new(unit).symbol_in(Lang::En).to_owned()
}

impl NumberError {
    /// The message a form shows, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        let locale = lang.code();
        // Units are stored by their Vietnamese symbol so that each language can show its own.
        let unit_in = |unit: &str| Unit::new(unit).symbol_in(lang).to_owned();
        let text = match self {
            Self::Empty => rust_i18n::t!("number.empty", locale = locale),
            Self::NotANumber { text } => {
                rust_i18n::t!("number.not_a_number", locale = locale, text = text)
            }
            Self::BadGrouping { text } => {
                rust_i18n::t!("number.bad_grouping", locale = locale, text = text)
            }
            Self::Negative => rust_i18n::t!("number.negative", locale = locale),
            Self::NotWhole { unit } => {
                rust_i18n::t!("number.not_whole", locale = locale, unit = unit_in(unit))
            }
            Self::PercentNotAllowed { unit } => rust_i18n::t!(
                "number.percent_not_allowed",
                locale = locale,
                unit = unit_in(unit)
            ),
            Self::WrongUnit { found, unit } => rust_i18n::t!(
                "number.wrong_unit",
                locale = locale,
                found = found,
                unit = unit_in(unit)
            ),
            Self::TooLarge => rust_i18n::t!("number.too_large", locale = locale),
        };
        text.into_owned()
    }
}

impl NumberWarning {
    /// The message a form shows next to the accepted value: words in `lang`, the value read in
    /// `style`.
    pub fn message(&self, lang: Lang, style: NumberStyle) -> String {
        let locale = lang.code();
        let text = match self {
            Self::MixedSeparators => rust_i18n::t!("number.warn_mixed", locale = locale),
            Self::AmbiguousSeparator { read_as } => {
                // Saying whether the number became whole or decimal makes the reading plain even
                // where the formatted value looks like what was typed ("2.809" read as 2.809).
                let value = format_exact(*read_as, style);
                if read_as.fract().is_zero() {
                    rust_i18n::t!(
                        "number.warn_ambiguous_whole",
                        locale = locale,
                        value = value
                    )
                } else {
                    rust_i18n::t!(
                        "number.warn_ambiguous_decimal",
                        locale = locale,
                        value = value
                    )
                }
            }
            Self::OtherStyle => rust_i18n::t!("number.warn_other_style", locale = locale),
        };
        text.into_owned()
    }
}

#[cfg(test)]
mod tests;
