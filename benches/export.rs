//! Exports of one year for every ward of the cached ~1,000,000-figure synthetic database: 334
//! wards × 50 indicators × 3 stages = 50,100 figures of the year (the issue's "about 50,000
//! rows"), written as the workbook's three sheets: 16,700 report rows, the chart, and 66,800
//! rows of plans and figures. The target for this is ≤ 0.5 s to XLSX. Reading the wards
//! from the store is timed apart from writing the files.
//!
//! Run with `cargo bench --bench export`.

mod common;

use std::hint::black_box;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use ward_kpi::domain::Lang;
use ward_kpi::export::{self, Format, WardYear};
use ward_kpi::store::Store;

/// The last synthetic year.
const YEAR: i16 = ward_kpi::demo::synthetic::LAST_YEAR;

/// The synthetic wards' year (the demo ward the database also holds has no figures in it).
fn wards(store: &Store) -> Vec<WardYear> {
    let mut wards = store.ward_years(YEAR, |_, _| {}).expect("year data");
    wards.retain(|w| w.report.unit.synthetic);
    wards
}

fn exports(c: &mut Criterion) {
    let store = Store::open(&common::synthetic_1m_path()).expect("the synthetic database opens");
    let all = wards(&store);
    let rows: usize = all.iter().map(|w| w.report.rows.len()).sum();
    eprintln!("bench: {} wards, {rows} report rows in {YEAR}", all.len());
    let dir = tempfile::tempdir().expect("a temporary folder");

    let mut group = c.benchmark_group("export");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.bench_function("read_all_wards", |b| b.iter(|| black_box(wards(&store))));
    let paper = export::Paper::plain(jiff::civil::date(2022, 1, 7));
    for format in [Format::Xlsx, Format::Docx, Format::Csv] {
        let path = dir.path().join(format!("all.{}", format.extension()));
        group.bench_function(format!("{}_all_wards", format.extension()), |b| {
            b.iter(|| {
                export::write(format, black_box(&all), &paper, Lang::Vi.into(), &path)
                    .expect("export");
            });
        });
    }
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
