//! Benchmarks of the ward comparison at the whole country's size: 3,300 synthetic wards under
//! one synthetic province, every indicator of the standard catalogue with a plan for 2024 and
//! figures at all three stages for 2024 and 2023 (the year before, which relative plans and
//! the change read).
//!
//! - `compare/read_3300_wards`: `Store::reports_under` (the wards under the province, their
//!   plans and their figures of the year and the year before, read in three queries) and
//!   `Comparison::new`: what the window's worker and `ward-kpi compare` do.
//! - `compare/sort_3300_wards`: one sort of the table by an indicator's % of plan (a heading
//!   clicked).
//! - `frame/compare_3300_rows` (target ≤ 8 ms): one frame of the So sánh view showing the 3,300
//!   wards (egui_kittest's harness, 1280 × 800, no GPU: the egui pass and tessellation), the
//!   ranking chart included. Only the rows in sight are drawn.
//!
//! - `compare/read_3300_wards_one_by_one`: the same reports read one ward at a time
//!   (`Store::report` per ward, locks included), for comparison.
//!
//! The database is built once and cached at `target/bench-data/compare-3300-v1.db`; building
//! it prints its time. Run with `cargo bench --bench compare`.

mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use rust_decimal::Decimal;
use ward_kpi::app::prefs::Prefs;
use ward_kpi::app::views::View;
use ward_kpi::app::{Launch, WardKpiApp};
use ward_kpi::demo::synthetic::SplitMix;
use ward_kpi::domain::compare::{Comparison, Order, Sort, SortKey};
use ward_kpi::domain::{AdminUnit, Level, PlanSource, PlanTarget, Stage};
use ward_kpi::store::{Batch, FigureWrite, Origin, PlanWrite, Store};

/// How many wards the province holds.
const WARDS: u32 = 3_300;
/// Wards written per transaction while building.
const WARDS_PER_BATCH: u32 = 100;
const PROVINCE: &str = "CMP00";
const YEAR: i16 = 2024;
const FILE: &str = "compare-3300-v1.db";

fn database() -> PathBuf {
    let path = common::bench_data_dir().join(FILE);
    let usable = Store::open(&path)
        .and_then(|s| s.wards_under(PROVINCE, YEAR))
        .is_ok_and(|wards| wards.len() == WARDS as usize);
    if usable {
        return path;
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        if let Err(e) = std::fs::remove_file(&name)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            panic!("cannot remove {}: {e}", Path::new(&name).display());
        }
    }
    std::fs::create_dir_all(common::bench_data_dir()).expect("the bench-data folder");
    let started = Instant::now();
    Store::create_with(&path, |store| {
        ward_kpi::demo::seed_reference_data(store)?;
        fill(store)
    })
    .expect("the comparison database can be built");
    eprintln!(
        "bench: built {} in {:.1?} ({:.1} MB)",
        path.display(),
        started.elapsed(),
        common::size_mb(&path)
    );
    path
}

/// The province, its wards, and their plans and figures.
fn fill(store: &mut Store) -> ward_kpi::store::Result<()> {
    store.set_setting("synthetic", "true")?;
    let unit = |code: String, name: String, level, parent: Option<&str>| AdminUnit {
        code,
        name,
        level,
        parent_code: parent.map(Into::into),
        valid_from: None,
        valid_to: None,
        successor_code: None,
        synthetic: true,
    };
    store.add_unit(&unit(
        PROVINCE.into(),
        "Tỉnh giả lập (dữ liệu giả lập)".into(),
        Level::Province,
        None,
    ))?;
    let indicators: Vec<_> = store
        .indicators()?
        .into_iter()
        .filter(|(_, i)| !i.archived)
        .collect();
    let mut rng = SplitMix(7);
    let mut batch = Batch::default();
    for n in 1..=WARDS {
        let id = store.add_unit(&unit(
            format!("CMP{n:04}"),
            format!("Phường giả lập {n:04} (dữ liệu giả lập)"),
            Level::Ward,
            Some(PROVINCE),
        ))?;
        for (indicator, definition) in &indicators {
            let cap = if definition.unit.is_percent() {
                99.0
            } else {
                f64::MAX
            };
            let exact = |v: f64| {
                Decimal::from_f64_retain(v.min(cap))
                    .unwrap_or_default()
                    .round_dp(definition.precision)
                    .normalize()
            };
            let plan = 40.0 + 60.0 * rng.next_f64();
            batch.plans.push(PlanWrite {
                unit: id,
                indicator: *indicator,
                year: YEAR,
                source: PlanSource::Province,
                target: Some(PlanTarget::Value(exact(plan))),
                text: String::new(),
                derived: false,
                note: String::new(),
            });
            for year in [YEAR - 1, YEAR] {
                let achieved = plan * (0.85 + 0.3 * rng.next_f64());
                for (stage, drift) in [
                    (Stage::Estimate, 0.97),
                    (Stage::Actual, 1.0),
                    (Stage::Final, 1.005),
                ] {
                    let value = exact(achieved * drift);
                    batch.figures.push(FigureWrite {
                        unit: id,
                        indicator: *indicator,
                        year,
                        stage,
                        value: Some((value, value.to_string())),
                        note: String::new(),
                    });
                }
            }
        }
        if n % WARDS_PER_BATCH == 0 || n == WARDS {
            store.apply(&std::mem::take(&mut batch), Origin::Synthetic)?;
        }
    }
    store.set_home_ward("CMP0001")
}

fn read(c: &mut Criterion) {
    let path = database();
    let store = Store::open(&path).expect("the database opens");
    let comparison = Comparison::new(YEAR, &store.reports_under(PROVINCE, YEAR).expect("read"));
    eprintln!(
        "bench: {} wards × {} indicators",
        comparison.rows.len(),
        comparison.indicators.len()
    );

    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.bench_function("read_3300_wards", |b| {
        b.iter(|| {
            let reports = store
                .reports_under(black_box(PROVINCE), YEAR)
                .expect("read");
            Comparison::new(YEAR, &reports)
        });
    });
    group.bench_function("read_3300_wards_one_by_one", |b| {
        b.iter(|| {
            let wards = store.wards_under(PROVINCE, YEAR).expect("wards");
            let reports: Vec<_> = wards
                .iter()
                .map(|(id, _)| store.report(*id, YEAR).expect("report"))
                .collect();
            Comparison::new(YEAR, &reports)
        });
    });
    group.sample_size(50);
    let sort = Sort {
        key: SortKey::Indicator(0),
        order: Order::Descending,
    };
    group.bench_function("sort_3300_wards", |b| {
        b.iter(|| comparison.order(black_box(sort)));
    });
    group.finish();
}

fn frame(c: &mut Criterion) {
    let path = database();
    let prefs = Prefs {
        ward: Some("CMP0001".into()),
        year: Some(YEAR),
        view: View::Compare,
        ..Prefs::default()
    };
    let app = WardKpiApp::with_prefs(
        prefs,
        Launch {
            db: Some(path),
            ..Launch::default()
        },
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(ward_kpi::app::fonts::install)
        .build_ui_state(|ui, app: &mut WardKpiApp| app.show(ui), app);
    harness.run();
    // The reports are read on a worker; the frames timed are those that show them.
    let started = Instant::now();
    while harness.state().job.is_some() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the comparison never came"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    assert!(
        harness.state().notice.is_none(),
        "{:?}",
        harness.state().notice
    );
    harness.get_by_label_contains("3.300 phường, xã");
    let mut group = c.benchmark_group("frame");
    group.sample_size(100);
    group.bench_function("compare_3300_rows", |b| {
        b.iter(|| {
            harness.ctx.request_repaint();
            harness.step();
            black_box(&harness);
        });
    });
    group.finish();
}

criterion_group!(benches, read, frame);
criterion_main!(benches);
