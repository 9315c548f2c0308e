//! The window driven without a GPU (egui_kittest), for the tests that drive it.

use egui_kittest::Harness;

use ward_kpi::app::prefs::Prefs;
use ward_kpi::app::views::View;
use ward_kpi::app::{Launch, WardKpiApp};
use ward_kpi::domain::Lang;

/// The window on a database, showing Phường Thanh Trường in 2021 in `view`, after its first
/// frames.
pub fn open(db: &std::path::Path, view: View, lang: Lang) -> Harness<'static, WardKpiApp> {
    let prefs = Prefs {
        lang,
        ward: Some("03142".into()),
        year: Some(2021),
        view,
        ..Prefs::default()
    };
    let app = WardKpiApp::with_prefs(
        prefs,
        Launch {
            db: Some(db.to_path_buf()),
            ..Launch::default()
        },
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1000.0))
        .with_context_setup(ward_kpi::app::fonts::install)
        .build_ui_state(|ui, app: &mut WardKpiApp| app.show(ui), app);
    harness.run();
    harness
}
