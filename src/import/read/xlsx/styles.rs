//! Which cells of a sheet are formatted as a percent. The spreadsheet reader gives a cell's
//! number, not its format, and a cell showing "95%" holds 0.95: the format is read here from the
//! workbook's own parts (its styles, then the sheet's cells that use a percent style).

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Seek};
use std::path::Path;

use quick_xml::events::Event;

use super::super::attribute;

/// Excel's built-in percent formats: `0%` and `0.00%`.
const BUILTIN_PERCENT: [u32; 2] = [9, 10];

/// The cells (row, column; 0-based, as the sheet numbers them) of the sheet `name` whose number
/// format is a percent. A workbook with no percent style costs one read of its styles.
pub fn percent_cells(path: &Path, name: &str) -> Result<HashSet<(u32, u32)>, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| e.to_string())?;
    let styles = match part(&mut zip, "xl/styles.xml")? {
        Some(xml) => percent_styles(quick_xml::Reader::from_reader(xml.as_slice()))?,
        None => return Ok(HashSet::new()),
    };
    if styles.is_empty() {
        return Ok(HashSet::new());
    }
    let Some(sheet) = sheet_path(&mut zip, name)? else {
        return Ok(HashSet::new());
    };
    let Some(xml) = part(&mut zip, &sheet)? else {
        return Ok(HashSet::new());
    };
    cells_with_styles(quick_xml::Reader::from_reader(xml.as_slice()), &styles)
}

/// A part of the package, read whole (styles and the workbook's lists are small; a sheet is
/// read once), or `None` when the package has no such part.
fn part<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<Vec<u8>>, String> {
    let mut entry = match zip.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let mut bytes = Vec::new();
    entry.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    Ok(Some(bytes))
}

/// The indices of the cell styles (`cellXfs`) whose number format is a percent.
fn percent_styles<R: BufRead>(mut xml: quick_xml::Reader<R>) -> Result<HashSet<u32>, String> {
    let mut custom = HashSet::new();
    let mut styles = HashSet::new();
    let mut in_cell_xfs = false;
    let mut index = 0;
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf).map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"numFmt" => {
                    let id = attribute(&e, b"numFmtId").and_then(|v| v.parse::<u32>().ok());
                    let code = attribute(&e, b"formatCode").unwrap_or_default();
                    if let Some(id) = id
                        && is_percent_format(&code)
                    {
                        custom.insert(id);
                    }
                }
                b"cellXfs" => in_cell_xfs = true,
                b"xf" if in_cell_xfs => {
                    let id = attribute(&e, b"numFmtId").and_then(|v| v.parse::<u32>().ok());
                    if id.is_some_and(|id| BUILTIN_PERCENT.contains(&id) || custom.contains(&id)) {
                        styles.insert(index);
                    }
                    index += 1;
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(styles)
}

/// Whether a number format shows a percent: a `%` outside quoted text, escapes and brackets,
/// in its first section (positive numbers).
fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut bracket = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            ';' if !quoted && !bracket => return false,
            '%' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

/// The path of the sheet named `name` inside the package.
fn sheet_path<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, String> {
    let Some(bytes) = part(zip, "xl/workbook.xml")? else {
        return Ok(None);
    };
    let mut xml = quick_xml::Reader::from_reader(bytes.as_slice());
    let mut id = None;
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf).map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == b"sheet"
                    && attribute(&e, b"name").as_deref() == Some(name) =>
            {
                id = attribute(&e, b"id");
                break;
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    let Some(id) = id else { return Ok(None) };
    let Some(bytes) = part(zip, "xl/_rels/workbook.xml.rels")? else {
        return Ok(None);
    };
    let mut xml = quick_xml::Reader::from_reader(bytes.as_slice());
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == b"Relationship"
                    && attribute(&e, b"Id").as_deref() == Some(id.as_str()) =>
            {
                let target = attribute(&e, b"Target").unwrap_or_default();
                return Ok(Some(match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_owned(),
                    None => format!("xl/{target}"),
                }));
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
    }
}

/// The cells of a sheet whose style is one of `styles`.
fn cells_with_styles<R: BufRead>(
    mut xml: quick_xml::Reader<R>,
    styles: &HashSet<u32>,
) -> Result<HashSet<(u32, u32)>, String> {
    let mut cells = HashSet::new();
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf).map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"c" => {
                let style = attribute(&e, b"s").and_then(|s| s.parse::<u32>().ok());
                if style.is_some_and(|s| styles.contains(&s))
                    && let Some(at) = attribute(&e, b"r").as_deref().and_then(cell_position)
                {
                    cells.insert(at);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(cells)
}

/// "E5" as (row 4, column 4).
fn cell_position(reference: &str) -> Option<(u32, u32)> {
    let split = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = reference.split_at(split);
    if letters.is_empty() {
        return None;
    }
    let mut column: u32 = 0;
    for c in letters.bytes() {
        if !c.is_ascii_uppercase() {
            return None;
        }
        column = column
            .checked_mul(26)?
            .checked_add(u32::from(c - b'A') + 1)?;
    }
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, column - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats_are_told_from_others() {
        assert!(is_percent_format("0.0%"));
        assert!(is_percent_format("#,##0.00\\ %"));
        assert!(!is_percent_format("0.0\"%\""));
        assert!(!is_percent_format("#,##0.0"));
        assert!(!is_percent_format("[Red]0;\"%\""));
        assert_eq!(cell_position("E5"), Some((4, 4)));
        assert_eq!(cell_position("AA10"), Some((9, 26)));
        assert_eq!(cell_position("5"), None);
    }
}
