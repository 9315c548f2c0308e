//! Benchmarks of the core against the performance targets of the issue.
//!
//! - `report/load_one_ward_year` (target ≤ 5 ms): `Store::report` for one synthetic ward and one
//!   year (every indicator, its plans, current figures and last year's figures) in a database of
//!   about 1,000,000 figures: 334 wards × 50 indicators × 20 years × 3 stages. That database is
//!   built once with the synthetic generator and cached at `target/bench-data/synthetic-1m-v3.db`; it
//!   is reused while it holds at least 1,000,000 figures. Building it takes a while: its time and
//!   size are printed to stderr.
//! - `store/write_100k_figures` (target ≤ 0.2 s): one `Store::apply` of 100,000 new figures, change
//!   log included (its `change_set` row and each figure's `set_id`), in one transaction. Every
//!   iteration writes into a fresh copy of a template database (the demo database plus 100
//!   synthetic wards without figures); only the `apply` is timed, not the copy, the opening or
//!   the closing (WAL checkpoint) of the file.
//! - `number/parse_1m_vi` (target ≤ 0.3 s for 1,000,000): `number::parse` of 1,000,000 varied
//!   Vietnamese-style texts ("2.809,8", "17.416.889.536", "114,6", "208", "1.234,56") in a `tấn`
//!   field; the texts are made up front, only the parsing is timed.
//! - `number/format_1m_vi` (no target, for information): `number::format_exact` of the same
//!   1,000,000 values in Vietnamese style.
//!
//! Run with `cargo bench --bench core`; the machine's noise matters, so run it more than once.

mod common;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use rust_decimal::Decimal;
use tempfile::TempDir;
use ward_kpi::demo::synthetic::SplitMix;
use ward_kpi::domain::number::{self, NumberStyle};
use ward_kpi::domain::{AdminUnit, Level, Stage, Unit};
use ward_kpi::store::{Batch, FigureWrite, IndicatorId, Origin, Store, UnitId};

/// How many figures one timed save writes.
const WRITE_FIGURES: usize = 100_000;

/// How many synthetic wards the write template holds (100 × 27 indicators × 13 years × 3 stages
/// = 105,300 slots, of which the first 100,000 are written).
const WRITE_WARDS: u32 = 100;

/// How many numbers are parsed and formatted per iteration.
const NUMBERS: usize = 1_000_000;

/// The ~1M-figure synthetic database, reused from `target/bench-data` or built there.
fn report_store() -> Store {
    let path = common::synthetic_1m_path();
    eprintln!(
        "bench: {} ({:.1} MB)",
        path.display(),
        common::size_mb(&path)
    );
    Store::open(&path).expect("the synthetic database opens")
}

fn report(c: &mut Criterion) {
    let store = report_store();
    let (unit, _) = store
        .unit_for(common::REPORT_WARD, common::REPORT_YEAR)
        .expect("the synthetic ward exists");
    let sample = store
        .report(unit, common::REPORT_YEAR)
        .expect("the report can be loaded");
    let with_figures = sample
        .rows
        .iter()
        .filter(|r| r.current.is_some() && r.previous.is_some())
        .count();
    eprintln!(
        "bench: report of {} {}: {} rows, {with_figures} with this and last year's figures",
        common::REPORT_WARD,
        common::REPORT_YEAR,
        sample.rows.len()
    );
    assert!(with_figures > 0, "the synthetic ward has figures");

    let mut group = c.benchmark_group("report");
    group.bench_function("load_one_ward_year", |b| {
        b.iter(|| {
            store
                .report(black_box(unit), black_box(common::REPORT_YEAR))
                .expect("the report can be loaded")
        });
    });
    group.finish();
}

/// A template database for the write benchmark and the batch of new figures to write into it.
struct WriteFixture {
    /// Holds the template and each iteration's copy; removed when dropped.
    dir: TempDir,
    template: PathBuf,
    batch: Batch,
}

fn write_fixture() -> WriteFixture {
    let data = common::bench_data_dir();
    std::fs::create_dir_all(&data).expect("the bench-data folder can be created");
    let dir = tempfile::Builder::new()
        .prefix("write-bench-")
        .tempdir_in(&data)
        .expect("a temporary folder can be made");
    let template = dir.path().join("template.db");
    let store = ward_kpi::demo::create_demo(&template).expect("the demo database can be made");
    let units = (1..=WRITE_WARDS)
        .map(|n| {
            store.add_unit(&AdminUnit {
                code: format!("BENCH{n:03}"),
                name: format!("Phường giả lập {n:03} (dữ liệu giả lập)"),
                level: Level::Ward,
                parent_code: None,
                valid_from: None,
                valid_to: None,
                successor_code: None,
                synthetic: true,
            })
        })
        .collect::<Result<Vec<UnitId>, _>>()
        .expect("the synthetic wards can be added");
    let indicators: Vec<IndicatorId> = store
        .indicators()
        .expect("the catalogue can be read")
        .into_iter()
        .filter(|(_, i)| !i.archived)
        .map(|(id, _)| id)
        .collect();
    // Closing checkpoints the WAL: the template is one file.
    drop(store);

    let stages = [Stage::Estimate, Stage::Actual, Stage::Final];
    let mut rng = SplitMix(7);
    let figures: Vec<FigureWrite> = units
        .iter()
        .flat_map(|&unit| {
            indicators.iter().flat_map(move |&indicator| {
                (2012..=2024_i16).flat_map(move |year| {
                    stages
                        .into_iter()
                        .map(move |stage| (unit, indicator, year, stage))
                })
            })
        })
        .take(WRITE_FIGURES)
        .map(|(unit, indicator, year, stage)| {
            let value = Decimal::new(i64::try_from(rng.below(10_000_000)).unwrap_or(0), 1);
            FigureWrite {
                unit,
                indicator,
                year,
                stage,
                value: Some((value, number::format_exact(value, NumberStyle::Vi))),
                note: String::new(),
            }
        })
        .collect();
    assert_eq!(figures.len(), WRITE_FIGURES, "enough slots for the batch");
    WriteFixture {
        dir,
        template,
        batch: Batch {
            plans: Vec::new(),
            figures,
            aliases: Vec::new(),
        },
    }
}

/// A fresh copy of the template, opened, in a folder of its own (removed after the iteration).
fn fresh_copy(fixture: &WriteFixture) -> (TempDir, Store) {
    let run = tempfile::Builder::new()
        .prefix("run-")
        .tempdir_in(fixture.dir.path())
        .expect("a temporary folder can be made");
    let path = run.path().join("ward-kpi.db");
    std::fs::copy(&fixture.template, &path).expect("the template can be copied");
    let store = Store::open(&path).expect("the copy opens");
    (run, store)
}

fn write(c: &mut Criterion) {
    let fixture = write_fixture();
    let mut group = c.benchmark_group("store");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(15))
        .throughput(Throughput::Elements(WRITE_FIGURES as u64));
    group.bench_function("write_100k_figures", |b| {
        b.iter_batched(
            || fresh_copy(&fixture),
            |(run, mut store)| {
                let summary = store
                    .apply(black_box(&fixture.batch), Origin::Import)
                    .expect("the batch can be written");
                assert_eq!(
                    summary.figures_changed, WRITE_FIGURES,
                    "every figure is new"
                );
                // Returned, so that closing the file is not timed.
                (run, store)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

/// `n` with a dot between thousands groups, as Vietnamese writes it.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(d);
    }
    out
}

/// 1,000,000 varied Vietnamese-style texts, reproducibly, none of them ambiguous or refused.
fn vietnamese_texts() -> Vec<String> {
    let mut rng = SplitMix(42);
    (0..NUMBERS)
        .map(|i| match i % 5 {
            // "114,6": a rate or a small measure with one decimal.
            0 => format!("{},{}", rng.below(1_000), rng.below(10)),
            // "2.809,8": grouped thousands and one decimal.
            1 => format!("{},{}", grouped(1_000 + rng.below(999_000)), rng.below(10)),
            // "17.416.889.536": money in đồng.
            2 => grouped(1_000_000 + rng.below(999_999_000_000)),
            // "208": a count.
            3 => rng.below(1_000).to_string(),
            // "1.234,56": grouped thousands and two decimals.
            _ => format!(
                "{},{:02}",
                grouped(1_000 + rng.below(99_999_000)),
                rng.below(100)
            ),
        })
        .collect()
}

fn numbers(c: &mut Criterion) {
    let unit = Unit::new("tấn");
    let texts = vietnamese_texts();
    // Checked once, untimed: every text is read, without a warning, so the loop times the
    // common path only.
    let values: Vec<Decimal> = texts
        .iter()
        .map(|t| {
            let parsed = number::parse(t, &unit, NumberStyle::Vi).expect("every bench text parses");
            assert!(parsed.warnings.is_empty(), "{t} reads without a warning");
            parsed.value
        })
        .collect();

    let mut group = c.benchmark_group("number");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::Elements(NUMBERS as u64));
    group.bench_function("parse_1m_vi", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(number::parse(black_box(text), &unit, NumberStyle::Vi).is_ok());
            }
        });
    });
    group.bench_function("format_1m_vi", |b| {
        b.iter(|| {
            for &value in &values {
                black_box(number::format_exact(black_box(value), NumberStyle::Vi));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, report, write, numbers);
criterion_main!(benches);
