//! Typed text to an exact value: the digits and their marks read in the writer's style, then
//! what follows them (see [`super::scale`]). Also what a text tells of the style it was written
//! in, for files whose style is found from their cells.

use std::borrow::Cow;

use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization as _;

use super::scale::suffix_exponent;
use super::{NumberError, NumberStyle, NumberWarning, Parsed, Unit};

/// Reads what a user typed into a field of the given unit, written in `style`.
///
/// The result is in the field's unit: in a `tỷ đồng` field `17.416.889.536 đồng` is 17.416889536,
/// in a `đồng` field `208 tỷ` is 208000000000. Negative numbers are refused, as are fractions in
/// a count unit and percent signs outside rates.
pub fn parse(text: &str, unit: &Unit, style: NumberStyle) -> Result<Parsed, NumberError> {
    let input = tidy(text);
    if input.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, number) = read_number(&input, style)?;
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
pub fn parse_plain(text: &str, style: NumberStyle) -> Result<Parsed, NumberError> {
    let input = tidy(text);
    if input.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, number) = read_number(&input, style)?;
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
fn read_number(input: &str, style: NumberStyle) -> Result<(bool, Number<'_>), NumberError> {
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
    let reading = read_groups(span, style).ok_or_else(|| NumberError::BadGrouping {
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
fn read_groups(span: &str, style: NumberStyle) -> Option<Reading<'_>> {
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
        let ok = last_at == 0 && last == style.decimal_mark() && !fraction.is_empty();
        return ok.then(|| decimal(None));
    }
    if groups(span).any(str::is_empty) {
        // A trailing ("5,") or doubled ("1..2") mark.
        return None;
    }
    if last == ' ' {
        // The last group follows a space: every separator groups thousands.
        return thousands_ok(span).then(|| whole(grouping_flag(span, style)));
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
            return Some(if last == style.group_mark() {
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
        return thousands_ok(span).then(|| whole(grouping_flag(span, style)));
    }
    if same == 0 {
        // Groups with one mark, decimals with the other ("2.809,8"): a well-formed number in one
        // of the two styles, flagged if it is not the field's.
        let flag = (last != style.decimal_mark()).then_some(Flag::OtherStyle);
        return whole_part_ok(whole_part).then(|| decimal(flag));
    }
    // Both marks before the last one: no style writes that, but if every group has three digits
    // it is a whole number with a typo in its marks (the article's "17.416,889,536").
    thousands_ok(span).then(|| whole(Some(Flag::Mixed)))
}

/// What a text tells of the style its numbers were written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StyleEvidence {
    /// Nothing: no number, or only numbers that read the same in either style (`2809.8`, `1,5`,
    /// `17 416`), or a typo no style writes (`17.416,889,536`).
    None,
    /// A number that reads in both styles, as two different values (`2.600`, `1,500`).
    Ambiguous,
    /// A number that reads cleanly in this style only (`18.000.000.000` and `2.751,25` are
    /// Vietnamese, `1,234.5` English).
    Decides(NumberStyle),
}

/// What `text` tells of the style it was written in: the first number that decides, else
/// whether any number reads two ways. A number decides for a style when it reads without a
/// warning in that style and only with the other-style warning (or not at all) in the other.
pub fn style_evidence(text: &str) -> StyleEvidence {
    // Without a dot or a comma every style reads a text alike (most cells: counts, years).
    if !text.bytes().any(|b| b == b'.' || b == b',') {
        return StyleEvidence::None;
    }
    let input = tidy(text);
    let mut ambiguous = false;
    let mut rest: &str = &input;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
        let (span, after) = split_number(&rest[start..]);
        match span_evidence(span) {
            StyleEvidence::Decides(style) => return StyleEvidence::Decides(style),
            StyleEvidence::Ambiguous => ambiguous = true,
            StyleEvidence::None => {}
        }
        // A span always holds its first character (a digit or a mark), so the scan moves on.
        rest = after;
    }
    if ambiguous {
        StyleEvidence::Ambiguous
    } else {
        StyleEvidence::None
    }
}

/// What one number's span tells of its style (see [`style_evidence`]).
fn span_evidence(span: &str) -> StyleEvidence {
    if !span.bytes().any(|b| b.is_ascii_digit()) {
        return StyleEvidence::None;
    }
    let vi = read_groups(span, NumberStyle::Vi).map(|r| r.flag);
    let en = read_groups(span, NumberStyle::En).map(|r| r.flag);
    match (vi, en) {
        (Some(None), Some(Some(Flag::OtherStyle)) | None) => {
            StyleEvidence::Decides(NumberStyle::Vi)
        }
        (Some(Some(Flag::OtherStyle)) | None, Some(None)) => {
            StyleEvidence::Decides(NumberStyle::En)
        }
        (Some(Some(Flag::Ambiguous)), Some(Some(Flag::Ambiguous))) => StyleEvidence::Ambiguous,
        _ => StyleEvidence::None,
    }
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
fn grouping_flag(span: &str, style: NumberStyle) -> Option<Flag> {
    let own = span.contains(style.group_mark());
    let other = span.contains(style.decimal_mark());
    match (own, other) {
        (true, true) => Some(Flag::Mixed),
        (false, true) => Some(Flag::OtherStyle),
        _ => None,
    }
}

/// The most digits an exact decimal holds whatever they are (its 96-bit mantissa holds 28 nines).
const MAX_DIGITS: usize = 28;

/// The smallest mantissa of more than [`MAX_DIGITS`] digits.
#[allow(clippy::cast_possible_truncation)]
const DIGITS_LIMIT: i128 = 10_i128.pow(MAX_DIGITS as u32);

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
    // No more digits than a typed number may have: a decimal holds 29 digits, but a value of 29
    // would be shown in digits this reader refuses ("5999999999999949999999999996%" in a ‰
    // field), and could not be read back as shown.
    10_i128
        .checked_pow(zeros)
        .and_then(|factor| value.mantissa().checked_mul(factor))
        .filter(|mantissa| mantissa.abs() < DIGITS_LIMIT)
        .and_then(|mantissa| Decimal::try_from_i128_with_scale(mantissa, 0).ok())
        .ok_or(NumberError::TooLarge)
}
