//! Imports of 100,200 rows (334 wards × 50 indicators × 6 years, a plan and an actual value
//! each, written Vietnamese-style: "2.809,8") into the cached ~1,000,000-figure synthetic
//! database, from a semicolon CSV as Vietnamese Excel saves it and from an .xlsx with numeric
//! cells. Two files of each: "new" holds six years the database has not seen (every value an
//! insert: the yearly case), "replace" moves every stored value of the last six years by one
//! (every value an update whose old value goes to the change log: the worst case).
//! "csv_new_one_value" is the new-years CSV with one value a row (100,200 values), the layout
//! of a table listing one figure per row.
//! "preview" is reading and checking the file against the database; "write" adds the one
//! transaction with its change log, on a fresh copy of the database each time (the copy is not
//! timed).
//!
//! Run with `cargo bench --bench import`.

mod common;

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use rust_decimal::Decimal;
use ward_kpi::domain::number::NumberStyle;
use ward_kpi::domain::{Lang, Level, PlanTarget, Stage, number};
use ward_kpi::import::{self, Defaults};
use ward_kpi::store::{Origin, Store};

/// The years the file covers: the last six synthetic ones.
const YEARS: std::ops::RangeInclusive<i16> =
    ward_kpi::demo::synthetic::LAST_YEAR - 5..=ward_kpi::demo::synthetic::LAST_YEAR;

/// One row of the file: ward, year, indicator, plan, actual.
type Row = (String, i16, String, Decimal, Decimal);

/// Every stored plan and actual value of those years, each moved by one; with `new_years` the
/// same values in the six years after them.
fn rows(store: &Store, new_years: bool) -> Vec<Row> {
    let shift = if new_years { 6 } else { 0 };
    let indicators = store.indicators().expect("indicators");
    let mut rows = Vec::new();
    for (unit_id, unit) in store.units().expect("units") {
        if unit.level != Level::Ward || !unit.synthetic {
            continue;
        }
        for year in YEARS {
            let plans = store.plans_of(unit_id, year).expect("plans");
            let figures = store.figures_of(unit_id, year).expect("figures");
            for (id, indicator) in &indicators {
                let plan = plans
                    .get(id)
                    .and_then(|p| p.first())
                    .and_then(|p| match p.target {
                        PlanTarget::Value(value) => Some(value),
                        _ => None,
                    });
                let actual = figures
                    .get(id)
                    .and_then(|f| f.iter().find(|f| f.stage == Stage::Actual))
                    .map(|f| f.value);
                if let (Some(plan), Some(actual)) = (plan, actual) {
                    rows.push((
                        unit.code.clone(),
                        year + shift,
                        indicator.code.clone(),
                        changed(plan),
                        changed(actual),
                    ));
                }
            }
        }
    }
    rows
}

/// A value one away from `value`, still within the indicator's bounds (a share of 99,5% goes
/// down, not up past 100%; a value below 1 goes up, not below 0), so that every value changes.
fn changed(value: Decimal) -> Decimal {
    if value >= Decimal::ONE {
        value - Decimal::ONE
    } else {
        value + Decimal::ONE
    }
}

const HEADINGS: [&str; 5] = ["Mã phường", "Năm", "Mã chỉ tiêu", "Kế hoạch", "Thực hiện"];

/// The same rows with one value each (the actual): the long layout of a table that lists one
/// figure per row.
fn write_csv_one_value(rows: &[Row], path: &Path) {
    let mut text = String::from("\u{feff}Mã phường;Năm;Mã chỉ tiêu;Thực hiện\n");
    for (ward, year, indicator, _, actual) in rows {
        writeln!(
            text,
            "{ward};{year};{indicator};{}",
            number::format_exact(*actual, NumberStyle::Vi)
        )
        .expect("writing to a string");
    }
    std::fs::write(path, text).expect("the CSV is written");
}

fn write_csv(rows: &[Row], path: &Path) {
    let mut text = String::from("\u{feff}");
    text.push_str(&HEADINGS.join(";"));
    text.push('\n');
    for (ward, year, indicator, plan, actual) in rows {
        writeln!(
            text,
            "{ward};{year};{indicator};{};{}",
            number::format_exact(*plan, NumberStyle::Vi),
            number::format_exact(*actual, NumberStyle::Vi)
        )
        .expect("writing to a string");
    }
    std::fs::write(path, text).expect("the CSV is written");
}

fn write_xlsx(rows: &[Row], path: &Path) {
    use rust_xlsxwriter::Workbook;
    let mut workbook = Workbook::new();
    let sheet = workbook
        .add_worksheet_with_constant_memory()
        .expect("a sheet");
    for (column, heading) in (0u16..).zip(HEADINGS) {
        sheet.write(0, column, heading).expect("a heading");
    }
    for (row, (ward, year, indicator, plan, actual)) in (1u32..).zip(rows) {
        let number = |d: &Decimal| d.to_string().parse::<f64>().expect("a number");
        sheet.write(row, 0, ward.as_str()).expect("a cell");
        sheet.write(row, 1, *year).expect("a cell");
        sheet.write(row, 2, indicator.as_str()).expect("a cell");
        sheet.write(row, 3, number(plan)).expect("a cell");
        sheet.write(row, 4, number(actual)).expect("a cell");
    }
    workbook.save(path).expect("the workbook is written");
}

/// A fresh copy of the database to write into.
fn copy_of(source: &Path, dir: &Path) -> PathBuf {
    let target = dir.join("copy.db");
    for suffix in ["-wal", "-shm"] {
        let mut name = target.as_os_str().to_owned();
        name.push(suffix);
        if let Err(e) = std::fs::remove_file(&name)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            panic!("cannot remove {}: {e}", Path::new(&name).display());
        }
    }
    std::fs::copy(source, &target).expect("the database is copied");
    target
}

fn imports(c: &mut Criterion) {
    let source = common::synthetic_1m_path();
    let store = Store::open(&source).expect("the synthetic database opens");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let defaults = Defaults {
        lang: Lang::Vi,
        ..Defaults::default()
    };
    let mut files = Vec::new();
    for (kind, new_years) in [("new", true), ("replace", false)] {
        let rows = rows(&store, new_years);
        eprintln!(
            "bench: {kind}: {} rows, {} values",
            rows.len(),
            rows.len() * 2
        );
        let csv = dir.path().join(format!("{kind}.csv"));
        let xlsx = dir.path().join(format!("{kind}.xlsx"));
        write_csv(&rows, &csv);
        write_xlsx(&rows, &xlsx);
        for file in [&csv, &xlsx] {
            let preview = import::preview(&store, file, &defaults).expect("the file reads");
            assert!(preview.problems.is_empty(), "{:?}", &preview.problems[..1]);
            assert_eq!(preview.changes.len(), rows.len() * 2, "every value changes");
        }
        files.push((format!("csv_{kind}"), csv));
        files.push((format!("xlsx_{kind}"), xlsx));
        if new_years {
            let one = dir.path().join("new-one-value.csv");
            write_csv_one_value(&rows, &one);
            let preview = import::preview(&store, &one, &defaults).expect("the file reads");
            assert_eq!(preview.changes.len(), rows.len(), "every value changes");
            files.push(("csv_new_one_value".to_owned(), one));
        }
    }

    let mut group = c.benchmark_group("import");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    for (name, file) in &files {
        group.bench_function(format!("{name}_preview"), |b| {
            b.iter(|| import::preview(&store, black_box(file), &defaults).expect("preview"));
        });
        group.bench_function(format!("{name}_write"), |b| {
            b.iter_batched(
                || Store::open(&copy_of(&source, dir.path())).expect("the copy opens"),
                |mut copy| {
                    let preview = import::preview(&copy, file, &defaults).expect("preview");
                    let batch = preview.batch().expect("no problem");
                    copy.apply(batch, Origin::Import).expect("written")
                },
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
}

criterion_group!(benches, imports);
criterion_main!(benches);
