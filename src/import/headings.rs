//! What a column heading means, as annexes and this program's files write them: a key column
//! (the ward, the year, the indicator's code or name, its unit, the row number), a value with its
//! stage, year and plan source ("Kế hoạch năm 2023", "Ước TH 2023", "NQ HĐND", "Thực hiện năm
//! 2022"), or a column the program computes itself and only checks ("% KH", "So với cùng kỳ",
//! "Đánh giá").

use crate::domain::{PlanSource, Stage};

/// A column that says what its rows are about; at most one of each per table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Ward,
    Year,
    Indicator,
    Name,
    /// The unit the row's values are written in ("ĐVT": "triệu đồng").
    Unit,
    /// The row's number in the table ("STT": I, 1, 1.1, a).
    Number,
    /// A value whose stage is in the `Stage` column (this program's CSV).
    Value,
    Stage,
    PlanSource,
    PlanDerived,
    /// What a row of this program's figures sheet holds: `plan.city`, `figure.actual`, …
    RowCode,
    /// The upper end of a plan's band (figures sheet).
    AmountHigh,
    /// The value as it was typed (figures sheet): kept as the stored text.
    Typed,
    Note,
}

/// How many kinds of key column there are.
pub const KEY_COUNT: usize = Key::Note as usize + 1;

/// A value slot a column writes: the plan, or one stage of the figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    Plan,
    Figure(Stage),
}

/// What a computed column states, for the check against the values imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Check {
    /// % of plan ("% KH", "Ước TH/KH"); the stage compared, when the heading names it.
    OfPlan(Option<Stage>),
    /// Against the same period last year ("So với cùng kỳ", "TH 2023/TH 2022").
    OnLastYear,
    /// The verdict ("Đánh giá": đạt, vượt, không đạt).
    Verdict,
}

/// What a heading means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meaning {
    Key(Key),
    /// A value; its year when the heading names one, and the plan's source when it says whose.
    Value {
        slot: Slot,
        year: Option<i16>,
        source: Option<PlanSource>,
    },
    /// A computed column, checked; the year when the heading names one.
    Check {
        check: Check,
        year: Option<i16>,
    },
    /// Nothing this program reads (a heading of its own, or a part-year figure).
    Other,
}

/// Headings of key columns, compared as [`normal`] writes them.
const KEYS: &[(Key, &[&str])] = &[
    (
        Key::Ward,
        &[
            "ward_code",
            "mã đvhc",
            "mã phường",
            "mã đơn vị",
            "ward code",
        ],
    ),
    (Key::Year, &["year", "năm"]),
    (
        Key::Indicator,
        &["indicator", "mã chỉ tiêu", "indicator code", "code", "mã"],
    ),
    (
        Key::Name,
        &[
            "name",
            "chỉ tiêu",
            "tên chỉ tiêu",
            "indicator name",
            "nội dung",
            "các chỉ tiêu",
            "chỉ tiêu chủ yếu",
            "nội dung chỉ tiêu",
            "tên chỉ tiêu kinh tế - xã hội",
            "indicators",
            "item",
        ],
    ),
    (
        Key::Unit,
        &[
            "đvt",
            "đơn vị tính",
            "unit",
            "unit of measure",
            "dvt",
            "đv tính",
        ],
    ),
    (
        Key::Number,
        &["stt", "tt", "số tt", "số thứ tự", "no.", "no", "#"],
    ),
    (
        Key::Value,
        &[
            "value",
            "giá trị",
            "ước th / thực hiện",
            "estimate / actual",
        ],
    ),
    (Key::Stage, &["stage", "giai đoạn"]),
    (Key::PlanSource, &["plan_source", "nguồn kế hoạch"]),
    (Key::PlanDerived, &["plan_derived", "suy ra", "derived"]),
    (Key::RowCode, &["row_code", "mã loại dòng", "row code"]),
    (
        Key::AmountHigh,
        &[
            "plan_high",
            "giá trị đến (khoảng)",
            "up to (band)",
            "amount_high",
        ],
    ),
    (Key::Typed, &["số như đã nhập", "as typed", "typed"]),
    (Key::Note, &["note", "ghi chú", "notes", "remarks"]),
];

/// A heading as compared: lower case, blanks and line breaks as single spaces, a trailing
/// colon and a column number ("(1)", "(3)=(2)/(1)") dropped.
pub fn normal(heading: &str) -> String {
    let mut text = heading
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    // A column number in brackets at the end: "(4)", "(5)=(4)/(3)", "[2]".
    loop {
        let trimmed = text.trim_end().trim_end_matches(':').trim_end();
        let Some(open) = trimmed.rfind(['(', '[']) else {
            text = trimmed.to_owned();
            break;
        };
        let tail = &trimmed[open..];
        let numbering = tail.len() > 2
            && tail
                .chars()
                .all(|c| c.is_ascii_digit() || "()[]=/*+-x ".contains(c))
            && tail.chars().any(|c| c.is_ascii_digit());
        if numbering {
            text = trimmed[..open].trim_end().to_owned();
        } else {
            text = trimmed.to_owned();
            break;
        }
    }
    text
}

/// What `heading` means.
pub fn meaning(heading: &str) -> Meaning {
    let text = normal(heading);
    if text.is_empty() {
        return Meaning::Other;
    }
    if let Some((key, _)) = KEYS
        .iter()
        .find(|(_, names)| names.contains(&text.as_str()))
    {
        return Meaning::Key(*key);
    }
    // This program's own code headings ("plan_form", "percent_of_plan") are read by name
    // only, never taken apart as words.
    if text.contains('_') {
        return match text.as_str() {
            "percent_of_plan" => Meaning::Check {
                check: Check::OfPlan(None),
                year: None,
            },
            "change_vs_previous" => Meaning::Check {
                check: Check::OnLastYear,
                year: None,
            },
            _ => Meaning::Other,
        };
    }
    let (rest, years) = take_years(&text);
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '(' | ')' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let has = |word: &str| words.contains(&word);
    let contains = |phrase: &str| rest.contains(phrase);
    // Part of a year ("Thực hiện 9 tháng", "Ước TH quý IV") is not the year's figure.
    if ["tháng", "quý", "month", "months", "quarter", "half"]
        .iter()
        .any(|w| has(w))
        || contains("6t")
    {
        return Meaning::Other;
    }
    if let Some(check) = check_of(&rest, &words, &years) {
        let year = match check {
            // "TH 2023/TH 2022": the later year is the one compared.
            Check::OnLastYear => years.iter().copied().max(),
            _ => years.first().copied(),
        };
        return Meaning::Check { check, year };
    }
    // A value names one year at most: two years make a comparison, seen above.
    if years.len() > 1 {
        return Meaning::Other;
    }
    let year = years.first().copied();
    let Some(slot) = slot_of(&rest, &words) else {
        return Meaning::Other;
    };
    let source = match slot {
        Slot::Plan => source_of(&rest, &words),
        Slot::Figure(_) => None,
    };
    Meaning::Value { slot, year, source }
}

/// The years a heading names (four digits from 1990 to 2100), and the heading without them and
/// without the word "năm" / "year" before them.
fn take_years(text: &str) -> (String, Vec<i16>) {
    let mut years = Vec::new();
    let mut words = Vec::new();
    for word in text.split_whitespace() {
        // A year may be glued to a mark: "2023/th", "(2023)", "th2022".
        let digits: String = word.chars().filter(char::is_ascii_digit).collect();
        let year = (digits.len() == 4)
            .then(|| digits.parse::<i16>().ok())
            .flatten()
            .filter(|y| (1990..=2100).contains(y));
        match year {
            Some(year) => {
                years.push(year);
                let other: String = word.chars().filter(|c| !c.is_ascii_digit()).collect();
                let other = other.trim_matches(|c| matches!(c, '(' | ')'));
                if !other.is_empty() {
                    words.push(other.to_owned());
                }
                if matches!(words.last().map(String::as_str), Some("năm" | "year")) {
                    words.pop();
                }
            }
            None => words.push(word.to_owned()),
        }
    }
    (words.join(" "), years)
}

/// The computed column a heading names, if it names one: a comparison ("so sánh", "so với",
/// "%", "/", "tỷ lệ … so") or a verdict.
fn check_of(rest: &str, words: &[&str], years: &[i16]) -> Option<Check> {
    let has = |word: &str| words.contains(&word);
    let contains = |phrase: &str| rest.contains(phrase);
    if contains("đánh giá")
        || contains("assessment")
        || has("status")
        || contains("xếp loại")
        || contains("đạt/không")
        || contains("met/not")
    {
        return Some(Check::Verdict);
    }
    let comparing = contains("so sánh")
        || contains("so với")
        || contains("%")
        || contains("/")
        || has("so")
        || contains("compared")
        || has("vs")
        || contains("ratio")
        || contains("tỷ lệ")
        || contains("tỉ lệ")
        || contains("of plan");
    if !comparing {
        return None;
    }
    let last_year = contains("cùng kỳ")
        || contains("cùng kì")
        || has("ck")
        || contains("năm trước")
        || contains("last year")
        || contains("previous year")
        || contains("same period")
        || contains("year on year")
        || contains("yoy")
        || (years.len() == 2 && (years[0] - years[1]).abs() == 1);
    if last_year {
        return Some(Check::OnLastYear);
    }
    let of_plan = contains("kế hoạch")
        || has("kh")
        || contains("/kh")
        || contains("%kh")
        || contains("plan")
        || contains("nghị quyết")
        || has("nq")
        || contains("dự toán")
        || has("dt");
    if of_plan {
        // The stage compared: the words before the "/" or "so với".
        let before = rest
            .split(['/'])
            .next()
            .map(|b| b.split("so với").next().unwrap_or(b))
            .unwrap_or(rest);
        let before_words: Vec<&str> = before
            .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '%'))
            .filter(|w| !w.is_empty())
            .collect();
        let stage = match slot_of(before, &before_words) {
            Some(Slot::Figure(stage)) => Some(stage),
            _ => None,
        };
        return Some(Check::OfPlan(stage));
    }
    None
}

/// The slot a heading's words name, stripped of its year.
fn slot_of(rest: &str, words: &[&str]) -> Option<Slot> {
    let has = |word: &str| words.contains(&word);
    let starts = |phrase: &str| rest.starts_with(phrase);
    let contains = |phrase: &str| rest.contains(phrase);
    if starts("ước") || starts("estimate") || starts("est") || contains("ước thực hiện") {
        return Some(Slot::Figure(Stage::Estimate));
    }
    if starts("quyết toán") || has("qt") || starts("final") || contains("quyết toán") {
        return Some(Slot::Figure(Stage::Final));
    }
    if starts("kế hoạch")
        || has("kh")
        || starts("plan")
        || starts("target")
        || starts("nghị quyết")
        || has("nq")
        || starts("dự toán")
        || has("dt")
        || starts("chỉ tiêu giao")
        || contains("council resolution")
        || starts("budget")
    {
        return Some(Slot::Plan);
    }
    if starts("thực hiện")
        || has("th")
        || starts("kết quả")
        || starts("actual")
        || starts("achieved")
        || starts("result")
        || starts("outturn")
    {
        return Some(Slot::Figure(Stage::Actual));
    }
    None
}

/// Whose plan a plan heading says it is; `None` when it does not say.
fn source_of(rest: &str, words: &[&str]) -> Option<PlanSource> {
    let has = |word: &str| words.contains(&word);
    let contains = |phrase: &str| rest.contains(phrase);
    if contains("hđnd") || contains("nghị quyết") || has("nq") || contains("council") {
        Some(PlanSource::WardCouncil)
    } else if contains("tỉnh") || contains("province") {
        Some(PlanSource::Province)
    } else if contains("thành phố") || has("tp") || contains("city") || contains("huyện") {
        Some(PlanSource::City)
    } else if contains("giao") || contains("assigned") {
        Some(PlanSource::Assigned)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(slot: Slot, year: Option<i16>, source: Option<PlanSource>) -> Meaning {
        Meaning::Value { slot, year, source }
    }

    const PLAN: Slot = Slot::Plan;
    const ESTIMATE: Slot = Slot::Figure(Stage::Estimate);
    const ACTUAL: Slot = Slot::Figure(Stage::Actual);
    const FINAL: Slot = Slot::Figure(Stage::Final);

    #[test]
    fn headings_with_a_stage_and_a_year_read_as_annexes_write_them() {
        let cases = [
            ("Kế hoạch năm 2023", value(PLAN, Some(2023), None)),
            ("KH 2023", value(PLAN, Some(2023), None)),
            (
                "Kế hoạch\ngiao năm 2023",
                value(PLAN, Some(2023), Some(PlanSource::Assigned)),
            ),
            (
                "Nghị quyết HĐND năm 2023",
                value(PLAN, Some(2023), Some(PlanSource::WardCouncil)),
            ),
            ("NQ HĐND", value(PLAN, None, Some(PlanSource::WardCouncil))),
            ("Dự toán năm 2023", value(PLAN, Some(2023), None)),
            ("Ước thực hiện năm 2023", value(ESTIMATE, Some(2023), None)),
            ("Ước TH 2023", value(ESTIMATE, Some(2023), None)),
            ("Ước đạt", value(ESTIMATE, None, None)),
            ("Thực hiện năm 2022", value(ACTUAL, Some(2022), None)),
            ("TH 2022", value(ACTUAL, Some(2022), None)),
            ("Quyết toán năm 2022", value(FINAL, Some(2022), None)),
            ("Kế hoạch năm 2024 (4)", value(PLAN, Some(2024), None)),
            ("Plan 2023", value(PLAN, Some(2023), None)),
            ("Estimate 2023", value(ESTIMATE, Some(2023), None)),
            ("Actual 2022", value(ACTUAL, Some(2022), None)),
            ("Kế hoạch Năm 2023", value(PLAN, Some(2023), None)),
            (
                "KH tỉnh giao",
                value(PLAN, None, Some(PlanSource::Province)),
            ),
        ];
        for (heading, expected) in cases {
            assert_eq!(meaning(heading), expected, "{heading}");
        }
    }

    #[test]
    fn computed_columns_are_told_apart() {
        let check = |check, year| Meaning::Check { check, year };
        let cases = [
            ("% KH", check(Check::OfPlan(None), None)),
            ("So sánh (%) với KH", check(Check::OfPlan(None), None)),
            (
                "Ước TH/KH",
                check(Check::OfPlan(Some(Stage::Estimate)), None),
            ),
            (
                "TH 2023/KH 2023 (%)",
                check(Check::OfPlan(Some(Stage::Actual)), Some(2023)),
            ),
            ("So với cùng kỳ", check(Check::OnLastYear, None)),
            ("% so cùng kỳ", check(Check::OnLastYear, None)),
            ("Ước TH 2023/TH 2022", check(Check::OnLastYear, Some(2023))),
            ("Đánh giá", check(Check::Verdict, None)),
            ("% of plan", check(Check::OfPlan(None), None)),
        ];
        for (heading, expected) in cases {
            assert_eq!(meaning(heading), expected, "{heading}");
        }
    }

    #[test]
    fn key_columns_and_others() {
        assert_eq!(meaning("STT"), Meaning::Key(Key::Number));
        assert_eq!(meaning("ĐVT"), Meaning::Key(Key::Unit));
        assert_eq!(meaning("Chỉ tiêu"), Meaning::Key(Key::Name));
        assert_eq!(meaning("Ghi chú"), Meaning::Key(Key::Note));
        assert_eq!(meaning("Thực hiện 9 tháng"), Meaning::Other);
        assert_eq!(meaning("Năm 2023"), Meaning::Other);
        assert_eq!(meaning("Nguồn số liệu"), Meaning::Other);
    }
}
