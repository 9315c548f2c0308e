//! Vietnamese numbers: parse what officials type (2.809,8 · 17.416.889.536 · 114,6% · 208 tỷ) against the unit of the field, and format values in vi or en style.
//!
//! Values are exact [`Decimal`]s, never floats: money stays exact to the đồng, and a value typed
//! is the value shown and exported, digit for digit. Parsing never guesses silently: a reading
//! that could have gone another way comes back with a [`NumberWarning`], and anything that cannot
//! be read safely is refused with a [`NumberError`] that says why.

use std::borrow::Cow;

use rust_decimal::{Decimal, RoundingStrategy};
use unicode_normalization::UnicodeNormalization;

use super::{Lang, Unit};

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

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
    /// mark decimals; it was read the way the field's style reads it. `read_as` is the number as
    /// read, before any scale word or unit conversion.
    AmbiguousSeparator {
        /// The number the text was read as.
        read_as: Decimal,
    },
    /// The dots and commas follow the other language's style (`2,809.8` in a Vietnamese field).
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
    /// The message a form shows next to the accepted value, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        let locale = lang.code();
        let text = match self {
            Self::MixedSeparators => rust_i18n::t!("number.warn_mixed", locale = locale),
            Self::AmbiguousSeparator { read_as } => {
                // Saying whether the number became whole or decimal makes the reading plain even
                // where the formatted value looks like what was typed ("2.809" read as 2.809).
                let value = format_exact(*read_as, lang);
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

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/// Reads what a user typed into a field of the given unit, in the style of `lang`.
///
/// The result is in the field's unit: in a `tỷ đồng` field `17.416.889.536 đồng` is 17.416889536,
/// in a `đồng` field `208 tỷ` is 208000000000. Negative numbers are refused, as are fractions in
/// a count unit and percent signs outside rates.
pub fn parse(text: &str, unit: &Unit, lang: Lang) -> Result<Parsed, NumberError> {
    let input = tidy(text);
    if input.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, number) = read_number(&input, lang)?;
    let exponent = suffix_exponent(&input, number.rest, unit)?;
    // A minus sign is refused even on zero: every ward indicator is a non-negative quantity, and
    // a typed sign more likely means a slip than a value.
    if negative {
        return Err(NumberError::Negative);
    }
    let value = shift(number.value, exponent)?;
    if unit.is_count() && !value.fract().is_zero() {
        return Err(NumberError::NotWhole {
            unit: unit.symbol().to_owned(),
        });
    }
    Ok(Parsed {
        value,
        warnings: number.warnings,
    })
}

/// Reads a bare number with no unit context (a year, a precision, a threshold): nothing may
/// follow the number (no `%`, scale word or unit), and negative numbers are allowed.
pub fn parse_plain(text: &str, lang: Lang) -> Result<Parsed, NumberError> {
    let input = tidy(text);
    if input.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, number) = read_number(&input, lang)?;
    if !number.rest.is_empty() {
        return Err(NumberError::NotANumber {
            text: input.into_owned(),
        });
    }
    let mut value = number.value;
    // Zero keeps no sign, so that "-0" reads and shows as plain 0.
    if negative && !value.is_zero() {
        value.set_sign_negative(true);
    }
    Ok(Parsed {
        value,
        warnings: number.warnings,
    })
}

/// The digits of a typed number, read, and the text that followed them.
struct Number<'a> {
    value: Decimal,
    warnings: Vec<NumberWarning>,
    rest: &'a str,
}

/// Normalises pasted text: NFC (people paste decomposed Vietnamese from PDFs and the web), every
/// Unicode space as a plain space, runs of spaces as one, and no blanks around.
///
/// Typed numbers are nearly always plain ASCII, which is NFC already and holds no invisible
/// character: such text only has its blanks tidied, and is borrowed as it is when they are tidy
/// already, so that the common case allocates nothing.
fn tidy(text: &str) -> Cow<'_, str> {
    if !text.is_ascii() {
        return Cow::Owned(tidy_unicode(text));
    }
    // `char::is_whitespace` (tab, line feed, vertical tab, form feed, return, space in ASCII) is
    // what the Unicode path maps to a space, so both paths agree on ASCII text.
    let blank = |b: u8| char::from(b).is_whitespace();
    let trimmed = text.trim_matches(char::is_whitespace);
    let bytes = trimmed.as_bytes();
    // Trimmed, the text ends with a non-blank, so every blank is the first of some pair: it is
    // tidy when each is a plain space followed by a non-blank.
    let tidy_already = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .all(|(&b, &next)| !blank(b) || (b == b' ' && !blank(next)));
    if tidy_already {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// [`tidy`] for text with non-ASCII characters: NFC, no-break spaces, invisible characters.
fn tidy_unicode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Invisible characters that spreadsheets and web pages carry along (a byte-order mark, a
    // zero-width space) are dropped: they mean nothing and would make a number unreadable.
    let visible = text
        .chars()
        .filter(|c| !matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}'));
    for c in visible.nfc() {
        // `is_whitespace` covers the no-break spaces (U+00A0, U+202F) that Word and Excel insert
        // between digit groups.
        let c = if c.is_whitespace() { ' ' } else { c };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    out
}

/// Reads the optional sign and the digits at the start of `input` (already tidied and not empty).
/// Returns whether a minus sign was typed, and the number read.
fn read_number(input: &str, lang: Lang) -> Result<(bool, Number<'_>), NumberError> {
    let (negative, body) = match input.chars().next() {
        Some(c @ ('+' | '-' | '\u{2212}')) => (c != '+', input[c.len_utf8()..].trim_start()),
        _ => (false, input),
    };
    let (span, rest) = split_number(body);
    if !span.bytes().any(|b| b.is_ascii_digit()) {
        // No digit at all: a word, a lone sign, a second sign ("--5"), a lone mark.
        return Err(NumberError::NotANumber {
            text: input.to_owned(),
        });
    }
    let reading = read_groups(span, lang).ok_or_else(|| NumberError::BadGrouping {
        text: input.to_owned(),
    })?;
    let value = exact_decimal(reading.whole, reading.fraction)?;
    let warnings = match reading.flag {
        None => Vec::new(),
        Some(Flag::Mixed) => vec![NumberWarning::MixedSeparators],
        Some(Flag::OtherStyle) => vec![NumberWarning::OtherStyle],
        Some(Flag::Ambiguous) => vec![NumberWarning::AmbiguousSeparator { read_as: value }],
    };
    Ok((
        negative,
        Number {
            value,
            warnings,
            rest: rest.trim_start(),
        },
    ))
}

// A typed number is handled as its *span*: the leading run of `body` made of ASCII digits and
// separators, where every `.` and `,` is a mark and every space stands between two digits. Its
// digit groups are then `span.split(SEPARATORS)` (one more than the separators, a group empty
// where a mark leads, trails or is doubled) and its separators the non-digits, so that the rules
// below walk the text itself instead of collecting groups: no allocation.

/// The characters of a number's span that separate two digit groups.
const SEPARATORS: [char; 3] = ['.', ',', ' '];

/// The digit groups of a number's span, in order.
fn groups(span: &str) -> std::str::Split<'_, [char; 3]> {
    span.split(SEPARATORS)
}

/// Splits `body` into the span of its leading number (see above) and the text after it.
fn split_number(body: &str) -> (&str, &str) {
    let bytes = body.as_bytes();
    // Any byte that is not ASCII starts a character that ends the number, so the end found is
    // always on a character boundary.
    let end = bytes
        .iter()
        .enumerate()
        .position(|(i, &b)| match b {
            b'0'..=b'9' | b'.' | b',' => false,
            // A space is part of the number only between two digits ("17 416 889 536"); before
            // a word ("208 tỷ") it ends the number.
            b' ' => {
                let digit_at = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);
                !(i > 0 && digit_at(i - 1) && digit_at(i + 1))
            }
            _ => true,
        })
        .unwrap_or(bytes.len());
    body.split_at(end)
}

/// What the separators of a typed number were taken to mean.
struct Reading<'a> {
    /// The digits before the decimal mark, still with their group separators (which the reader
    /// skips); empty for none, as in ",5".
    whole: &'a str,
    /// The digits after the decimal mark (empty for a whole number).
    fraction: &'a str,
    /// What the user should be told about the reading.
    flag: Option<Flag>,
}

/// A warning before the value is known (the ambiguous warning carries the value read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flag {
    Mixed,
    Ambiguous,
    OtherStyle,
}

/// Decides what the separators of a number's span mean, or `None` when they cannot be read
/// safely (a `BadGrouping`). Spaces always group thousands; the dots and commas are read by these
/// rules:
/// - one mark followed by exactly three digits reads both ways: the field's style decides, with a
///   warning; followed by any other count of digits it can only be a decimal mark;
/// - the same mark repeated groups thousands;
/// - one mark repeated then the other once is a grouping and a decimal mark ("2.809,8");
/// - both marks before the last one is a typo in a whole number ("17.416,889,536").
fn read_groups(span: &str, lang: Lang) -> Option<Reading<'_>> {
    let whole = |flag| Reading {
        whole: span,
        fraction: "",
        flag,
    };
    let Some((last_at, last)) = span.char_indices().rfind(|(_, c)| SEPARATORS.contains(c)) else {
        // No separator at all: a plain integer.
        return Some(whole(None));
    };
    // Separators are ASCII: one byte each.
    let (whole_part, fraction) = (&span[..last_at], &span[last_at + 1..]);
    let decimal = |flag| Reading {
        whole: whole_part,
        fraction,
        flag,
    };
    if span.starts_with(SEPARATORS) {
        // A leading mark (",5") is a decimal only in the field's own style, and only alone: then
        // it is the last separator too, and no digit stands before it.
        let ok = last_at == 0 && last == lang.decimal_mark() && !fraction.is_empty();
        return ok.then(|| decimal(None));
    }
    if groups(span).any(str::is_empty) {
        // A trailing ("5,") or doubled ("1..2") mark.
        return None;
    }
    if last == ' ' {
        // The last group follows a space: every separator groups thousands.
        return thousands_ok(span).then(|| whole(grouping_flag(span, lang)));
    }
    // The marks before the last separator (spaces aside): as many as the last, and the other.
    let (same, other) = whole_part.chars().filter(|&c| matches!(c, '.' | ',')).fold(
        (0_usize, 0_usize),
        |(same, other), m| {
            if m == last {
                (same + 1, other)
            } else {
                (same, other + 1)
            }
        },
    );

    if same == 0 && other == 0 {
        if !whole_part_ok(whole_part) {
            return None;
        }
        // One mark followed by exactly three digits after a group that could lead a thousands
        // grouping ("2.809", "1,500") reads both ways; the field's style decides.
        if fraction.len() == 3 && thousands_ok(span) {
            return Some(if last == lang.group_mark() {
                whole(Some(Flag::Ambiguous))
            } else {
                decimal(Some(Flag::Ambiguous))
            });
        }
        // Any other count of digits cannot be a thousands group: it is a decimal mark, whichever
        // mark it is ("2809.8" and "1,5" are decimals in either style).
        return Some(decimal(None));
    }
    if other == 0 {
        // The same mark repeated only ever groups thousands ("17.416.889.536").
        return thousands_ok(span).then(|| whole(grouping_flag(span, lang)));
    }
    if same == 0 {
        // Groups with one mark, decimals with the other ("2.809,8"): a well-formed number in one
        // of the two styles, flagged if it is not the field's.
        let flag = (last != lang.decimal_mark()).then_some(Flag::OtherStyle);
        return whole_part_ok(whole_part).then(|| decimal(flag));
    }
    // Both marks before the last one: no style writes that, but if every group has three digits
    // it is a whole number with a typo in its marks (the article's "17.416,889,536").
    thousands_ok(span).then(|| whole(Some(Flag::Mixed)))
}

/// Whether the groups of a span form a thousands grouping: at least two groups, the first of one
/// to three digits (not starting with 0, which no one writes before a group mark), every other of
/// exactly three.
fn thousands_ok(span: &str) -> bool {
    let mut groups = groups(span);
    let Some(first) = groups.next() else {
        return false;
    };
    let mut rest = groups.peekable();
    rest.peek().is_some()
        && (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && rest.all(|g| g.len() == 3)
}

/// Whether the groups before a decimal mark are well formed: one group of any length ("2809"),
/// or a thousands grouping ("2.809").
fn whole_part_ok(whole_part: &str) -> bool {
    !whole_part.contains(SEPARATORS) || thousands_ok(whole_part)
}

/// The flag for a whole number grouped with marks: none in the field's style (or with spaces),
/// `OtherStyle` with the other style's group mark, `Mixed` with both.
fn grouping_flag(span: &str, lang: Lang) -> Option<Flag> {
    let own = span.contains(lang.group_mark());
    let other = span.contains(lang.decimal_mark());
    match (own, other) {
        (true, true) => Some(Flag::Mixed),
        (false, true) => Some(Flag::OtherStyle),
        _ => None,
    }
}

/// The most digits an exact decimal holds whatever they are (its 96-bit mantissa holds 28 nines).
const MAX_DIGITS: usize = 28;

/// Builds the exact decimal from its whole digits (group separators skipped) and fraction digits,
/// keeping the fraction's length as its scale ("2.809,80" keeps two places).
///
/// Refused as `TooLarge`, never rounded, so no digit is ever lost quietly: more than 28
/// significant digits (leading zeros do not count), or more than 28 decimal places.
fn exact_decimal(whole: &str, fraction: &str) -> Result<Decimal, NumberError> {
    if fraction.len() > MAX_DIGITS {
        return Err(NumberError::TooLarge);
    }
    // The fraction is the span's last group: digits only, unlike the whole part. (Filtering
    // before the chain rather than after it is measurably faster.)
    debug_assert!(fraction.bytes().all(|b| b.is_ascii_digit()));
    let digits = whole
        .bytes()
        .filter(u8::is_ascii_digit)
        .chain(fraction.bytes())
        .map(|b| b - b'0')
        .skip_while(|&d| d == 0);
    // 28 digits stay below 10²⁸, well within an i128 and within the decimal's 96 bits.
    let mut mantissa: i128 = 0;
    for (count, digit) in digits.enumerate() {
        if count == MAX_DIGITS {
            return Err(NumberError::TooLarge);
        }
        mantissa = mantissa * 10 + i128::from(digit);
    }
    // The fraction's length is at most 28, so the scale always fits and is valid.
    let scale = u32::try_from(fraction.len()).map_err(|_| NumberError::TooLarge)?;
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| NumberError::TooLarge)
}

/// Moves the decimal point of `value` by `exponent` places (right when positive), exactly: the
/// digits stay as typed, so "8.254,817 triệu" becomes 8254817000 with no invented decimals.
fn shift(value: Decimal, exponent: i32) -> Result<Decimal, NumberError> {
    let new_scale = i64::from(value.scale()) - i64::from(exponent);
    if new_scale >= 0 {
        let scale = u32::try_from(new_scale).map_err(|_| NumberError::TooLarge)?;
        if scale > Decimal::MAX_SCALE {
            return Err(NumberError::TooLarge);
        }
        let mut shifted = value;
        shifted
            .set_scale(scale)
            .map_err(|_| NumberError::TooLarge)?;
        return Ok(shifted);
    }
    let zeros = u32::try_from(-new_scale).map_err(|_| NumberError::TooLarge)?;
    10_i128
        .checked_pow(zeros)
        .and_then(|factor| value.mantissa().checked_mul(factor))
        .and_then(|mantissa| Decimal::try_from_i128_with_scale(mantissa, 0).ok())
        .ok_or(NumberError::TooLarge)
}

// ---------------------------------------------------------------------------------------------
// Suffixes: percent signs, scale words, money words, unit symbols
// ---------------------------------------------------------------------------------------------

/// Words for a thousand, a million, a billion and a trillion, lower case and NFC, with the power
/// of ten each stands for. Unaccented spellings are there for keyboards without Telex.
const SCALE_WORDS: [(&str, i32); 13] = [
    ("nghìn", 3),
    ("ngàn", 3),
    ("nghin", 3),
    ("ngan", 3),
    ("thousand", 3),
    ("triệu", 6),
    ("trieu", 6),
    ("million", 6),
    ("tỷ", 9),
    ("tỉ", 9),
    ("ty", 9),
    ("ti", 9),
    ("billion", 9),
];

/// Words that name the trillion on their own.
const TRILLION_WORDS: [&str; 1] = ["trillion"];

/// Ways of writing the đồng after a number, lower case and NFC.
const MONEY_WORDS: [&str; 6] = ["đồng", "đ", "dong", "vnd", "vnđ", "₫"];

/// Reads the text after the number against the field's unit and returns the power of ten that
/// converts the typed number into the field's unit.
fn suffix_exponent(input: &str, rest: &str, unit: &Unit) -> Result<i32, NumberError> {
    let unit_name = || unit.symbol().to_owned();
    match rest {
        // A bare number is already in the field's unit.
        "" => return Ok(0),
        // A rate field takes either sign: one per cent is ten per mille.
        "%" if unit.is_percent() => return Ok(0),
        "%" if unit.is_per_mille() => return Ok(1),
        "‰" if unit.is_per_mille() => return Ok(0),
        "‰" if unit.is_percent() => return Ok(-1),
        "%" | "‰" => return Err(NumberError::PercentNotAllowed { unit: unit_name() }),
        _ => {}
    }
    // The field's own unit, as either language writes it, converts nothing ("208 tỷ đồng" in a
    // tỷ đồng field, "8 công trình").
    if is_unit_symbol(rest, unit) {
        return Ok(0);
    }
    let (scale, tail) = strip_scale_word(rest);
    // Money fields count đồng once their own scale is taken out: "208 tỷ" and "208 tỷ đồng" are
    // both 10⁹ đồng, which a tỷ đồng field holds as 208.
    let money = unit
        .money_exponent()
        .map(|e| i32::try_from(e.min(Decimal::MAX_SCALE)).unwrap_or(0));
    if tail.is_empty() {
        return Ok(scale - money.unwrap_or(0));
    }
    if scale != 0 && is_unit_symbol(tail, unit) {
        // "2 nghìn tấn": a scale word before the field's unit multiplies.
        return Ok(scale);
    }
    if MONEY_WORDS.iter().any(|w| eq_ignore_case(tail, w)) {
        return match money {
            Some(money) => Ok(scale - money),
            None => Err(NumberError::WrongUnit {
                found: tail.to_owned(),
                unit: unit_name(),
            }),
        };
    }
    // A word is a unit this field does not take; digits, signs or marks mean the text is not one
    // number ("1e5", "5 - 6", "2 tỷ 3").
    if tail
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '/')
    {
        Err(NumberError::WrongUnit {
            found: tail.to_owned(),
            unit: unit_name(),
        })
    } else {
        Err(NumberError::NotANumber {
            text: input.to_owned(),
        })
    }
}

/// Strips a leading scale word ("nghìn", "tỷ", "nghìn tỷ", …) from `text`, case-insensitively,
/// and returns its power of ten and what follows it (0 and `text` when there is none).
fn strip_scale_word(text: &str) -> (i32, &str) {
    if let Some(after) = TRILLION_WORDS.iter().find_map(|w| strip_word(text, w)) {
        return (12, after);
    }
    let Some((exponent, after)) = SCALE_WORDS
        .iter()
        .find_map(|&(w, e)| strip_word(text, w).map(|after| (e, after)))
    else {
        return (0, text);
    };
    // "nghìn tỷ" is a thousand billions: a thousand word may be followed by a billion word.
    let billions = SCALE_WORDS
        .iter()
        .filter(|&&(_, e)| e == 9)
        .find_map(|&(w, _)| strip_word(after, w));
    match billions {
        Some(after) if exponent == 3 => (12, after),
        _ => (exponent, after),
    }
}

/// Strips `word` (lower case) from the start of `text` when it stands as a whole word, ignoring
/// case, and returns the rest with its leading space dropped.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let mut typed = text.char_indices();
    let mut end = 0;
    for expected in word.chars() {
        let (i, c) = typed.next()?;
        if !c.to_lowercase().eq(expected.to_lowercase()) {
            return None;
        }
        end = i + c.len_utf8();
    }
    let after = &text[end..];
    // "tyx" is not "ty": the word must end where a letter does not follow.
    if after.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    Some(after.trim_start())
}

/// Whether `text` names the field's unit, in Vietnamese or English, ignoring case.
fn is_unit_symbol(text: &str, unit: &Unit) -> bool {
    let vi: String = unit.symbol().nfc().collect();
    let en: String = unit.symbol_in(Lang::En).nfc().collect();
    !vi.is_empty() && (eq_ignore_case(text, &vi) || eq_ignore_case(text, &en))
}

/// Compares two NFC texts ignoring case (Vietnamese letters included: "TỶ" is "tỷ").
fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

/// Every digit of the value, grouped in the language's style, trailing fraction zeros dropped:
/// `17416889536` → `17.416.889.536`, `2809.80` → `2.809,8`, `-5` → `-5`.
pub fn format_exact(value: Decimal, lang: Lang) -> String {
    render(&value.normalize(), lang)
}

/// A count of things ("501.000 giá trị"), grouped as the language groups digits.
pub fn format_count(count: usize, lang: Lang) -> String {
    format_exact(Decimal::from(count), lang)
}

/// The value rounded half away from zero to `decimals` places, zeros kept:
/// `(2809.84, 1)` → `2.809,8`, `(0.5, 0)` → `1`, `(3, 2)` → `3,00`.
///
/// More places than a decimal holds (28) are capped at 28.
pub fn format_fixed(value: Decimal, decimals: u32, lang: Lang) -> String {
    let decimals = decimals.min(Decimal::MAX_SCALE);
    let rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let mut text = render(&rounded, lang);
    // Rounding never adds places, so a value with fewer places than asked is padded with zeros.
    let have = usize::try_from(rounded.scale()).unwrap_or(0);
    let want = usize::try_from(decimals).unwrap_or(usize::MAX);
    if want > have {
        if have == 0 {
            text.push(lang.decimal_mark());
        }
        text.extend(std::iter::repeat_n('0', want - have));
    }
    text
}

/// A percentage with one decimal at most and the `%` sign: `114.6012` → `114,6%`,
/// `103.00001` → `103%` (English `114.6%`).
pub fn format_percent(value: Decimal, lang: Lang) -> String {
    let rounded = value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    format!("{}%", format_exact(rounded, lang))
}

/// The exact value and the unit in the language: `2.809,8 tấn`, `17.416.889.536 đồng`; the
/// `%` and `‰` signs attach without a space (`12,5%`).
pub fn format_with_unit(value: Decimal, unit: &Unit, lang: Lang) -> String {
    let number = format_exact(value, lang);
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
/// language's style. A zero never shows a sign.
fn render(value: &Decimal, lang: Lang) -> String {
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
            out.push(lang.group_mark());
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(lang.decimal_mark());
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn tan() -> Unit {
        Unit::new("tấn")
    }

    /// Parses in a field of `unit` and returns the value and the warnings.
    fn read(text: &str, unit: &str, lang: Lang) -> (Decimal, Vec<NumberWarning>) {
        let parsed = parse(text, &Unit::new(unit), lang).unwrap();
        (parsed.value, parsed.warnings)
    }

    fn value(text: &str, unit: &str, lang: Lang) -> Decimal {
        let (value, warnings) = read(text, unit, lang);
        assert!(warnings.is_empty(), "{text}: unexpected {warnings:?}");
        value
    }

    fn error(text: &str, unit: &str, lang: Lang) -> NumberError {
        parse(text, &Unit::new(unit), lang).unwrap_err()
    }

    // --- The cases DOMAIN.md lists -------------------------------------------------------------

    #[test]
    fn domain_cases() {
        assert_eq!(value("2.809,8", "tấn", Lang::Vi), d("2809.8"));
        assert_eq!(value("17.416.889.536", "đồng", Lang::Vi), d("17416889536"));
        assert_eq!(value("114,6%", "%", Lang::Vi), d("114.6"));
        assert_eq!(value("1,5", "tấn", Lang::Vi), d("1.5"));
        assert_eq!(value("2809.8", "tấn", Lang::Vi), d("2809.8"));
        assert_eq!(
            read("17.416,889,536", "đồng", Lang::Vi),
            (d("17416889536"), vec![NumberWarning::MixedSeparators])
        );
        assert_eq!(value("208 tỷ", "đồng", Lang::Vi), d("208000000000"));
        assert_eq!(error("-5", "công trình", Lang::Vi), NumberError::Negative);
        assert_eq!(
            value("8.254,817 triệu đồng", "đồng", Lang::Vi),
            d("8254817000")
        );
    }

    // --- Rule 1: normalisation, spaces, signs ---------------------------------------------------

    #[test]
    fn decomposed_vietnamese_is_normalised() {
        let nfd: String = "208 tỷ".nfd().collect();
        assert_ne!(nfd, "208 tỷ");
        assert_eq!(value(&nfd, "đồng", Lang::Vi), d("208000000000"));
        let nfd_unit: String = "2.809,8 tấn".nfd().collect();
        assert_eq!(value(&nfd_unit, "tấn", Lang::Vi), d("2809.8"));
    }

    #[test]
    fn spaces_group_thousands() {
        assert_eq!(value("17 416 889 536", "đồng", Lang::Vi), d("17416889536"));
        assert_eq!(
            value("17\u{a0}416\u{a0}889\u{a0}536", "đồng", Lang::Vi),
            d("17416889536")
        );
        assert_eq!(
            value("17\u{202f}416\u{202f}889", "đồng", Lang::En),
            d("17416889")
        );
        assert_eq!(value("1 234,5", "tấn", Lang::Vi), d("1234.5"));
        assert_eq!(value("  2.809,8\u{a0}tấn ", "tấn", Lang::Vi), d("2809.8"));
        assert_eq!(
            value("\u{feff}2.809,8\u{200b}", "tấn", Lang::Vi),
            d("2809.8")
        );
        assert!(matches!(
            error("1 23", "tấn", Lang::Vi),
            NumberError::BadGrouping { .. }
        ));
    }

    #[test]
    fn signs() {
        assert_eq!(value("+5", "tấn", Lang::Vi), d("5"));
        assert_eq!(error("−5", "tấn", Lang::Vi), NumberError::Negative);
        assert_eq!(error("-0", "tấn", Lang::Vi), NumberError::Negative);
        assert_eq!(parse_plain("-5", Lang::Vi).unwrap().value, d("-5"));
        assert_eq!(parse_plain("− 2,5", Lang::Vi).unwrap().value, d("-2.5"));
        let zero = parse_plain("-0", Lang::Vi).unwrap().value;
        assert!(zero.is_zero() && !zero.is_sign_negative());
        for text in ["--5", "+-5", "-", "+", "5-", "5 - 6"] {
            assert!(
                matches!(
                    parse_plain(text, Lang::Vi),
                    Err(NumberError::NotANumber { .. })
                ),
                "{text}"
            );
        }
    }

    // --- Rule 2 and 3: suffixes and scaling -----------------------------------------------------

    #[test]
    fn scale_words_in_money_fields() {
        assert_eq!(value("208 tỷ", "tỷ đồng", Lang::Vi), d("208"));
        assert_eq!(value("208", "tỷ đồng", Lang::Vi), d("208"));
        assert_eq!(value("208 tỷ đồng", "tỷ đồng", Lang::Vi), d("208"));
        assert_eq!(value("208 TỶ ĐỒNG", "tỷ đồng", Lang::Vi), d("208"));
        assert_eq!(value("208tỷ", "đồng", Lang::Vi), d("208000000000"));
        assert_eq!(value("208 ti", "đồng", Lang::Vi), d("208000000000"));
        assert_eq!(value("208 Tỷ", "đồng", Lang::Vi), d("208000000000"));
        assert_eq!(
            value("17.416.889.536 đồng", "tỷ đồng", Lang::Vi),
            d("17.416889536")
        );
        assert_eq!(value("8.254,817", "triệu đồng", Lang::Vi), d("8254.817"));
        assert_eq!(value("40 tỷ đ", "đồng", Lang::Vi), d("40000000000"));
        assert_eq!(value("5 VNĐ", "đồng", Lang::Vi), d("5"));
        assert_eq!(value("5 vnd", "đồng", Lang::Vi), d("5"));
        assert_eq!(value("2 nghìn tỷ", "tỷ đồng", Lang::Vi), d("2000"));
        assert_eq!(
            value("2 ngàn tỉ đồng", "đồng", Lang::Vi),
            d("2000000000000")
        );
        assert_eq!(value("3 trieu dong", "đồng", Lang::Vi), d("3000000"));
        assert_eq!(value("1.5 billion VND", "đồng", Lang::En), d("1500000000"));
        assert_eq!(value("2 trillion", "tỷ đồng", Lang::En), d("2000"));
        assert_eq!(value("208 billion VND", "tỷ đồng", Lang::En), d("208"));
        assert_eq!(value("12 thousand", "triệu đồng", Lang::En), d("0.012"));
    }

    #[test]
    fn scaling_keeps_the_typed_digits() {
        // Shifting the decimal point invents no trailing decimals, nor loses any.
        let v = value("8.254,817 triệu đồng", "đồng", Lang::Vi);
        assert_eq!(v.scale(), 0);
        assert_eq!(v.to_string(), "8254817000");
        let v = value("17.416.889.536 đồng", "tỷ đồng", Lang::Vi);
        assert_eq!(v.to_string(), "17.416889536");
        assert_eq!(value("2.809,80", "tấn", Lang::Vi).scale(), 2);
    }

    #[test]
    fn scale_words_and_units_in_other_fields() {
        assert_eq!(value("2 nghìn", "tấn", Lang::Vi), d("2000"));
        assert_eq!(value("2 nghìn tấn", "tấn", Lang::Vi), d("2000"));
        assert_eq!(value("2.809,8 tấn", "tấn", Lang::Vi), d("2809.8"));
        assert_eq!(value("2.809,8 TẤN", "tấn", Lang::Vi), d("2809.8"));
        assert_eq!(value("2,809.8 tonnes", "tấn", Lang::En), d("2809.8"));
        assert_eq!(value("8 công trình", "công trình", Lang::Vi), d("8"));
        assert_eq!(value("8 works", "công trình", Lang::Vi), d("8"));
        assert_eq!(
            error("5 ha", "tấn", Lang::Vi),
            NumberError::WrongUnit {
                found: "ha".into(),
                unit: "tấn".into()
            }
        );
        assert_eq!(
            error("5 đồng", "tấn", Lang::Vi),
            NumberError::WrongUnit {
                found: "đồng".into(),
                unit: "tấn".into()
            }
        );
        assert_eq!(
            error("5 tỷ tấn", "đồng", Lang::Vi),
            NumberError::WrongUnit {
                found: "tấn".into(),
                unit: "đồng".into()
            }
        );
    }

    // --- Rule 4: percent and per mille ----------------------------------------------------------

    #[test]
    fn percent_and_per_mille() {
        assert_eq!(value("114,6 %", "%", Lang::Vi), d("114.6"));
        assert_eq!(value("114,6", "%", Lang::Vi), d("114.6"));
        assert_eq!(value("12,5‰", "‰", Lang::Vi), d("12.5"));
        assert_eq!(value("1,25%", "‰", Lang::Vi), d("12.5"));
        assert_eq!(value("12,5‰", "%", Lang::Vi), d("1.25"));
        assert_eq!(value("103%", "%", Lang::En), d("103"));
        for unit in ["tấn", "đồng", "công trình"] {
            assert_eq!(
                error("5%", unit, Lang::Vi),
                NumberError::PercentNotAllowed { unit: unit.into() }
            );
            assert_eq!(
                error("5‰", unit, Lang::Vi),
                NumberError::PercentNotAllowed { unit: unit.into() }
            );
        }
        assert!(matches!(
            error("5%%", "%", Lang::Vi),
            NumberError::NotANumber { .. }
        ));
    }

    // --- Rule 5: separators ---------------------------------------------------------------------

    #[test]
    fn ambiguous_single_separator_follows_the_style() {
        let ambiguous = |v: &str| vec![NumberWarning::AmbiguousSeparator { read_as: d(v) }];
        assert_eq!(
            read("2.809", "tấn", Lang::Vi),
            (d("2809"), ambiguous("2809"))
        );
        assert_eq!(
            read("1,500", "tấn", Lang::Vi),
            (d("1.5"), ambiguous("1.500"))
        );
        assert_eq!(
            read("2,809", "tấn", Lang::En),
            (d("2809"), ambiguous("2809"))
        );
        assert_eq!(
            read("1.500", "tấn", Lang::En),
            (d("1.5"), ambiguous("1.500"))
        );
        // The warning carries the number as read, before scale words.
        assert_eq!(
            read("2.809 tỷ", "đồng", Lang::Vi),
            (d("2809000000000"), ambiguous("2809"))
        );
        // A group that cannot lead a thousands grouping leaves only the decimal reading.
        assert_eq!(value("2809.123", "tấn", Lang::Vi), d("2809.123"));
        assert_eq!(value("0,500", "tấn", Lang::En), d("0.5"));
        assert_eq!(value("0.500", "tấn", Lang::Vi), d("0.5"));
    }

    #[test]
    fn single_separator_with_other_than_three_digits_is_decimal() {
        for lang in Lang::ALL {
            assert_eq!(value("2809.8", "tấn", lang), d("2809.8"));
            assert_eq!(value("2809,8", "tấn", lang), d("2809.8"));
            assert_eq!(value("1,5", "tấn", lang), d("1.5"));
            assert_eq!(value("1.25", "tấn", lang), d("1.25"));
            assert_eq!(value("1,2345", "tấn", lang), d("1.2345"));
        }
    }

    #[test]
    fn groupings() {
        assert_eq!(value("1.234.567", "tấn", Lang::Vi), d("1234567"));
        assert_eq!(value("1,234,567", "tấn", Lang::En), d("1234567"));
        assert_eq!(value("1.234,567", "tấn", Lang::Vi), d("1234.567"));
        assert_eq!(value("12.345.678,9", "tấn", Lang::Vi), d("12345678.9"));
        assert_eq!(value("12,345,678.9", "tấn", Lang::En), d("12345678.9"));
        assert_eq!(
            read("17,416,889,536", "đồng", Lang::Vi),
            (d("17416889536"), vec![NumberWarning::OtherStyle])
        );
        assert_eq!(
            read("2,809.8", "tấn", Lang::Vi),
            (d("2809.8"), vec![NumberWarning::OtherStyle])
        );
        assert_eq!(
            read("2.809,8", "tấn", Lang::En),
            (d("2809.8"), vec![NumberWarning::OtherStyle])
        );
        assert_eq!(
            read("17,416.889.536", "đồng", Lang::En),
            (d("17416889536"), vec![NumberWarning::MixedSeparators])
        );
        // Spaces group thousands; a single mark after them still reads two ways.
        assert_eq!(
            read("17 416,889", "đồng", Lang::Vi),
            (
                d("17416.889"),
                vec![NumberWarning::AmbiguousSeparator {
                    read_as: d("17416.889")
                }]
            )
        );
        assert_eq!(value("17 416,88", "đồng", Lang::Vi), d("17416.88"));
    }

    #[test]
    fn bad_groupings() {
        for text in [
            "1.23.4",
            "1..2",
            "12,34,5",
            "5,",
            "5.",
            "1.2345.678",
            "0.500.000",
            "1,5.3,2",
            "1 2,5",
            ",5,3",
            "1.234.5",
        ] {
            assert!(
                matches!(
                    parse(text, &tan(), Lang::Vi),
                    Err(NumberError::BadGrouping { .. })
                ),
                "{text}: {:?}",
                parse(text, &tan(), Lang::Vi)
            );
        }
    }

    #[test]
    fn leading_decimal_mark_only_in_the_style() {
        assert_eq!(value(",5", "tấn", Lang::Vi), d("0.5"));
        assert_eq!(value(".5", "tấn", Lang::En), d("0.5"));
        assert!(matches!(
            error(".5", "tấn", Lang::Vi),
            NumberError::BadGrouping { .. }
        ));
        assert!(matches!(
            error(",5", "tấn", Lang::En),
            NumberError::BadGrouping { .. }
        ));
    }

    // --- Rule 6: negatives, counts, overflow ----------------------------------------------------

    #[test]
    fn counts_must_be_whole() {
        assert_eq!(
            error("8,5", "công trình", Lang::Vi),
            NumberError::NotWhole {
                unit: "công trình".into()
            }
        );
        assert_eq!(value("8,0", "công trình", Lang::Vi), d("8"));
        assert_eq!(value("1,5 nghìn", "người", Lang::Vi), d("1500"));
        assert_eq!(
            error("1,5555 nghìn", "người", Lang::Vi),
            NumberError::NotWhole {
                unit: "người".into()
            }
        );
    }

    #[test]
    fn too_large() {
        let big = "9".repeat(29);
        assert_eq!(error(&big, "tấn", Lang::Vi), NumberError::TooLarge);
        let ok = "9".repeat(28);
        assert_eq!(value(&ok, "tấn", Lang::Vi), d(&ok));
        assert_eq!(
            error(&format!("{ok} nghìn tỷ"), "đồng", Lang::Vi),
            NumberError::TooLarge
        );
        assert_eq!(
            error(&format!("0,{}1", "0".repeat(28)), "tấn", Lang::Vi),
            NumberError::TooLarge
        );
        assert_eq!(
            error(&format!("0,{}1 đồng", "0".repeat(20)), "tỷ đồng", Lang::Vi),
            NumberError::TooLarge
        );
        // Leading zeros are not significant.
        assert_eq!(
            value(&format!("{}5", "0".repeat(40)), "tấn", Lang::Vi),
            d("5")
        );
    }

    // --- Rule 7: everything else ----------------------------------------------------------------

    #[test]
    fn not_numbers() {
        assert_eq!(error("", "tấn", Lang::Vi), NumberError::Empty);
        assert_eq!(error(" \u{a0} ", "tấn", Lang::Vi), NumberError::Empty);
        assert_eq!(parse_plain("", Lang::En).unwrap_err(), NumberError::Empty);
        for text in [
            "abc", "1e5", "tỷ", "%", ",", "2 tỷ 3", "5 - 6", "x5", "5 tấn.",
        ] {
            assert!(
                matches!(
                    parse(text, &tan(), Lang::Vi),
                    Err(NumberError::NotANumber { .. })
                ),
                "{text}: {:?}",
                parse(text, &tan(), Lang::Vi)
            );
        }
        assert_eq!(
            error("1e5", "tấn", Lang::Vi),
            NumberError::NotANumber { text: "1e5".into() }
        );
    }

    #[test]
    fn plain_numbers_take_no_suffix() {
        assert_eq!(parse_plain("2021", Lang::Vi).unwrap().value, d("2021"));
        assert_eq!(parse_plain("2.809,8", Lang::Vi).unwrap().value, d("2809.8"));
        assert_eq!(parse_plain("2,809.8", Lang::En).unwrap().value, d("2809.8"));
        for text in ["5 tỷ", "5%", "5 tấn"] {
            assert!(
                matches!(
                    parse_plain(text, Lang::Vi),
                    Err(NumberError::NotANumber { .. })
                ),
                "{text}"
            );
        }
    }

    // --- Formatting -----------------------------------------------------------------------------

    #[test]
    fn format_exact_groups_every_digit() {
        assert_eq!(format_exact(d("17416889536"), Lang::Vi), "17.416.889.536");
        assert_eq!(format_exact(d("17416889536"), Lang::En), "17,416,889,536");
        assert_eq!(format_exact(d("2809.8"), Lang::Vi), "2.809,8");
        assert_eq!(format_exact(d("2809.80"), Lang::Vi), "2.809,8");
        assert_eq!(format_exact(d("2809.8"), Lang::En), "2,809.8");
        assert_eq!(format_exact(d("-5"), Lang::Vi), "-5");
        assert_eq!(format_exact(d("-1234567.25"), Lang::Vi), "-1.234.567,25");
        assert_eq!(format_exact(d("0"), Lang::Vi), "0");
        assert_eq!(format_exact(d("0.000"), Lang::En), "0");
        assert_eq!(format_exact(-Decimal::ZERO, Lang::Vi), "0");
        assert_eq!(format_exact(d("123"), Lang::Vi), "123");
        assert_eq!(format_exact(d("1000"), Lang::Vi), "1.000");
        assert_eq!(format_exact(d("0.0000001"), Lang::Vi), "0,0000001");
        assert_eq!(
            format_exact(Decimal::MAX, Lang::Vi),
            "79.228.162.514.264.337.593.543.950.335"
        );
    }

    #[test]
    fn format_fixed_rounds_half_away_from_zero() {
        assert_eq!(format_fixed(d("2809.84"), 1, Lang::Vi), "2.809,8");
        assert_eq!(format_fixed(d("2809.85"), 1, Lang::Vi), "2.809,9");
        assert_eq!(format_fixed(d("2809.85"), 1, Lang::En), "2,809.9");
        assert_eq!(format_fixed(d("0.5"), 0, Lang::Vi), "1");
        assert_eq!(format_fixed(d("-0.5"), 0, Lang::Vi), "-1");
        assert_eq!(format_fixed(d("2.5"), 0, Lang::Vi), "3");
        assert_eq!(format_fixed(d("3"), 2, Lang::Vi), "3,00");
        assert_eq!(format_fixed(d("1234.5"), 3, Lang::En), "1,234.500");
        assert_eq!(format_fixed(d("0"), 1, Lang::Vi), "0,0");
        assert_eq!(format_fixed(d("-0.04"), 1, Lang::Vi), "0,0");
        assert_eq!(format_fixed(d("-12.345"), 2, Lang::Vi), "-12,35");
        assert_eq!(format_fixed(d("1.5"), u32::MAX, Lang::Vi).len(), 30);
    }

    #[test]
    fn format_percent_one_decimal_at_most() {
        assert_eq!(format_percent(d("114.6012"), Lang::Vi), "114,6%");
        assert_eq!(format_percent(d("114.6012"), Lang::En), "114.6%");
        assert_eq!(format_percent(d("103.00001"), Lang::Vi), "103%");
        assert_eq!(format_percent(d("99.95"), Lang::Vi), "100%");
        assert_eq!(format_percent(d("1234.56"), Lang::Vi), "1.234,6%");
        assert_eq!(format_percent(d("-0.5"), Lang::Vi), "-0,5%");
        assert_eq!(format_percent(d("0"), Lang::Vi), "0%");
    }

    #[test]
    fn format_with_unit_in_both_languages() {
        assert_eq!(
            format_with_unit(d("2809.8"), &tan(), Lang::Vi),
            "2.809,8 tấn"
        );
        assert_eq!(
            format_with_unit(d("2809.8"), &tan(), Lang::En),
            "2,809.8 tonnes"
        );
        assert_eq!(
            format_with_unit(d("17416889536"), &Unit::new("đồng"), Lang::Vi),
            "17.416.889.536 đồng"
        );
        assert_eq!(
            format_with_unit(d("208"), &Unit::new("tỷ đồng"), Lang::Vi),
            "208 tỷ đồng"
        );
        assert_eq!(
            format_with_unit(d("208"), &Unit::new("tỷ đồng"), Lang::En),
            "208 billion VND"
        );
        assert_eq!(
            format_with_unit(d("12.5"), &Unit::new("%"), Lang::Vi),
            "12,5%"
        );
        assert_eq!(
            format_with_unit(d("12.5"), &Unit::new("‰"), Lang::En),
            "12.5‰"
        );
    }

    // --- Messages -------------------------------------------------------------------------------

    #[test]
    fn messages_are_translated() {
        assert_eq!(
            NumberError::Negative.message(Lang::Vi),
            "Số âm không hợp lệ cho chỉ tiêu này"
        );
        assert_eq!(
            NumberError::NotWhole {
                unit: "công trình".into()
            }
            .message(Lang::En),
            "A figure in works must be a whole number"
        );
        assert_eq!(
            NumberError::NotWhole {
                unit: "công trình".into()
            }
            .message(Lang::Vi),
            "Chỉ tiêu tính bằng công trình phải là số nguyên"
        );
        assert_eq!(
            NumberWarning::MixedSeparators.message(Lang::Vi),
            "Dấu phân cách lẫn lộn (chấm và phẩy); đã đọc là số nguyên"
        );
        let warning = NumberWarning::AmbiguousSeparator { read_as: d("2809") };
        assert!(warning.message(Lang::Vi).contains("2.809"));
        assert!(warning.message(Lang::En).contains("2,809"));
        let warning = NumberWarning::AmbiguousSeparator { read_as: d("1.5") };
        assert!(warning.message(Lang::Vi).contains("số thập phân 1,5"));
        assert!(
            NumberError::PercentNotAllowed {
                unit: "tấn".into()
            }
            .message(Lang::Vi)
            .contains("tấn không nhận dấu % hay ‰")
        );
        assert_eq!(
            NumberError::WrongUnit {
                found: "ha".into(),
                unit: "tấn".into()
            }
            .to_string(),
            "\"ha\" does not match the indicator's unit (tonnes)"
        );
        // Every variant has a message in both languages (no key shows through).
        let errors = [
            NumberError::Empty,
            NumberError::NotANumber { text: "x".into() },
            NumberError::BadGrouping { text: "1.2".into() },
            NumberError::Negative,
            NumberError::NotWhole {
                unit: "hộ".into()
            },
            NumberError::PercentNotAllowed {
                unit: "hộ".into()
            },
            NumberError::WrongUnit {
                found: "ha".into(),
                unit: "hộ".into(),
            },
            NumberError::TooLarge,
        ];
        let warnings = [
            NumberWarning::MixedSeparators,
            NumberWarning::OtherStyle,
            NumberWarning::AmbiguousSeparator { read_as: d("1") },
        ];
        for lang in Lang::ALL {
            let texts = errors
                .iter()
                .map(|e| e.message(lang))
                .chain(warnings.iter().map(|w| w.message(lang)));
            for text in texts {
                assert!(!text.contains("number."), "{text}");
                assert!(!text.contains("%{"), "{text}");
            }
        }
        assert_ne!(
            NumberError::Empty.message(Lang::Vi),
            NumberError::Empty.message(Lang::En)
        );
    }

    // --- Properties -----------------------------------------------------------------------------

    fn decimal() -> impl Strategy<Value = Decimal> {
        (0..=i64::MAX, 0..=6_u32).prop_map(|(m, s)| Decimal::new(m, s))
    }

    fn lang() -> impl Strategy<Value = Lang> {
        prop_oneof![Just(Lang::Vi), Just(Lang::En)]
    }

    proptest! {
        #[test]
        fn formatted_values_parse_back(v in decimal(), lang in lang()) {
            let text = format_exact(v, lang);
            let parsed = parse(&text, &tan(), lang).unwrap();
            prop_assert_eq!(parsed.value.normalize(), v.normalize());
            for warning in &parsed.warnings {
                prop_assert!(
                    matches!(warning, NumberWarning::AmbiguousSeparator { read_as } if *read_as == v),
                    "{} gave {:?}", text, warning
                );
            }
            let plain = parse_plain(&text, lang).unwrap();
            prop_assert_eq!(plain.value, parsed.value);
        }

        #[test]
        fn negative_values_parse_back_plain(v in decimal(), lang in lang()) {
            let text = format_exact(-v, lang);
            prop_assert_eq!(parse_plain(&text, lang).unwrap().value.normalize(), (-v).normalize());
        }

        #[test]
        fn fixed_and_with_unit_parse_back(v in decimal(), lang in lang()) {
            let text = format_with_unit(v, &tan(), lang);
            prop_assert_eq!(parse(&text, &tan(), lang).unwrap().value.normalize(), v.normalize());
            let text = format_fixed(v, 6, lang);
            prop_assert_eq!(parse(&text, &tan(), lang).unwrap().value, v);
        }

        #[test]
        fn any_text_never_panics(text in ".*", lang in lang()) {
            for unit in ["tấn", "đồng", "tỷ đồng", "%", "‰", "công trình", ""] {
                drop(parse(&text, &Unit::new(unit), lang));
            }
            drop(parse_plain(&text, lang));
        }

        #[test]
        fn number_like_text_never_panics(
            text in "[0123456789.,% \\-tỷriệunghìnđồng‰\u{a0}+−]{0,40}",
            lang in lang(),
        ) {
            for unit in ["tấn", "đồng", "tỷ đồng", "%", "‰", "công trình"] {
                if let Ok(parsed) = parse(&text, &Unit::new(unit), lang) {
                    prop_assert!(!parsed.value.is_sign_negative() || parsed.value.is_zero());
                }
            }
            drop(parse_plain(&text, lang));
        }

        #[test]
        fn long_digit_runs_never_panic(
            text in "[0-9]{1,40}([.,][0-9]{1,40}){0,3}( (nghìn tỷ|tỷ|triệu|đồng))?",
            lang in lang(),
        ) {
            for unit in ["đồng", "tỷ đồng", "%", "‰"] {
                drop(parse(&text, &Unit::new(unit), lang));
            }
        }
    }
}
