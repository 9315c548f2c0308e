//! CSV: one row per ward and indicator, numbers machine-readable (2809.8), UTF-8 with a
//! byte-order mark so that Excel shows Vietnamese letters, and text cells made harmless when they
//! would start a formula (= + - @, tab, carriage return).
//!
//! A plan in words is written in words in the `plan` column ("Dưới 3%", as typed where it reads
//! back the same as a machine number would, else "at most 3.5"), so that the file imported again
//! gives the same plan; `plan_form` names the form and `plan_bound` holds the number the value
//! is judged against (for a plan relative to last year, what it comes to).

use crate::domain::Lang;
use crate::domain::report::Report;

use super::machine::{MachineRow, machine_rows};

/// The byte-order mark Excel needs to read the file as UTF-8.
const BOM: &str = "\u{feff}";

/// The header row.
const HEADER: [&str; 21] = [
    "ward_code",
    "ward",
    "year",
    "indicator",
    "name",
    "category",
    "unit",
    "plan",
    "plan_high",
    "plan_source",
    "plan_derived",
    "plan_form",
    "plan_bound",
    "value",
    "stage",
    "percent_of_plan",
    "status",
    "previous",
    "change_vs_previous",
    "change_measure",
    "note",
];

/// The reports as CSV bytes, with the byte-order mark when `bom` is set (files for Excel; not
/// for a terminal).
pub fn to_bytes(reports: &[&Report], _lang: Lang, bom: bool) -> Vec<u8> {
    let mut out = String::new();
    if bom {
        out.push_str(BOM);
    }
    push_record(&mut out, HEADER.iter().map(|h| Cell::Code(h)));
    for report in reports {
        let year = report.year.to_string();
        for (line, row) in report.rows.iter().zip(machine_rows(report)) {
            let plan = line
                .plan
                .as_ref()
                .filter(|p| p.target.is_worded())
                .map(|p| p.machine_text(&line.indicator.unit));
            push_record(&mut out, cells(report, &year, &row, plan.as_deref()));
        }
    }
    out.into_bytes()
}

/// What a cell holds, which decides whether it may need defusing.
enum Cell<'a> {
    /// People's text: names, units, notes.
    Text(&'a str),
    /// A code or a number written by the program.
    Code(&'a str),
}

/// A row's cells; `worded`: the plan in words, for the plan column.
fn cells<'a>(
    report: &'a Report,
    year: &'a str,
    row: &'a MachineRow<'a>,
    worded: Option<&'a str>,
) -> Vec<Cell<'a>> {
    let raw = |v: &'a Option<Box<serde_json::value::RawValue>>| {
        Cell::Code(v.as_ref().map_or("", |r| r.get()))
    };
    vec![
        Cell::Text(&report.unit.code),
        Cell::Text(&report.unit.name),
        Cell::Code(year),
        Cell::Code(row.indicator),
        Cell::Text(row.name),
        Cell::Code(row.category),
        Cell::Text(row.unit),
        worded.map_or_else(|| raw(&row.plan), Cell::Text),
        raw(&row.plan_high),
        Cell::Code(row.plan_source.unwrap_or_default()),
        Cell::Code(match row.plan_derived {
            Some(true) => "true",
            Some(false) => "false",
            None => "",
        }),
        Cell::Code(row.plan_form.unwrap_or_default()),
        raw(&row.plan),
        raw(&row.value),
        Cell::Code(row.stage.unwrap_or_default()),
        raw(&row.percent_of_plan),
        Cell::Code(row.status),
        raw(&row.previous),
        raw(&row.change_vs_previous),
        Cell::Code(row.change_measure.unwrap_or_default()),
        Cell::Text(row.note),
    ]
}

fn push_record<'a>(out: &mut String, cells: impl IntoIterator<Item = Cell<'a>>) {
    for (index, cell) in cells.into_iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        match cell {
            Cell::Code(text) => push_field(out, text),
            Cell::Text(text) => push_field(out, &defused(text)),
        }
    }
    out.push_str("\r\n");
}

/// A text cell that a spreadsheet would run as a formula gets a leading apostrophe, which
/// spreadsheets show as text and never evaluate.
fn defused(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// One field, quoted when it holds a comma, a quote, a line break or edge blanks.
fn push_field(out: &mut String, text: &str) {
    let needs_quotes =
        text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ');
    if needs_quotes {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn demo_report() -> (tempfile::TempDir, Report) {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::demo::create_demo(&dir.path().join("d.db")).unwrap();
        let (unit, _) = store.unit_for("03142", 2021).unwrap();
        let report = store.report(unit, 2021).unwrap();
        (dir, report)
    }

    #[test]
    fn a_file_starts_with_the_bom_and_a_header() {
        let (_dir, report) = demo_report();
        let text = String::from_utf8(to_bytes(&[&report], Lang::Vi, true)).unwrap();
        assert!(text.starts_with("\u{feff}ward_code,ward,year,indicator,name,"));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1 + 29);
        let crop = lines.iter().find(|l| l.contains(",crop_output,")).unwrap();
        assert!(
            crop.starts_with("03142,Phường Thanh Trường,2021,crop_output,"),
            "{crop}"
        );
        assert!(
            crop.contains(",2451.8,,city,true,value,2451.8,2809.8,actual,114.6,exceeded,"),
            "{crop}"
        );
        let budget = lines
            .iter()
            .find(|l| l.contains(",budget_revenue,"))
            .unwrap();
        assert!(
            budget.contains(",17416889536,estimate,103,exceeded,"),
            "{budget}"
        );
        // The note with commas and quotes is one quoted field.
        assert!(budget.ends_with("\"Bài viết in \"\"17.416,889,536\"\" (dấu phân cách lẫn lộn): 17.416.889.536 đồng\""), "{budget}");
    }

    #[test]
    fn formulas_in_text_are_made_harmless_and_numbers_are_not() {
        let mut out = String::new();
        push_record(
            &mut out,
            [
                Cell::Text("=HYPERLINK(\"http://x\")"),
                Cell::Text("+1"),
                Cell::Text("-2"),
                Cell::Text("@SUM(A1)"),
                Cell::Text("Thu ngân sách"),
                Cell::Code("-0.5"),
            ],
        );
        assert_eq!(
            out,
            "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),Thu ngân sách,-0.5\r\n"
        );
    }

    #[test]
    fn a_terminal_gets_no_bom() {
        let (_dir, report) = demo_report();
        let bytes = to_bytes(&[&report], Lang::Vi, false);
        assert!(bytes.starts_with(b"ward_code,"));
    }
}
