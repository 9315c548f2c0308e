//! Reading a file into rows of text cells, as they are, for the header search and the checks:
//! CSV ([`csv`]), Excel ([`xlsx`]) and the tables of a Word report ([`docx`]).

mod csv;
mod docx;
mod xlsx;

use std::path::Path;

use unicode_normalization::UnicodeNormalization as _;

use super::ImportError;
use crate::domain::number::NumberStyle;

pub use docx::TableSummary;

/// Rows of text cells, each with its row number as the file shows it.
pub type Rows = Vec<(usize, Vec<String>)>;

/// A block of merged cells, by index into the rows and by column, both ends included. Only the
/// first cell holds the text; headings read it for every cell of the block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub rows: (usize, usize),
    pub columns: (usize, usize),
}

/// A table read from a file: its rows, the merged blocks, the text above it (a Word report's
/// heading lines; a sheet's title rows are rows of the table), and where a number cell with
/// decimals was written as text (by index into the rows, and column). Such cells are written in
/// machine form (`2809.8`), and [`Table::restyle`] writes them in the file's style once it is
/// known, so that they read back through the same number parser as typed cells, digit for
/// digit.
#[derive(Debug, Default)]
pub struct Table {
    pub rows: Rows,
    /// In the order of the cells: by row, then by column.
    pub decimals: Vec<(usize, usize)>,
    pub merges: Vec<Merge>,
    /// Lines of text above the table, outside it (a Word document's paragraphs).
    pub lines: Vec<String>,
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

    /// A cell's text as a heading reads it: a merged block's text in each of its cells.
    pub fn heading(&self, row: usize, column: usize) -> &str {
        let (row, column) = self
            .merges
            .iter()
            .find(|m| {
                (m.rows.0..=m.rows.1).contains(&row)
                    && (m.columns.0..=m.columns.1).contains(&column)
            })
            .map_or((row, column), |m| (m.rows.0, m.columns.0));
        self.rows
            .get(row)
            .and_then(|(_, cells)| cells.get(column))
            .map_or("", |c| c.trim())
    }

    /// Whether a cell is a merged block's first cell or outside any block; a cell covered by
    /// a block holds nothing of its own.
    pub fn merged_into(&self, row: usize, column: usize) -> Option<Merge> {
        self.merges.iter().copied().find(|m| {
            (m.rows.0..=m.rows.1).contains(&row)
                && (m.columns.0..=m.columns.1).contains(&column)
                && (m.rows.0, m.columns.0) != (row, column)
        })
    }
}

/// Which table of a file to read, when it holds several (a Word report).
pub type Choice = Option<usize>;

/// The file as a table, the name its messages use ("file.xlsx, Sheet1", "report.docx, bảng 2"),
/// and the tables a Word report holds (empty for other files). `is_table` recognises a table
/// this program can read (by its header); `is_figures` this program's own figures sheet;
/// `needs_merges` a sheet whose merged cells must be read (see [`xlsx::read`]).
pub fn file(
    path: &Path,
    choice: Choice,
    lang: crate::domain::Lang,
    is_table: impl Fn(&Table) -> bool,
    is_figures: impl Fn(&Table) -> bool,
    needs_merges: impl Fn(&Table) -> bool,
) -> Result<(String, Table, Vec<TableSummary>), ImportError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    match extension.as_str() {
        "csv" | "txt" => Ok((
            file,
            Table {
                rows: csv::read(path)?,
                ..Table::default()
            },
            Vec::new(),
        )),
        "xlsx" | "xlsm" | "xls" | "ods" => {
            let (name, table) = xlsx::read(path, is_figures, needs_merges)?;
            Ok((format!("{file}, {name}"), table, Vec::new()))
        }
        "docx" => {
            let (index, table, all) = docx::read(path, choice, is_table)?;
            let name = rust_i18n::t!(
                "import.docx_table",
                locale = lang.code(),
                number = index + 1
            );
            Ok((format!("{file}, {name}"), table, all))
        }
        _ => Err(ImportError::Unsupported {
            path: path.to_path_buf(),
        }),
    }
}

/// An XML attribute's value by its local name (`w:val` is `val`, `r:id` is `id`), unescaped;
/// for the parts of a Word or Excel file read directly.
fn attribute(element: &quick_xml::events::BytesStart<'_>, name: &[u8]) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            let raw = String::from_utf8_lossy(&a.value);
            quick_xml::escape::unescape(&raw)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
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
    use super::csv::delimiter_of;
    use super::xlsx::as_displayed;
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
            ..Table::default()
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
