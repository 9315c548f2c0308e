//! A province gathering 100 ward databases of 20 years each (the whole standard catalogue, a
//! plan and the three stages of every indicator: 100 × 20 × 29 × 4 = 232,000 values), the
//! issue's target being ≤ 2 s. "preview" reads and checks the folder against the province's
//! database (a dry run); "write" adds the one transaction with its submissions, into a fresh
//! copy of the province's database each time (the copy is not timed; the backup the gathering
//! makes before writing is).
//!
//! The ward files are built once and kept under `target/bench-data/gather-v1/`.
//!
//! Run with `cargo bench --bench gather`.

mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use rust_decimal::Decimal;
use ward_kpi::domain::number::NumberStyle;
use ward_kpi::domain::{AdminUnit, Lang, Level, PlanSource, PlanTarget, Stage};
use ward_kpi::gather::{self, Options};
use ward_kpi::store::{Batch, FigureWrite, Origin, PlanWrite, Store};

const WARDS: u32 = 100;
const YEARS: std::ops::RangeInclusive<i16> = 2005..=2024;

fn ward_unit(ward: u32) -> AdminUnit {
    AdminUnit {
        code: format!("B{ward:04}"),
        name: format!("Phường giả lập {ward:03} (dữ liệu giả lập)"),
        level: Level::Ward,
        parent_code: Some("11".into()),
        valid_from: None,
        valid_to: None,
        successor_code: None,
        synthetic: true,
    }
}

/// The folder of the cached files: the province's database and the wards' folder.
fn data() -> (PathBuf, PathBuf) {
    let root = common::bench_data_dir().join("gather-v1");
    let province = root.join("tinh.db");
    let wards = root.join("wards");
    let done = root.join("complete");
    if done.exists() {
        return (province, wards);
    }
    if root.exists() {
        std::fs::remove_dir_all(&root).expect("the stale bench data can be removed");
    }
    std::fs::create_dir_all(&wards).expect("the bench-data folder can be created");
    let started = Instant::now();
    let store = ward_kpi::store::seed::create(&province).expect("the province's database");
    for ward in 1..=WARDS {
        store.add_unit(&ward_unit(ward)).expect("a ward");
    }
    drop(store);
    for ward in 1..=WARDS {
        ward_file(&wards.join(format!("B{ward:04}.db")), ward);
    }
    std::fs::write(&done, "").expect("the mark of a complete set");
    eprintln!(
        "bench: built {} in {:.1?}",
        root.display(),
        started.elapsed()
    );
    (province, wards)
}

/// A ward's database: every indicator of the catalogue, a plan and three stages a year, values
/// between 10 and 90 (inside every indicator's bounds).
fn ward_file(path: &Path, ward: u32) {
    let mut store = ward_kpi::store::seed::create(path).expect("a ward's database");
    let unit = store.add_unit(&ward_unit(ward)).expect("the ward");
    let mut batch = Batch::default();
    for (index, (id, _)) in store
        .indicators()
        .expect("indicators")
        .into_iter()
        .enumerate()
    {
        for year in YEARS {
            let base = 10 + (i64::from(ward) + i64::try_from(index).unwrap_or(0)) % 40;
            let value = |add: i64| Decimal::new((base + add) * 10 + i64::from(year % 7), 1);
            batch.plans.push(PlanWrite {
                unit,
                indicator: id,
                year,
                source: PlanSource::Province,
                target: Some(PlanTarget::Value(value(20))),
                text: String::new(),
                derived: false,
                note: String::new(),
            });
            for (stage, add) in [
                (Stage::Estimate, 21),
                (Stage::Actual, 22),
                (Stage::Final, 22),
            ] {
                batch.figures.push(FigureWrite {
                    unit,
                    indicator: id,
                    year,
                    stage,
                    value: Some((value(add), String::new())),
                    note: String::new(),
                });
            }
        }
    }
    store
        .apply(&batch, Origin::Synthetic)
        .expect("the ward's values");
}

fn options() -> Options {
    Options {
        parent: None,
        lang: Lang::Vi,
        user_style: NumberStyle::Vi,
    }
}

fn bench(c: &mut Criterion) {
    let (province, wards) = data();
    let paths = vec![wards];
    {
        let store = Store::open(&province).expect("the province's database");
        let gathering = gather::preview(&store, &paths, &options(), |_, _| {}).expect("preview");
        assert!(
            gathering.problems.is_empty(),
            "{:?}",
            &gathering.problems[..1]
        );
        eprintln!(
            "bench: {} files, {} ward-years, {} values to write",
            gathering.files.len(),
            gathering.ward_years.len(),
            gathering.changes()
        );
    }
    let mut group = c.benchmark_group("gather_100_wards_20_years");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.bench_function("preview", |b| {
        let store = Store::open(&province).expect("the province's database");
        b.iter(|| {
            black_box(gather::preview(&store, &paths, &options(), |_, _| {}).expect("preview"))
        });
    });
    group.bench_function("preview_and_write", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("a temporary folder");
                let copy = dir.path().join("tinh.db");
                std::fs::copy(&province, &copy).expect("a copy of the province's database");
                (dir, copy)
            },
            |(dir, copy)| {
                let mut store = Store::open(&copy).expect("the copy");
                let gathering =
                    gather::preview(&store, &paths, &options(), |_, _| {}).expect("preview");
                let written =
                    gather::write(&mut store, &gathering, Origin::Cli, |_, _| {}).expect("write");
                black_box(written);
                drop(store);
                dir
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
