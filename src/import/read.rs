//! Reading a file into rows of text cells, as they are, for the header search and the checks.

use std::path::Path;
use std::str::FromStr as _;

use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization as _;

use super::ImportError;
use crate::domain::number::NumberStyle;

/// Rows of text cells, each with its row number as the file shows it.
pub type Rows = Vec<(usize, Vec<String>)>;

/// A table read from a file: its rows, and where a number cell with decimals was written as
/// text (by index into the rows, and column). Such cells are written in machine form
/// (`2809.8`), and [`Table::restyle`] writes them in the file's style once it is known, so that
/// they read back through the same number parser as typed cells, digit for digit.
#[derive(Debug, Default)]
pub struct Table {
    pub rows: Rows,
    /// In the order of the cells: by row, then by column.
    pub decimals: Vec<(usize, usize)>,
}

impl Table {
    /// Writes the decimal number cells in `style`.
    pub fn restyle(&mut self, style: NumberStyle) {
        if style == NumberStyle::En {
            return;
        }
        let mark = style.decimal_mark().to_string();
        for &(row, column) in &self.decimals {
            if let Some(cell) = self.rows.get_mut(row).and_then(|(_, c)| c.get_mut(column))
                && let Some(at) = cell.find('.')
            {
                // One byte for another: in place, no new string.
                cell.replace_range(at..=at, &mark);
            }
        }
    }
}

/// A CSV file as rows of cells, each with its line number in the file (blank lines are not
/// rows, but they count for the numbers people see in their editor). A byte-order mark is dropped; comma, semicolon or tab is
/// taken as the separator, whichever the first lines use most (Excel in a Vietnamese locale
/// saves CSV with semicolons).
pub fn csv(path: &Path) -> Result<Rows, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| ImportError::Unreadable {
        path: path.to_path_buf(),
        detail: "the text is not UTF-8 (save it as \"CSV UTF-8\")".into(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let head: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    let delimiter = delimiter_of(&head);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Lines are counted from byte offsets as the reader moves on (its own line count drifts over
    // the blank lines it skips), each stretch of the text counted once.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0, 1);
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Unreadable {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        if let Some(position) = record.position() {
            // A record's position can point at the blank lines before it: step over them.
            let mut offset = usize::try_from(position.byte())
                .unwrap_or(usize::MAX)
                .min(bytes.len());
            while offset < bytes.len() && matches!(bytes[offset], b'\n' | b'\r') {
                offset += 1;
            }
            if offset > counted_to {
                line += bytes[counted_to..offset]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count();
                counted_to = offset;
            }
        }
        rows.push((line, record.iter().map(nfc).collect()));
    }
    Ok(rows)
}

/// The separator of a CSV, from its first lines: the one that splits them into a header this
/// program recognises (naming the most columns), else the one used most. Counting alone is
/// fooled by decimal commas: "Tỷ lệ hộ nghèo;1,2" has as many commas as semicolons.
fn delimiter_of(head: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b';', b'\t', b','];
    let header_columns = |delimiter: u8| {
        let rows: Rows = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(head.as_bytes())
            .records()
            .map_while(Result::ok)
            .enumerate()
            .map(|(i, record)| (i + 1, record.iter().map(nfc).collect()))
            .collect();
        super::columns::Columns::find(&rows).map_or(0, |(_, columns)| columns.count())
    };
    let by_header = CANDIDATES
        .into_iter()
        .map(|d| (header_columns(d), d))
        .max_by_key(|(count, _)| *count)
        .filter(|(count, _)| *count > 0)
        .map(|(_, d)| d);
    by_header.unwrap_or_else(|| {
        CANDIDATES
            .into_iter()
            .max_by_key(|d| head.bytes().filter(|b| b == d).count())
            .unwrap_or(b',')
    })
}

/// Names of the sheet this program's workbook keeps every plan and figure on.
const FIGURES_SHEETS: [&str; 2] = ["Số liệu", "Figures"];

/// A worksheet of an Excel file as rows of text cells, each with its row number in the sheet,
/// and the sheet's name: the figures sheet of this program's own workbook when `is_figures`
/// recognises it (it holds every stage and each plan's source), else the first sheet. Number
/// cells are written as plain digits, those with decimals in machine form (see [`Table`]).
pub fn xlsx(
    path: &Path,
    is_figures: impl Fn(&Rows) -> bool,
) -> Result<(String, Table), ImportError> {
    use calamine::Reader as _;
    let unreadable = |detail: String| ImportError::Unreadable {
        path: path.to_path_buf(),
        detail,
    };
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| unreadable(e.to_string()))?;
    let names = workbook.sheet_names();
    for (index, name) in names.iter().enumerate().skip(1) {
        if !FIGURES_SHEETS.contains(&name.as_str()) {
            continue;
        }
        let range = workbook
            .worksheet_range_at(index)
            .ok_or_else(|| unreadable(format!("the sheet \"{name}\" cannot be read")))?
            .map_err(|e| unreadable(e.to_string()))?;
        let table = table_of(&range);
        if is_figures(&table.rows) {
            return Ok((name.clone(), table));
        }
    }
    let name = names.first().cloned().unwrap_or_default();
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("the workbook has no sheet".into()))?
        .map_err(|e| unreadable(e.to_string()))?;
    Ok((name, table_of(&range)))
}

/// A sheet's cells as text rows, numbered as the sheet numbers them.
fn table_of(range: &calamine::Range<calamine::Data>) -> Table {
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    let mut table = Table::default();
    for (index, cells) in range.rows().enumerate() {
        // Leading empty columns are kept, so that positions match the sheet's columns.
        let mut texts = vec![String::new(); first_column];
        for cell in cells {
            let text = cell_text(cell);
            if matches!(cell, calamine::Data::Float(_)) && text.contains('.') {
                table.decimals.push((index, texts.len()));
            }
            texts.push(text);
        }
        table.rows.push((first_row + index + 1, texts));
    }
    table
}

/// A cell as text the importer reads; a number as plain digits with a dot for decimals.
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => nfc(text),
        Data::Int(value) => value.to_string(),
        Data::Float(value) => match as_displayed(*value) {
            Some(decimal) => decimal.normalize().to_string(),
            None => value.to_string(),
        },
        Data::Bool(value) => value.to_string(),
        Data::DateTime(value) => value.to_string(),
        Data::Error(error) => format!("#{error:?}"),
    }
}

/// A number cell as Excel shows it: 15 significant digits, so that 2809.8 stays 2809.8 and a
/// formula's binary noise (=1.1*3 is stored as 3.3000000000000003) is not read as digits.
fn as_displayed(value: f64) -> Option<Decimal> {
    const DIGITS: usize = 15;
    if !value.is_finite() {
        return None;
    }
    // Most cells: whole numbers (years, counts) and short decimals, whose shortest text already
    // has at most 15 significant digits; only the others are rounded.
    // A whole double below 10^15 converts exactly.
    #[allow(clippy::cast_possible_truncation)]
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return Some(Decimal::from(value as i64));
    }
    let shortest = value.to_string();
    let significant = shortest
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|b| *b == b'0')
        .count();
    if significant <= DIGITS {
        return Decimal::from_str(&shortest).ok().map(|d| d.normalize());
    }
    let text = format!("{value:.14e}");
    Decimal::from_scientific(&text)
        .ok()
        .or_else(|| Decimal::from_str(&shortest).ok())
        .map(|d| d.normalize())
}

/// A cell in Unicode's composed form (NFC), as the number parser and the names expect it; plain
/// ASCII, most cells, is already composed.
fn nfc(text: &str) -> String {
    if text.is_ascii() {
        text.to_owned()
    } else {
        text.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_cells_read_as_excel_shows_them() {
        let shown = |v: f64| as_displayed(v).map(|d| d.to_string());
        assert_eq!(shown(1.1 * 3.0).as_deref(), Some("3.3"));
        assert_eq!(shown(10.0 * 1.1).as_deref(), Some("11"));
        assert_eq!(shown(2809.8).as_deref(), Some("2809.8"));
        assert_eq!(shown(17_416_889_536.0).as_deref(), Some("17416889536"));
        assert_eq!(shown(0.000_123_4).as_deref(), Some("0.0001234"));
        assert_eq!(shown(f64::NAN), None);
        let mut table = Table {
            rows: vec![(1, vec!["2021".into(), "2809.8".into(), "2.600".into()])],
            decimals: vec![(0, 1)],
        };
        table.restyle(NumberStyle::Vi);
        // Only the number cell is rewritten: typed text stays as typed.
        assert_eq!(table.rows[0].1, ["2021", "2809,8", "2.600"]);
    }

    #[test]
    fn the_separator_is_the_one_that_makes_a_header() {
        // More commas (decimal commas, a name with commas) than semicolons.
        let head = "Chỉ tiêu;Thực hiện\nSản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3);2809,8\nTỷ lệ hộ nghèo;1,2";
        assert_eq!(delimiter_of(head), b';');
        assert_eq!(
            delimiter_of("Chỉ tiêu,Thực hiện\nThu ngân sách,\"17.416,9\""),
            b','
        );
        assert_eq!(
            delimiter_of("Chỉ tiêu\tKế hoạch\nThu ngân sách\t1,5"),
            b'\t'
        );
        // No header at all: the most used one.
        assert_eq!(delimiter_of("a;b;c\nd;e;f"), b';');
    }
}
