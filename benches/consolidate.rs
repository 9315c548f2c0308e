//! How fast a parent unit's report adds up its wards (issue 11's targets):
//!
//! - a province's year from a ~1,000,000-figure database: 150 synthetic wards over 45 years
//!   (the target, ≤ 20 ms), and the shared one's 334 wards over 20 years, through its cities
//!   before 2025, and one city of 15 wards;
//! - the whole country's size: 3,300 wards × 50 indicators × 20 years × 3 stages ≈ 10M
//!   figures, one province's year (target ≤ 300 ms). The database is built once by the
//!   synthetic generator into `target/bench-data` (the time it took is printed).

mod common;

use std::hint::black_box;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use ward_kpi::demo::synthetic::{self, Spec};
use ward_kpi::store::Store;

/// The year read: before the reform, so the province's wards sit under its cities.
const YEAR: i16 = 2024;

/// A province of 150 wards holding ~1,000,000 figures: 150 × 50 × 45 years × 3 stages.
const PROVINCE_150: Spec = Spec {
    wards: 150,
    years: 45,
    indicators: 50,
    seed: 150,
};

/// The whole country's size.
const COUNTRY: Spec = Spec {
    wards: 3300,
    years: 20,
    indicators: 50,
    seed: 11,
};

/// The cached country-size database, built first if missing.
fn country_store() -> Store {
    let path = common::synthetic_path("synthetic-country-v1.db", COUNTRY, 9_000_000);
    Store::open(&path).expect("the country-size database opens")
}

/// Times the consolidated report of `code` for [`YEAR`] in the database `open` gives (opened
/// only when this benchmark runs), after checking it adds up wards.
fn bench_unit(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    open: impl Fn() -> Store,
    code: &str,
) {
    let mut opened: Option<(Store, ward_kpi::store::UnitId, ward_kpi::domain::AdminUnit)> = None;
    group.bench_function(name, |b| {
        let (store, id, unit) = opened.get_or_insert_with(|| {
            let store = open();
            let (id, unit) = store.unit_for(code, YEAR).expect("the unit exists");
            let sample = store
                .consolidated(id, &unit, YEAR)
                .expect("the report reads")
                .expect("the unit adds up wards");
            let expected = sample
                .consolidation
                .as_ref()
                .map_or(0, |c| c.expected.len());
            let summed = sample.rows.iter().filter(|r| r.current.is_some()).count();
            eprintln!("bench: {name}: {expected} wards, {summed} lines with a value");
            assert!(
                expected > 0 && summed > 0,
                "{name} adds up wards with figures"
            );
            (store, id, unit)
        });
        b.iter(|| {
            store
                .consolidated(black_box(*id), unit, black_box(YEAR))
                .expect("the report reads")
        });
    });
}

fn open_150() -> Store {
    let path = common::synthetic_path("synthetic-150-wards-1m-v1.db", PROVINCE_150, 1_000_000);
    Store::open(&path).expect("the 150-ward database opens")
}

fn open_1m() -> Store {
    Store::open(&common::synthetic_1m_path()).expect("the synthetic database opens")
}

fn consolidate(c: &mut Criterion) {
    let mut group = c.benchmark_group("consolidate");
    group.sample_size(20);
    bench_unit(
        &mut group,
        "province_of_150_wards_1m",
        open_150,
        synthetic::PROVINCE_CODE,
    );
    bench_unit(
        &mut group,
        "province_of_334_wards_1m",
        open_1m,
        synthetic::PROVINCE_CODE,
    );
    bench_unit(
        &mut group,
        "city_of_15_wards_1m",
        open_1m,
        &synthetic::city_code(1),
    );
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    bench_unit(
        &mut group,
        "country_3300_wards_10m",
        country_store,
        synthetic::PROVINCE_CODE,
    );
    group.finish();
}

criterion_group!(benches, consolidate);
criterion_main!(benches);
