//! Plans: the source preferred, numbers and bands, and every wording a plan is written in, in
//! both languages and both number styles.

#![allow(clippy::unwrap_used)]

use std::str::FromStr as _;

use super::*;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn unit(symbol: &str) -> Unit {
    Unit::new(symbol)
}

/// The target `text` reads as in a field of `unit`, in `style`.
fn read(text: &str, symbol: &str, style: NumberStyle) -> Result<PlanTarget, PlanError> {
    PlanTarget::parse(text, &unit(symbol), style).map(|(t, _)| t)
}

fn plan(source: PlanSource) -> Plan {
    Plan {
        source,
        target: PlanTarget::Value(Decimal::ONE),
        text: "1".into(),
        original: None,
        derived: false,
        note: String::new(),
    }
}

#[test]
fn the_plan_handed_down_is_preferred() {
    let plans = [plan(PlanSource::WardCouncil), plan(PlanSource::City)];
    assert_eq!(preferred(&plans).map(|p| p.source), Some(PlanSource::City));
    assert_eq!(
        preferred(&plans[..1]).map(|p| p.source),
        Some(PlanSource::WardCouncil)
    );
    assert!(preferred(&[]).is_none());
}

#[test]
fn a_band_is_typed_with_a_dash() {
    let expect = PlanTarget::range(d("6.6"), d("6.8"));
    for text in ["6,6 – 6,8", "6,6-6,8", "6,6 - 6,8%", "6,6..6,8", "6,8—6,6"] {
        assert_eq!(read(text, "%", NumberStyle::Vi), Ok(expect), "{text}");
    }
    assert_eq!(
        read("2.451,8", "tấn", NumberStyle::Vi),
        Ok(PlanTarget::Value(d("2451.8")))
    );
    assert!(read("-5", "%", NumberStyle::Vi).is_err());
    assert!(read("6,6 –", "%", NumberStyle::Vi).is_err());
}

#[test]
fn a_range_orders_its_ends() {
    let r = PlanTarget::range(d("7"), d("6"));
    assert_eq!((r.low(), r.high()), (d("6"), d("7")));
    assert_eq!(
        PlanTarget::range(Decimal::ONE, Decimal::ONE),
        PlanTarget::Value(Decimal::ONE)
    );
}

#[test]
fn a_ceiling_is_read_in_every_wording() {
    let three = PlanTarget::AtMost(d("3"));
    for text in [
        "Dưới 3%",
        "dưới 3",
        "không quá 3%",
        "Không vượt quá 3%",
        "tối đa 3%",
        "≤ 3",
        "≤3%",
        "<= 3",
        "< 3",
        "3% trở xuống",
        "duoi 3%",
        "below 3%",
        "Below 3",
        "at most 3",
        "under 3",
        "no more than 3%",
        "3 or less",
    ] {
        assert_eq!(read(text, "%", NumberStyle::Vi), Ok(three), "vi: {text}");
        assert_eq!(read(text, "%", NumberStyle::En), Ok(three), "en: {text}");
    }
    // The number is read in the writer's style.
    let bound = PlanTarget::AtMost(d("3.5"));
    assert_eq!(read("Dưới 3,5%", "%", NumberStyle::Vi), Ok(bound));
    assert_eq!(read("below 3.5%", "%", NumberStyle::En), Ok(bound));
    assert_eq!(
        read("dưới 1.500 tấn", "tấn", NumberStyle::Vi),
        Ok(PlanTarget::AtMost(d("1500")))
    );
    assert_eq!(
        read("at most 1,500", "tấn", NumberStyle::En),
        Ok(PlanTarget::AtMost(d("1500")))
    );
}

#[test]
fn a_floor_is_read_in_every_wording() {
    let floor = PlanTarget::AtLeast(d("150"));
    for text in [
        "Trên 150",
        "trên 150 tấn",
        "tối thiểu 150",
        "ít nhất 150",
        "không dưới 150",
        "≥ 150",
        ">= 150",
        "> 150",
        "từ 150 trở lên",
        "tren 150",
        "above 150",
        "at least 150",
        "over 150",
        "no less than 150",
        "150 or more",
    ] {
        assert_eq!(read(text, "tấn", NumberStyle::Vi), Ok(floor), "vi: {text}");
        assert_eq!(read(text, "tấn", NumberStyle::En), Ok(floor), "en: {text}");
    }
    assert_eq!(
        read("Trên 2.451,8", "tấn", NumberStyle::Vi),
        Ok(PlanTarget::AtLeast(d("2451.8")))
    );
    assert_eq!(
        read("at least 2,451.8", "tấn", NumberStyle::En),
        Ok(PlanTarget::AtLeast(d("2451.8")))
    );
}

#[test]
fn about_is_read_in_every_wording() {
    let about = PlanTarget::About(d("4"));
    for text in [
        "Khoảng 4",
        "khoảng 4",
        "khoang 4",
        "xấp xỉ 4",
        "~4",
        "≈ 4",
        "about 4",
        "around 4",
        "approx. 4",
        "approximately 4",
    ] {
        assert_eq!(read(text, "tấn", NumberStyle::Vi), Ok(about), "vi: {text}");
        assert_eq!(read(text, "tấn", NumberStyle::En), Ok(about), "en: {text}");
    }
    assert_eq!(
        read("khoảng 4,5", "tấn", NumberStyle::Vi),
        Ok(PlanTarget::About(d("4.5")))
    );
    assert_eq!(
        read("about 4.5", "tấn", NumberStyle::En),
        Ok(PlanTarget::About(d("4.5")))
    );
}

#[test]
fn a_change_on_last_year_is_read_in_every_wording() {
    let up = PlanTarget::Relative(Relative::Percent(d("10")));
    for text in [
        "tăng 10% so với cùng kỳ",
        "Tăng 10%",
        "tăng 10 %",
        "tăng 10% so với cùng kì năm trước",
        "tang 10% so voi cung ky",
        "up 10% on last year",
        "Up 10%",
        "increase by 10% compared with last year",
    ] {
        assert_eq!(read(text, "tấn", NumberStyle::Vi), Ok(up), "vi: {text}");
        assert_eq!(read(text, "tấn", NumberStyle::En), Ok(up), "en: {text}");
    }
    let down = PlanTarget::Relative(Relative::Percent(d("-5")));
    for text in [
        "giảm 5%",
        "Giảm 5% so với cùng kỳ",
        "down 5%",
        "down 5% on last year",
    ] {
        assert_eq!(read(text, "vụ", NumberStyle::Vi), Ok(down), "{text}");
    }
    assert_eq!(
        read("tăng 2,5%", "tấn", NumberStyle::Vi),
        Ok(PlanTarget::Relative(Relative::Percent(d("2.5"))))
    );
    assert_eq!(
        read("up 2.5%", "tấn", NumberStyle::En),
        Ok(PlanTarget::Relative(Relative::Percent(d("2.5"))))
    );
    let same = PlanTarget::Relative(Relative::Same);
    for text in [
        "bằng cùng kỳ",
        "Bằng cùng kỳ năm trước",
        "bang cung ky",
        "same as last year",
        "Same as last year",
    ] {
        assert_eq!(read(text, "tấn", NumberStyle::Vi), Ok(same), "{text}");
    }
}

#[test]
fn points_are_for_rates() {
    let points = PlanTarget::Relative(Relative::Points(d("-0.5")));
    for text in [
        "giảm 0,5 điểm %",
        "giảm 0,5 điểm% so với cùng kỳ",
        "giảm 0,5 điểm phần trăm",
    ] {
        assert_eq!(read(text, "%", NumberStyle::Vi), Ok(points), "{text}");
    }
    for text in [
        "down 0.5 points",
        "down 0.5 points on last year",
        "down 0.5 pp",
    ] {
        assert_eq!(read(text, "%", NumberStyle::En), Ok(points), "{text}");
    }
    assert_eq!(
        read("tăng 1 điểm %", "%", NumberStyle::Vi),
        Ok(PlanTarget::Relative(Relative::Points(d("1"))))
    );
    assert_eq!(
        read("giảm 0,5 điểm %", "tấn", NumberStyle::Vi),
        Err(PlanError::PointsNotARate {
            unit: "tấn".into()
        })
    );
}

#[test]
fn a_wording_without_its_number_or_measure_is_refused() {
    assert_eq!(
        read("Dưới", "%", NumberStyle::Vi),
        Err(PlanError::Number(NumberError::Empty))
    );
    assert_eq!(
        read("tăng 10", "tấn", NumberStyle::Vi),
        Err(PlanError::ChangeWithoutMeasure {
            text: "tăng 10".into()
        })
    );
    assert!(matches!(
        read("trên nhiều", "tấn", NumberStyle::Vi),
        Err(PlanError::Number(_))
    ));
    assert!(read("dưới -3", "%", NumberStyle::Vi).is_err());
    let message = read("tăng 10", "tấn", NumberStyle::Vi)
        .unwrap_err()
        .message(Lang::Vi);
    assert!(message.contains("điểm %"), "{message}");
    let message = read("down 1 point", "tấn", NumberStyle::En)
        .unwrap_err()
        .message(Lang::En);
    assert!(message.contains("tonnes"), "{message}");
}

#[test]
fn a_relative_plan_resolves_against_last_year() {
    let up = read("tăng 10%", "tấn", NumberStyle::Vi).unwrap();
    assert_eq!(
        up.resolve(Some(d("2809.8"))),
        Some(PlanTarget::Value(d("3090.78")))
    );
    let down = read("giảm 0,5 điểm %", "%", NumberStyle::Vi).unwrap();
    assert_eq!(
        down.resolve(Some(d("3.2"))),
        Some(PlanTarget::Value(d("2.7")))
    );
    let same = read("bằng cùng kỳ", "tấn", NumberStyle::Vi).unwrap();
    assert_eq!(
        same.resolve(Some(d("18"))),
        Some(PlanTarget::Value(d("18")))
    );
    // Without last year's value there is nothing to compare with, never a guess.
    assert_eq!(up.resolve(None), None);
    assert_eq!(same.resolve(None), None);
    // Any other plan is what it says.
    let ceiling = PlanTarget::AtMost(d("3"));
    assert_eq!(ceiling.resolve(None), Some(ceiling));
}

#[test]
fn the_resolution_is_shown_after_the_plan() {
    let vi = Locale::from(Lang::Vi);
    let up = read("tăng 10% so với cùng kỳ", "tấn", NumberStyle::Vi).unwrap();
    assert_eq!(
        up.resolution_note(Some(d("2809.8")), 1, None, vi)
            .as_deref(),
        Some("(≈\u{a0}3.090,8)")
    );
    assert_eq!(
        up.resolution_note(None, 1, None, vi).as_deref(),
        Some("(không tính được: chưa có số liệu năm trước)")
    );
    assert_eq!(
        up.resolution_note(None, 1, None, Lang::En.into())
            .as_deref(),
        Some("(cannot resolve: no value for last year)")
    );
    assert_eq!(
        up.resolution_note(Some(d("2809.8")), 1, Some(&unit("tấn")), Lang::En.into())
            .as_deref(),
        Some("(≈\u{a0}3,090.8 tonnes)")
    );
    assert_eq!(
        PlanTarget::AtMost(d("3")).resolution_note(Some(d("1")), 1, None, vi),
        None
    );
}

#[test]
fn the_stored_text_gives_the_stored_numbers_their_form() {
    // What the store keeps: the numbers (never negative) and the text as typed.
    let cases = [
        ("Dưới 3%", "%", NumberStyle::Vi),
        ("below 3.5%", "%", NumberStyle::En),
        ("Trên 2.451,8", "tấn", NumberStyle::Vi),
        ("Khoảng 4", "tấn", NumberStyle::Vi),
        ("tăng 10% so với cùng kỳ", "tấn", NumberStyle::Vi),
        ("giảm 5%", "tấn", NumberStyle::Vi),
        ("giảm 0,5 điểm %", "%", NumberStyle::Vi),
        ("down 0.5 points", "%", NumberStyle::En),
        ("bằng cùng kỳ", "tấn", NumberStyle::Vi),
        ("2.451,8", "tấn", NumberStyle::Vi),
        ("6,6 – 6,8", "%", NumberStyle::Vi),
    ];
    for (text, symbol, style) in cases {
        let target = read(text, symbol, style).unwrap();
        assert!(target.low() >= Decimal::ZERO, "{text}");
        let stored = PlanTarget::range(target.low(), target.high());
        // Read back whatever the session's style: only the words are read again.
        assert_eq!(stored.with_wording(text), target, "{text}");
    }
    // A text without words leaves the numbers as they are.
    assert_eq!(
        PlanTarget::Value(d("3")).with_wording("3"),
        PlanTarget::Value(d("3"))
    );
}

#[test]
fn a_target_is_written_in_the_readers_words_and_reads_back() {
    let targets = [
        PlanTarget::AtMost(d("3.5")),
        PlanTarget::AtLeast(d("2451.8")),
        PlanTarget::About(d("4")),
        PlanTarget::Relative(Relative::Percent(d("10"))),
        PlanTarget::Relative(Relative::Percent(d("-5"))),
        PlanTarget::Relative(Relative::Points(d("-0.5"))),
        PlanTarget::Relative(Relative::Same),
        PlanTarget::Value(d("2451.8")),
        PlanTarget::range(d("6.6"), d("6.8")),
    ];
    for lang in Lang::ALL {
        for style in [NumberStyle::Vi, NumberStyle::En] {
            let locale = Locale { lang, style };
            for target in targets {
                let text = target.text(locale);
                assert_eq!(read(&text, "%", style), Ok(target), "{text}");
                let with_unit = target.text_with_unit(&unit("%"), locale);
                assert_eq!(read(&with_unit, "%", style), Ok(target), "{with_unit}");
            }
        }
    }
    let vi = Locale::from(Lang::Vi);
    let en = Locale::from(Lang::En);
    assert_eq!(
        PlanTarget::AtMost(d("3")).text_with_unit(&unit("%"), vi),
        "dưới 3%"
    );
    assert_eq!(PlanTarget::About(d("4")).text(vi), "khoảng 4");
    assert_eq!(
        PlanTarget::AtLeast(d("150")).text_with_unit(&unit("tấn"), en),
        "at least 150 tonnes"
    );
    assert_eq!(
        PlanTarget::Relative(Relative::Percent(d("10"))).text(vi),
        "tăng 10% so với cùng kỳ"
    );
    assert_eq!(
        PlanTarget::Relative(Relative::Points(d("-0.5"))).text(vi),
        "giảm 0,5 điểm % so với cùng kỳ"
    );
    assert_eq!(
        PlanTarget::Relative(Relative::Points(d("-0.5"))).text(en),
        "down 0.5 points on last year"
    );
}

#[test]
fn a_worded_plan_is_shown_as_typed_in_its_own_language_and_style() {
    let worded = |text: &str, style| Plan {
        target: read(text, "%", style).unwrap(),
        text: text.into(),
        ..plan(PlanSource::City)
    };
    let percent = unit("%");
    let vi = Locale::from(Lang::Vi);
    let en = Locale::from(Lang::En);
    let ceiling = worded("Dưới 3%", NumberStyle::Vi);
    assert_eq!(ceiling.shown(&percent, vi), "Dưới 3%");
    // In an English report, in English words.
    assert_eq!(ceiling.shown(&percent, en), "at most 3");
    assert_eq!(ceiling.shown_with_unit(&percent, en), "at most 3%");
    // Signs are in no language.
    assert_eq!(worded("≤ 3", NumberStyle::Vi).shown(&percent, en), "≤ 3");
    // Typed in the English style, shown in the Vietnamese one.
    let typed_en = worded("below 3.5%", NumberStyle::En);
    assert_eq!(typed_en.shown(&percent, en), "below 3.5%");
    assert_eq!(typed_en.shown(&percent, vi), "dưới 3,5");
    // "không quá" stays as typed: the wording is kept.
    let cap = worded("không quá 3%", NumberStyle::Vi);
    assert_eq!(cap.shown_with_unit(&percent, vi), "không quá 3%");
    // A number is written in the reader's style, as ever.
    let number = Plan {
        target: PlanTarget::Value(d("2451.8")),
        text: "2451.8".into(),
        ..plan(PlanSource::City)
    };
    assert_eq!(number.shown(&unit("tấn"), vi), "2.451,8");
}
