//! The number reader and writer against the cases people really type.

#![allow(clippy::unwrap_used)]

use super::*;
use proptest::prelude::*;
use std::str::FromStr;
use unicode_normalization::UnicodeNormalization as _;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn tan() -> Unit {
    Unit::new("tấn")
}

/// Parses in a field of `unit` and returns the value and the warnings.
fn read(text: &str, unit: &str, lang: Lang) -> (Decimal, Vec<NumberWarning>) {
    let parsed = parse(text, &Unit::new(unit), lang.into()).unwrap();
    (parsed.value, parsed.warnings)
}

fn value(text: &str, unit: &str, lang: Lang) -> Decimal {
    let (value, warnings) = read(text, unit, lang);
    assert!(warnings.is_empty(), "{text}: unexpected {warnings:?}");
    value
}

fn error(text: &str, unit: &str, lang: Lang) -> NumberError {
    parse(text, &Unit::new(unit), lang.into()).unwrap_err()
}

// --- The cases people type (2.809,8 · 17.416.889.536 · 114,6% · 1,5 · 2809.8 · 208 tỷ · -5) ---

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
    assert_eq!(parse_plain("-5", Lang::Vi.into()).unwrap().value, d("-5"));
    assert_eq!(
        parse_plain("− 2,5", Lang::Vi.into()).unwrap().value,
        d("-2.5")
    );
    let zero = parse_plain("-0", Lang::Vi.into()).unwrap().value;
    assert!(zero.is_zero() && !zero.is_sign_negative());
    for text in ["--5", "+-5", "-", "+", "5-", "5 - 6"] {
        assert!(
            matches!(
                parse_plain(text, Lang::Vi.into()),
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
                parse(text, &tan(), Lang::Vi.into()),
                Err(NumberError::BadGrouping { .. })
            ),
            "{text}: {:?}",
            parse(text, &tan(), Lang::Vi.into())
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
    assert_eq!(
        parse_plain("", Lang::En.into()).unwrap_err(),
        NumberError::Empty
    );
    for text in [
        "abc", "1e5", "tỷ", "%", ",", "2 tỷ 3", "5 - 6", "x5", "5 tấn.",
    ] {
        assert!(
            matches!(
                parse(text, &tan(), Lang::Vi.into()),
                Err(NumberError::NotANumber { .. })
            ),
            "{text}: {:?}",
            parse(text, &tan(), Lang::Vi.into())
        );
    }
    assert_eq!(
        error("1e5", "tấn", Lang::Vi),
        NumberError::NotANumber { text: "1e5".into() }
    );
}

#[test]
fn plain_numbers_take_no_suffix() {
    assert_eq!(
        parse_plain("2021", Lang::Vi.into()).unwrap().value,
        d("2021")
    );
    assert_eq!(
        parse_plain("2.809,8", Lang::Vi.into()).unwrap().value,
        d("2809.8")
    );
    assert_eq!(
        parse_plain("2,809.8", Lang::En.into()).unwrap().value,
        d("2809.8")
    );
    for text in ["5 tỷ", "5%", "5 tấn"] {
        assert!(
            matches!(
                parse_plain(text, Lang::Vi.into()),
                Err(NumberError::NotANumber { .. })
            ),
            "{text}"
        );
    }
}

// --- Formatting -----------------------------------------------------------------------------

#[test]
fn format_exact_groups_every_digit() {
    assert_eq!(
        format_exact(d("17416889536"), NumberStyle::Vi),
        "17.416.889.536"
    );
    assert_eq!(
        format_exact(d("17416889536"), NumberStyle::En),
        "17,416,889,536"
    );
    assert_eq!(format_exact(d("2809.8"), NumberStyle::Vi), "2.809,8");
    assert_eq!(format_exact(d("2809.80"), NumberStyle::Vi), "2.809,8");
    assert_eq!(format_exact(d("2809.8"), NumberStyle::En), "2,809.8");
    assert_eq!(format_exact(d("-5"), NumberStyle::Vi), "-5");
    assert_eq!(
        format_exact(d("-1234567.25"), NumberStyle::Vi),
        "-1.234.567,25"
    );
    assert_eq!(format_exact(d("0"), NumberStyle::Vi), "0");
    assert_eq!(format_exact(d("0.000"), NumberStyle::En), "0");
    assert_eq!(format_exact(-Decimal::ZERO, NumberStyle::Vi), "0");
    assert_eq!(format_exact(d("123"), NumberStyle::Vi), "123");
    assert_eq!(format_exact(d("1000"), NumberStyle::Vi), "1.000");
    assert_eq!(format_exact(d("0.0000001"), NumberStyle::Vi), "0,0000001");
    assert_eq!(
        format_exact(Decimal::MAX, NumberStyle::Vi),
        "79.228.162.514.264.337.593.543.950.335"
    );
}

#[test]
fn format_fixed_rounds_half_away_from_zero() {
    assert_eq!(format_fixed(d("2809.84"), 1, NumberStyle::Vi), "2.809,8");
    assert_eq!(format_fixed(d("2809.85"), 1, NumberStyle::Vi), "2.809,9");
    assert_eq!(format_fixed(d("2809.85"), 1, NumberStyle::En), "2,809.9");
    assert_eq!(format_fixed(d("0.5"), 0, NumberStyle::Vi), "1");
    assert_eq!(format_fixed(d("-0.5"), 0, NumberStyle::Vi), "-1");
    assert_eq!(format_fixed(d("2.5"), 0, NumberStyle::Vi), "3");
    assert_eq!(format_fixed(d("3"), 2, NumberStyle::Vi), "3,00");
    assert_eq!(format_fixed(d("1234.5"), 3, NumberStyle::En), "1,234.500");
    assert_eq!(format_fixed(d("0"), 1, NumberStyle::Vi), "0,0");
    assert_eq!(format_fixed(d("-0.04"), 1, NumberStyle::Vi), "0,0");
    assert_eq!(format_fixed(d("-12.345"), 2, NumberStyle::Vi), "-12,35");
    assert_eq!(format_fixed(d("1.5"), u32::MAX, NumberStyle::Vi).len(), 30);
}

#[test]
fn format_percent_one_decimal_at_most() {
    assert_eq!(format_percent(d("114.6012"), NumberStyle::Vi), "114,6%");
    assert_eq!(format_percent(d("114.6012"), NumberStyle::En), "114.6%");
    assert_eq!(format_percent(d("103.00001"), NumberStyle::Vi), "103%");
    assert_eq!(format_percent(d("99.95"), NumberStyle::Vi), "100%");
    assert_eq!(format_percent(d("1234.56"), NumberStyle::Vi), "1.234,6%");
    assert_eq!(format_percent(d("-0.5"), NumberStyle::Vi), "-0,5%");
    assert_eq!(format_percent(d("0"), NumberStyle::Vi), "0%");
}

#[test]
fn format_with_unit_in_both_languages() {
    assert_eq!(
        format_with_unit(d("2809.8"), &tan(), Lang::Vi, NumberStyle::Vi),
        "2.809,8 tấn"
    );
    assert_eq!(
        format_with_unit(d("2809.8"), &tan(), Lang::En, NumberStyle::En),
        "2,809.8 tonnes"
    );
    assert_eq!(
        format_with_unit(
            d("17416889536"),
            &Unit::new("đồng"),
            Lang::Vi,
            NumberStyle::Vi
        ),
        "17.416.889.536 đồng"
    );
    assert_eq!(
        format_with_unit(d("208"), &Unit::new("tỷ đồng"), Lang::Vi, NumberStyle::Vi),
        "208 tỷ đồng"
    );
    assert_eq!(
        format_with_unit(d("208"), &Unit::new("tỷ đồng"), Lang::En, NumberStyle::En),
        "208 billion VND"
    );
    assert_eq!(
        format_with_unit(d("12.5"), &Unit::new("%"), Lang::Vi, NumberStyle::Vi),
        "12,5%"
    );
    assert_eq!(
        format_with_unit(d("12.5"), &Unit::new("‰"), Lang::En, NumberStyle::En),
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
        NumberWarning::MixedSeparators.message(Lang::Vi, NumberStyle::Vi),
        "Dấu phân cách lẫn lộn (chấm và phẩy); đã đọc là số nguyên"
    );
    let warning = NumberWarning::AmbiguousSeparator { read_as: d("2809") };
    assert!(warning.message(Lang::Vi, NumberStyle::Vi).contains("2.809"));
    assert!(warning.message(Lang::En, NumberStyle::En).contains("2,809"));
    let warning = NumberWarning::AmbiguousSeparator { read_as: d("1.5") };
    assert!(
        warning
            .message(Lang::Vi, NumberStyle::Vi)
            .contains("số thập phân 1,5")
    );
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
            .chain(warnings.iter().map(|w| w.message(lang, lang.into())));
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
    fn a_value_written_in_a_style_never_speaks_for_the_other(v in decimal(), lang in lang()) {
        let style = NumberStyle::from(lang);
        let text = format_exact(v, style);
        prop_assert_ne!(style_evidence(&text), StyleEvidence::Decides(style.other()), "{}", text);
        // Where it decides, it decides for its own style, and reads back the same in it.
        if let StyleEvidence::Decides(found) = style_evidence(&text) {
            prop_assert_eq!(found, style);
        }
        // Where it does not decide, either style reads it the same, or it is ambiguous.
        if style_evidence(&text) == StyleEvidence::None {
            let own = parse_plain(&text, style).unwrap().value;
            let other = parse_plain(&text, style.other()).unwrap().value;
            prop_assert_eq!(own, other, "{}", text);
        }
    }

    #[test]
    fn formatted_values_parse_back(v in decimal(), lang in lang()) {
        let text = format_exact(v, lang.into());
        let parsed = parse(&text, &tan(), lang.into()).unwrap();
        prop_assert_eq!(parsed.value.normalize(), v.normalize());
        for warning in &parsed.warnings {
            prop_assert!(
                matches!(warning, NumberWarning::AmbiguousSeparator { read_as } if *read_as == v),
                "{} gave {:?}", text, warning
            );
        }
        let plain = parse_plain(&text, lang.into()).unwrap();
        prop_assert_eq!(plain.value, parsed.value);
    }

    #[test]
    fn negative_values_parse_back_plain(v in decimal(), lang in lang()) {
        let text = format_exact(-v, lang.into());
        prop_assert_eq!(parse_plain(&text, lang.into()).unwrap().value.normalize(), (-v).normalize());
    }

    #[test]
    fn fixed_and_with_unit_parse_back(v in decimal(), lang in lang()) {
        let text = format_with_unit(v, &tan(), lang, lang.into());
        prop_assert_eq!(parse(&text, &tan(), lang.into()).unwrap().value.normalize(), v.normalize());
        let text = format_fixed(v, 6, lang.into());
        prop_assert_eq!(parse(&text, &tan(), lang.into()).unwrap().value, v);
    }

    #[test]
    fn any_text_never_panics(text in ".*", lang in lang()) {
        for unit in ["tấn", "đồng", "tỷ đồng", "%", "‰", "công trình", ""] {
            drop(parse(&text, &Unit::new(unit), lang.into()));
        }
        drop(parse_plain(&text, lang.into()));
    }

    #[test]
    fn number_like_text_never_panics(
        text in "[0123456789.,% \\-tỷriệunghìnđồng‰\u{a0}+−]{0,40}",
        lang in lang(),
    ) {
        for unit in ["tấn", "đồng", "tỷ đồng", "%", "‰", "công trình"] {
            if let Ok(parsed) = parse(&text, &Unit::new(unit), lang.into()) {
                prop_assert!(!parsed.value.is_sign_negative() || parsed.value.is_zero());
            }
        }
        drop(parse_plain(&text, lang.into()));
    }

    #[test]
    fn long_digit_runs_never_panic(
        text in "[0-9]{1,40}([.,][0-9]{1,40}){0,3}( (nghìn tỷ|tỷ|triệu|đồng))?",
        lang in lang(),
    ) {
        for unit in ["đồng", "tỷ đồng", "%", "‰"] {
            drop(parse(&text, &Unit::new(unit), lang.into()));
        }
    }
}

#[test]
fn a_text_tells_its_style_only_where_the_styles_read_it_differently() {
    use StyleEvidence::{Ambiguous, Decides, None};
    let vi = Decides(NumberStyle::Vi);
    let en = Decides(NumberStyle::En);
    for (text, expected) in [
        ("18.000.000.000", vi),
        ("2.751,25", vi),
        ("6,6 – 6,8 (2.751,25)", vi),
        ("1,234.5", en),
        ("17,416,889,536", en),
        ("2.600", Ambiguous),
        ("1,500", Ambiguous),
        ("2.600 - 18.000.000.000", vi),
        // The same value in either style: nothing to decide.
        ("2809.8", None),
        ("1,5", None),
        ("17 416 889 536", None),
        ("0.600", None),
        ("208 tỷ", None),
        // A typo no style writes decides nothing.
        ("17.416,889,536", None),
        ("", None),
        ("chưa có", None),
    ] {
        assert_eq!(style_evidence(text), expected, "{text}");
    }
}

#[test]
fn a_style_is_apart_from_the_language() {
    // Vietnamese numbers with English words: the clerk's own style.
    assert_eq!(
        format_with_unit(d("2809.8"), &tan(), Lang::En, NumberStyle::Vi),
        "2.809,8 tonnes"
    );
    assert_eq!(format_exact(d("2809.8"), NumberStyle::En), "2,809.8");
    let ambiguous = parse("2.600", &tan(), NumberStyle::Vi).unwrap();
    assert_eq!(ambiguous.value, d("2600"));
    assert_eq!(
        parse("2.600", &tan(), NumberStyle::En).unwrap().value,
        d("2.6")
    );
    assert!(
        ambiguous.warnings[0]
            .message(Lang::En, NumberStyle::Vi)
            .contains("2.600"),
        "{:?}",
        ambiguous.warnings[0].message(Lang::En, NumberStyle::Vi)
    );
    assert_eq!("EN".parse::<NumberStyle>(), Ok(NumberStyle::En));
    assert!("fr".parse::<NumberStyle>().is_err());
    assert_eq!(NumberStyle::from(Lang::Vi), NumberStyle::Vi);
    assert_eq!(NumberStyle::Vi.other(), NumberStyle::En);
}
