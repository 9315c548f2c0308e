//! The sheet around the table: the title rows that name the ward and the year ("ỦY BAN NHÂN
//! DÂN PHƯỜNG …", "… NĂM 2023"), and the rows inside the table that hold no figures: the
//! column numbering under the heading ("A | B | 1 | 2 | 3=2/1"), the footnotes and the
//! signature block under it ("Ghi chú: …", "Người lập biểu", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH").

use super::columns::Columns;
use super::headings::Key;

/// What the title above a table says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Title {
    /// The ward's name as the title writes it, lower case ("phường thanh trường").
    pub ward: Option<String>,
    /// The year, and the line that names it.
    pub year: Option<(i16, String)>,
}

/// Words that name a ward-level unit in a title, longest first.
const WARD_WORDS: [&str; 3] = ["thị trấn ", "phường ", "xã "];

/// The ward and the year a table's title lines name. A line that dates a signature ("…, ngày 07
/// tháng 01 năm 2024") names no year of the figures.
pub fn title<'a>(lines: impl Iterator<Item = &'a str>) -> Title {
    let mut title = Title::default();
    for line in lines {
        let lower = line
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if lower.is_empty() {
            continue;
        }
        if title.ward.is_none() {
            title.ward = ward_of(&lower);
        }
        let dated = lower.contains("ngày") && lower.contains("tháng");
        if title.year.is_none() && !dated {
            title.year = year_of(&lower).map(|y| (y, line.trim().to_owned()));
        }
    }
    title
}

/// "ủy ban nhân dân phường thanh trường" → "phường thanh trường".
fn ward_of(line: &str) -> Option<String> {
    let issuers = [
        "ủy ban nhân dân ",
        "uỷ ban nhân dân ",
        "ubnd ",
        "hđnd ",
        "đảng ủy ",
    ];
    let rest = issuers
        .iter()
        .find_map(|issuer| line.find(issuer).map(|at| &line[at + issuer.len()..]));
    // A line that is only the unit's name ("PHƯỜNG THANH TRƯỜNG") names it too.
    let rest = rest.or_else(|| {
        WARD_WORDS
            .iter()
            .any(|w| line.starts_with(w))
            .then_some(line)
    })?;
    let word = WARD_WORDS.iter().find(|w| rest.starts_with(*w))?;
    let name = rest[word.len()..]
        .split([',', ';', '(', '-', '–'])
        .next()
        .unwrap_or_default()
        .trim();
    (!name.is_empty()).then(|| format!("{}{name}", word))
}

/// The first "năm 2023" / "year 2023" of a line.
fn year_of(line: &str) -> Option<i16> {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).find_map(|pair| {
        let digits: String = pair[1].chars().take_while(char::is_ascii_digit).collect();
        let year = digits
            .parse::<i16>()
            .ok()
            .filter(|y| (1990..=2100).contains(y))?;
        matches!(pair[0], "năm" | "year" | "nam").then_some(year)
    })
}

/// Whether a unit's name is the one a title names ("Phường Thanh Trường" for "phường thanh
/// trường"; a name stored without its "Phường" matches too).
pub fn names_ward(title: &str, unit_name: &str) -> bool {
    let unit = unit_name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if unit == title {
        return true;
    }
    let bare = WARD_WORDS
        .iter()
        .find_map(|w| title.strip_prefix(*w))
        .unwrap_or(title);
    unit == bare
}

/// Whether a row under the heading numbers the columns ("A | B | C | 1 | 2 | 3=2/1", "(1) |
/// (2)"): every cell short and without a word, the indicator's cell among them.
pub fn is_numbering(cells: &[String], columns: &Columns) -> bool {
    // Most rows name an indicator at length: told apart before anything is counted.
    let named = columns
        .cell(cells, Key::Name)
        .or_else(|| columns.cell(cells, Key::Indicator))
        .unwrap_or_default();
    if named.len() > 16 {
        return false;
    }
    let label = |cell: &str| {
        let cell = cell.trim();
        cell.chars().count() <= 12
            && cell
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "()[]=/*+-x.,: ".contains(c))
            && cell.chars().filter(char::is_ascii_alphabetic).count() <= 2
            // A column number is short: "5=3/2", "(10)"; a figure such as 2.809,8 is not one.
            && cell.chars().filter(char::is_ascii_alphanumeric).count() <= 4
    };
    let name = columns
        .cell(cells, Key::Name)
        .or_else(|| columns.cell(cells, Key::Indicator))
        .unwrap_or_default()
        .trim();
    !name.is_empty()
        && label(name)
        && !name.chars().all(|c| c.is_ascii_digit())
        && cells
            .iter()
            .filter(|c| !c.trim().is_empty())
            .all(|c| label(c))
}

/// Whether a row ends the table: a row with no figure in its value columns that is a footnote
/// ("Ghi chú:", "(*)", "Nguồn:", in its first cell that holds text) or part of the signature
/// block ("Người lập biểu", "Thủ trưởng đơn vị", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "CHỦ
/// TỊCH", a place and date). Nothing below it is read. A row with a figure is data, whatever
/// its note says.
pub fn ends_table(cells: &[String], columns: &Columns) -> bool {
    // A place and date under the table ("Thanh Trường, ngày 07 tháng 01 năm 2022") often
    // stands in the value columns: its digits are no figure.
    let figure = columns.value_positions().any(|p| {
        cells.get(p).is_some_and(|c| {
            c.bytes().any(|b| b.is_ascii_digit())
                && !(c.chars().any(char::is_alphabetic) && {
                    let lower = c.to_lowercase();
                    lower.contains("ngày") && lower.contains("tháng")
                })
        })
    });
    if figure {
        return false;
    }
    const FOOTNOTES: [&str; 7] = [
        "ghi chú:",
        "ghi chú :",
        "(*)",
        "nguồn:",
        "nguồn số liệu:",
        "lưu ý:",
        "note:",
    ];
    const SIGNATURES: [&str; 16] = [
        "người lập biểu",
        "người lập",
        "lập biểu",
        "thủ trưởng đơn vị",
        "tm. ủy ban nhân dân",
        "tm. uỷ ban nhân dân",
        "tm ủy ban nhân dân",
        "tm. ubnd",
        "kt. chủ tịch",
        "kt chủ tịch",
        "chủ tịch",
        "phó chủ tịch",
        "nơi nhận",
        "kế toán trưởng",
        "prepared by",
        "chairman",
    ];
    let cells: Vec<String> = cells
        .iter()
        .map(|c| {
            c.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .filter(|c| !c.is_empty())
        .collect();
    let Some(first) = cells.first() else {
        return false;
    };
    if FOOTNOTES.iter().any(|f| first.starts_with(f)) {
        return true;
    }
    let signed = |cell: &String| {
        SIGNATURES.iter().any(|s| {
            cell == s
                || cell.starts_with(&format!("{s} "))
                || cell.starts_with(&format!("{s}\n"))
                || cell.starts_with(&format!("({s}"))
        })
    };
    let dated =
        |cell: &String| cell.contains("ngày") && cell.contains("tháng") && cell.contains("năm");
    cells.iter().any(|c| signed(c) || c.starts_with("(ký")) || dated(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn the_title_names_the_ward_and_the_year() {
        let lines = [
            "ỦY BAN NHÂN DÂN PHƯỜNG THANH TRƯỜNG",
            "Số: 12/BC-UBND",
            "Thanh Trường, ngày 07 tháng 01 năm 2024",
            "BIỂU TỔNG HỢP CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2023",
        ];
        let title = title(lines.into_iter());
        assert_eq!(title.ward.as_deref(), Some("phường thanh trường"));
        assert_eq!(title.year.map(|(y, _)| y), Some(2023));
        assert!(names_ward("phường thanh trường", "Phường Thanh Trường"));
        assert!(names_ward("phường thanh trường", "Thanh Trường"));
        assert!(!names_ward("phường thanh trường", "Phường Him Lam"));
        let commune = super::title(["UBND XÃ THANH MINH"].into_iter());
        assert_eq!(commune.ward.as_deref(), Some("xã thanh minh"));
    }

    /// Whether a row ends a table whose value columns are the third to the sixth.
    fn ends_table_plain(cells: &[String]) -> bool {
        let table = crate::import::read::Table {
            rows: vec![(
                1,
                [
                    "STT",
                    "Chỉ tiêu",
                    "Kế hoạch",
                    "Ước TH",
                    "Thực hiện",
                    "Quyết toán",
                    "Ghi chú",
                ]
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
            )],
            ..Default::default()
        };
        let (_, columns) = Columns::find(&table).expect("a header");
        ends_table(cells, &columns)
    }

    #[test]
    fn footnotes_and_signatures_end_the_table() {
        assert!(ends_table_plain(&row(&["", "Ghi chú: số ước tính"])));
        assert!(ends_table_plain(&row(&["(*) Số liệu tạm tính"])));
        assert!(ends_table_plain(&row(&[
            "",
            "Người lập biểu",
            "",
            "",
            "TM. ỦY BAN NHÂN DÂN"
        ])));
        assert!(ends_table_plain(&row(&["", "", "", "", "KT. CHỦ TỊCH"])));
        assert!(ends_table_plain(&row(&["", "", "", "CHỦ TỊCH"])));
        assert!(!ends_table_plain(&row(&["1", "Thu ngân sách", "1.500"])));
        assert!(!ends_table_plain(&row(&["", "Tỷ lệ hộ nghèo", "1,2"])));
        // A figure makes a row data, whatever its note says.
        assert!(!ends_table_plain(&row(&[
            "3",
            "Thu ngân sách",
            "1.500",
            "",
            "",
            "",
            "Chủ tịch UBND chỉ đạo thu",
        ])));
        assert!(!ends_table_plain(&row(&["", "* Nông nghiệp"])));
        assert!(ends_table_plain(&row(&[
            "",
            "",
            "",
            "Thanh Trường, ngày 07 tháng 01 năm 2022",
        ])));
    }

    #[test]
    fn column_numbers_are_passed_over_and_figures_are_not() {
        let table = crate::import::read::Table {
            rows: vec![(
                1,
                ["STT", "Chỉ tiêu", "Kế hoạch", "Ước TH", "So sánh"]
                    .iter()
                    .map(|c| (*c).to_owned())
                    .collect(),
            )],
            ..Default::default()
        };
        let (_, columns) = Columns::find(&table).expect("a header");
        assert!(is_numbering(&row(&["A", "B", "1", "2", "3=2/1"]), &columns));
        assert!(is_numbering(
            &row(&["(1)", "(2)", "(3)", "(4)", "(5)"]),
            &columns
        ));
        assert!(!is_numbering(
            &row(&["1", "Thu ngân sách", "1.500", "1.600"]),
            &columns
        ));
        assert!(!is_numbering(
            &row(&["", "B", "2.451,8", "2.809,8"]),
            &columns
        ));
    }
}
