//! Previewing an annex as offices keep it: a 60-row .xlsx (title rows naming the ward and the
//! year, a two-row heading with merged cells, column numbers, category rows, 60 indicators with
//! last year's actual, this year's plan and estimate, next year's plan and two computed
//! columns, a footnote and the signature block) against the demo database with its catalogue
//! grown to 60 indicators. The issue asks for ≤ 20 ms.
//!
//! Run with `cargo bench --bench annex`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use rust_xlsxwriter::{Format, Workbook};
use ward_kpi::domain::{Category, Direction, Indicator, Kind, Lang, Unit};
use ward_kpi::import::{self, Defaults};

/// How many indicator rows the annex has.
const ROWS: usize = 60;

/// The annex, naming each indicator by its Vietnamese name.
fn annex(names: &[String], path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let plain = Format::new();
    sheet
        .write_string(0, 0, "ỦY BAN NHÂN DÂN PHƯỜNG THANH TRƯỜNG")
        .expect("cell");
    sheet
        .write_string(1, 0, "BIỂU TỔNG HỢP CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2021")
        .expect("cell");
    for (column, heading) in [
        (0, "STT"),
        (1, "Chỉ tiêu"),
        (2, "ĐVT"),
        (3, "Thực hiện năm 2020"),
        (6, "Kế hoạch năm 2022"),
        (9, "Ghi chú"),
    ] {
        sheet
            .merge_range(3, column, 4, column, heading, &plain)
            .expect("merge");
    }
    sheet
        .merge_range(3, 4, 3, 5, "Năm 2021", &plain)
        .expect("merge");
    sheet
        .merge_range(3, 7, 3, 8, "So sánh (%)", &plain)
        .expect("merge");
    for (column, heading) in [
        (4, "Kế hoạch"),
        (5, "Ước TH"),
        (7, "Ước TH/KH"),
        (8, "So với cùng kỳ"),
    ] {
        sheet.write_string(4, column, heading).expect("cell");
    }
    for (column, label) in ["A", "B", "C", "1", "2", "3", "4", "5=3/2", "6=3/1", "D"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string(5, u16::try_from(column).expect("few columns"), *label)
            .expect("cell");
    }
    let mut row = 6;
    for (index, name) in names.iter().enumerate() {
        if index % 15 == 0 {
            sheet.write_string(row, 0, "I").expect("cell");
            sheet.write_string(row, 1, "NHÓM CHỈ TIÊU").expect("cell");
            row += 1;
        }
        let base = 1000.0 + index as f64 * 10.0;
        sheet
            .write_number(row, 0, (index + 1) as f64)
            .expect("cell");
        sheet.write_string(row, 1, name).expect("cell");
        sheet.write_number(row, 3, base).expect("cell");
        sheet.write_number(row, 4, base + 50.0).expect("cell");
        sheet.write_number(row, 5, base + 100.0).expect("cell");
        sheet.write_number(row, 6, base + 150.0).expect("cell");
        sheet
            .write_number(
                row,
                7,
                ((base + 100.0) / (base + 50.0) * 1000.0).round() / 10.0,
            )
            .expect("cell");
        sheet
            .write_number(row, 8, ((base + 100.0) / base * 1000.0).round() / 10.0)
            .expect("cell");
        row += 1;
    }
    sheet
        .write_string(row + 1, 0, "Ghi chú: số ước tính")
        .expect("cell");
    sheet
        .write_string(row + 3, 1, "Người lập biểu")
        .expect("cell");
    sheet
        .write_string(row + 3, 5, "TM. ỦY BAN NHÂN DÂN")
        .expect("cell");
    sheet.write_string(row + 4, 5, "CHỦ TỊCH").expect("cell");
    book.save(path).expect("the annex is written");
}

fn annex_preview(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("demo.db");
    let store = ward_kpi::demo::create_demo(&db).expect("the demo database");
    // The demo catalogue grown to 60 plain indicators, so that every row names one.
    let mut names = Vec::new();
    for (_, indicator) in store.indicators().expect("indicators") {
        if indicator.unit.symbol() == "%" || indicator.kind == Kind::Rate {
            continue;
        }
        names.push(indicator.name_vi);
    }
    let mut extra = 0;
    while names.len() < ROWS {
        extra += 1;
        let indicator = Indicator {
            code: format!("extra_{extra}"),
            name_vi: format!("Chỉ tiêu bổ sung số {extra}"),
            name_en: format!("Extra indicator {extra}"),
            category: Category::Economy,
            unit: Unit::new("tấn"),
            direction: Direction::HigherIsBetter,
            kind: Kind::Flow,
            precision: 1,
            archived: false,
            order: 100 + i64::from(extra),
            rules: ward_kpi::domain::Rules::default_for(Kind::Flow, &Unit::new("tấn")),
            aggregation: ward_kpi::domain::Aggregation::Sum,
        };
        store.add_indicator(&indicator).expect("added");
        names.push(indicator.name_vi);
    }
    names.truncate(ROWS);
    let file = dir.path().join("phu-luc.xlsx");
    annex(&names, &file);
    let defaults = Defaults {
        lang: Lang::Vi,
        ..Defaults::default()
    };
    let preview = import::preview(&store, &file, &defaults).expect("the annex reads");
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert!(
        preview.changes.len() >= ROWS * 3,
        "{}",
        preview.changes.len()
    );
    c.bench_function("annex_60_rows_preview", |b| {
        b.iter(|| import::preview(&store, black_box(&file), &defaults).expect("preview"));
    });
}

criterion_group!(benches, annex_preview);
criterion_main!(benches);
