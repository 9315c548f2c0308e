//! Frame cost of the window on a large database (target: a frame of the dashboard and of the
//! data-entry view ≤ 4 ms of CPU, the median over 100 frames).
//!
//! The window runs in egui_kittest's harness (no GPU: the egui pass and tessellation, not the
//! rasterising) on the ~1,000,000-figure synthetic database that `benches/core.rs` builds and
//! caches at `target/bench-data/synthetic-1m-v3.db` (it is built here too when missing). Each
//! iteration is one frame, forced to repaint; criterion reports the distribution, of which the
//! median is the figure to compare with the target.
//!
//! Run with `cargo bench --bench window`.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use ward_kpi::app::prefs::Prefs;
use ward_kpi::app::views::View;
use ward_kpi::app::{Launch, WardKpiApp};

fn harness(view: View) -> Harness<'static, WardKpiApp> {
    let path = common::synthetic_1m_path();
    let prefs = Prefs {
        ward: Some(common::REPORT_WARD.into()),
        year: Some(common::REPORT_YEAR),
        view,
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
    assert!(
        harness.state().notice.is_none(),
        "{:?}",
        harness.state().notice
    );
    harness
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(100);
    for (name, view) in [("dashboard", View::Dashboard), ("entry", View::Entry)] {
        let mut harness = harness(view);
        group.bench_function(name, |b| {
            b.iter(|| {
                harness.ctx.request_repaint();
                harness.step();
                black_box(&harness);
            });
        });
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
