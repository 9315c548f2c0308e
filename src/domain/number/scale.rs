//! What may follow a number's digits: the `%` and `‰` signs, scale words (nghìn 10³, triệu 10⁶,
//! tỷ 10⁹, nghìn tỷ 10¹²: "8.254,817 triệu đồng" is 8.254.817.000 đồng), money words and the
//! field's own unit, each turned into the power of ten that brings the number into the field's
//! unit.

use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization as _;

use super::{NumberError, Unit};
use crate::domain::Lang;

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
pub(super) fn suffix_exponent(input: &str, rest: &str, unit: &Unit) -> Result<i32, NumberError> {
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
