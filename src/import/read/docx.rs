//! The tables of a Word report (.docx) as rows of text cells, and the report's own lines above
//! them (where its heading names the ward and the year). Cells spanning columns or rows are kept
//! as merged blocks, as a sheet's are.

use std::io::Read as _;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::{Merge, Table, attribute, nfc};
use crate::import::ImportError;

/// A table of the document, for the user to pick from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableSummary {
    /// 0-based, in the document's order.
    pub index: usize,
    pub rows: usize,
    /// The first cells of its first row, joined ("STT | Chỉ tiêu | ĐVT | …").
    pub first_row: String,
    /// Whether it has a header this program reads.
    pub readable: bool,
}

/// The table to read: `choice` when given, else the first one `is_table` recognises; with it,
/// every table of the document.
pub fn read(
    path: &Path,
    choice: Option<usize>,
    is_table: impl Fn(&Table) -> bool,
) -> Result<(usize, Table, Vec<TableSummary>), ImportError> {
    let unreadable = |detail: String| ImportError::Unreadable {
        path: path.to_path_buf(),
        detail,
    };
    let file = std::fs::File::open(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| unreadable(format!("not a Word document (.docx): {e}")))?;
    let mut xml = Vec::new();
    zip.by_name("word/document.xml")
        .map_err(|e| unreadable(format!("not a Word document (.docx): {e}")))?
        .read_to_end(&mut xml)
        .map_err(|e| unreadable(e.to_string()))?;
    let tables = tables_of(&xml).map_err(unreadable)?;
    let summaries: Vec<TableSummary> = tables
        .iter()
        .enumerate()
        .map(|(index, table)| TableSummary {
            index,
            rows: table.rows.len(),
            first_row: table
                .rows
                .first()
                .map(|(_, cells)| {
                    let mut seen: Vec<&str> = Vec::new();
                    for cell in cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
                        seen.push(cell);
                    }
                    seen.into_iter().take(6).collect::<Vec<_>>().join(" | ")
                })
                .unwrap_or_default(),
            readable: is_table(table),
        })
        .collect();
    if tables.is_empty() {
        return Err(unreadable("the document has no table".into()));
    }
    let index = match choice {
        Some(index) if index < tables.len() => index,
        Some(index) => {
            return Err(unreadable(format!(
                "the document has {} tables, not {}",
                tables.len(),
                index + 1
            )));
        }
        None => summaries.iter().position(|s| s.readable).unwrap_or(0),
    };
    let table = tables
        .into_iter()
        .nth(index)
        .ok_or_else(|| unreadable("the document has no table".into()))?;
    Ok((index, table, summaries))
}

/// A table being read: its rows so far, and the row and cell open now.
#[derive(Default)]
struct Building {
    table: Table,
    row: Vec<String>,
    cell: String,
    /// The open cell's column span and whether it continues the block above.
    span: usize,
    continues: bool,
}

/// Every top-level table of the document, each with the paragraphs above it.
fn tables_of(xml: &[u8]) -> Result<Vec<Table>, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut tables = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut paragraph = String::new();
    let mut depth = 0usize;
    let mut building = Building::default();
    let mut in_text = false;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| e.to_string())?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"tbl" => {
                    depth += 1;
                    if depth == 1 {
                        building = Building {
                            table: Table {
                                lines: lines.clone(),
                                ..Table::default()
                            },
                            ..Building::default()
                        };
                    }
                }
                b"tc" if depth == 1 => {
                    building.cell.clear();
                    building.span = 1;
                    building.continues = false;
                }
                b"t" => in_text = true,
                b"vMerge" if depth == 1 => building.continues = continues(&e),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"gridSpan" if depth == 1 => {
                    building.span = attribute(&e, b"val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .max(1);
                }
                b"vMerge" if depth == 1 => building.continues = continues(&e),
                b"tab" => push_text(depth, &mut building, &mut paragraph, " "),
                b"br" => push_text(depth, &mut building, &mut paragraph, "\n"),
                _ => {}
            },
            Event::Text(text) if in_text => {
                let text = text.unescape().map_err(|e| e.to_string())?;
                push_text(depth, &mut building, &mut paragraph, &text);
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    if depth == 0 {
                        let line = nfc(paragraph.trim());
                        if !line.is_empty() {
                            lines.push(line);
                        }
                        paragraph.clear();
                    } else if !building.cell.is_empty() && !building.cell.ends_with('\n') {
                        building.cell.push('\n');
                    }
                }
                b"tc" if depth == 1 => end_cell(&mut building),
                b"tr" if depth == 1 => {
                    let row = std::mem::take(&mut building.row);
                    let number = building.table.rows.len() + 1;
                    building.table.rows.push((number, row));
                }
                b"tbl" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        tables.push(std::mem::take(&mut building.table));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(tables)
}

/// Text of a run: into the open cell inside a table, else into the paragraph.
fn push_text(depth: usize, building: &mut Building, paragraph: &mut String, text: &str) {
    if depth == 0 {
        paragraph.push_str(text);
    } else {
        building.cell.push_str(text);
    }
}

/// Whether a `w:vMerge` continues the block above (no value, or "continue") rather than
/// starting one ("restart").
fn continues(element: &BytesStart<'_>) -> bool {
    attribute(element, b"val").is_none_or(|v| v == "continue")
}

/// Closes the open cell: its text in its first column, its span and its vertical block kept as
/// merged blocks.
fn end_cell(building: &mut Building) {
    let row_index = building.table.rows.len();
    let column = building.row.len();
    let text = nfc(building.cell.trim());
    let span = building.span.max(1);
    if building.continues {
        // A cell continuing the block above holds nothing; the block grows down to it.
        building.row.push(String::new());
        let grown = building
            .table
            .merges
            .iter_mut()
            .find(|m| m.columns.0 == column && m.rows.1 + 1 == row_index);
        match grown {
            Some(merge) => merge.rows.1 = row_index,
            None if row_index > 0 => building.table.merges.push(Merge {
                rows: (row_index - 1, row_index),
                columns: (column, column + span - 1),
            }),
            None => {}
        }
    } else {
        building.row.push(text);
        if span > 1 {
            building.table.merges.push(Merge {
                rows: (row_index, row_index),
                columns: (column, column + span - 1),
            });
        }
    }
    building
        .row
        .extend(std::iter::repeat_n(String::new(), span - 1));
    building.cell.clear();
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_documents_table_reads_with_its_spans_and_the_lines_above() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:r><w:t>UBND PHƯỜNG THANH TRƯỜNG</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">BÁO CÁO NĂM </w:t></w:r><w:r><w:t>2023</w:t></w:r></w:p>
            <w:tbl>
              <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Chỉ tiêu</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Năm 2023</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
                    <w:tc><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:tc>
                    <w:tc><w:p><w:r><w:t>Ước TH</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:p><w:r><w:t>Thu &amp; chi</w:t></w:r></w:p></w:tc>
                    <w:tc><w:p><w:r><w:t>1.500</w:t></w:r></w:p></w:tc>
                    <w:tc><w:p><w:r><w:t>1.600</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl>
            <w:p><w:r><w:t>Người lập biểu</w:t></w:r></w:p>
        </w:body></w:document>"#;
        let tables = tables_of(xml.as_bytes()).unwrap();
        assert_eq!(tables.len(), 1);
        let table = &tables[0];
        assert_eq!(
            table.lines,
            ["UBND PHƯỜNG THANH TRƯỜNG", "BÁO CÁO NĂM 2023"]
        );
        assert_eq!(table.rows[0].1, ["Chỉ tiêu", "Năm 2023", ""]);
        assert_eq!(table.rows[1].1, ["", "Kế hoạch", "Ước TH"]);
        assert_eq!(table.rows[2].1, ["Thu & chi", "1.500", "1.600"]);
        assert_eq!(table.heading(1, 0), "Chỉ tiêu");
        assert_eq!(table.heading(0, 2), "Năm 2023");
        assert_eq!(table.heading(2, 2), "1.600");
    }
}
