//! The window driven as a user would, without a GPU (egui_kittest): typing into the grid,
//! saving, reading the dashboard, switching language, presenting, archiving, the
//! unsaved-changes question, and a new database's choice of its home ward.

#![allow(clippy::unwrap_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use ward_kpi::app::entry_form::Column;
use ward_kpi::app::prefs::Prefs;
use ward_kpi::app::views::View;
use ward_kpi::app::{Launch, WardKpiApp};
use ward_kpi::domain::{Lang, PlanTarget, Stage};

use common::Scratch;

const CROP: &str = "Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)";

/// The window on a database, showing Phường Thanh Trường in 2021 in the given view, with no
/// notice (no error) after its first frames.
fn window(db: &std::path::Path, view: View, lang: Lang) -> Harness<'static, WardKpiApp> {
    let harness = common::window::open(db, view, lang);
    assert!(
        harness.state().notice.is_none(),
        "{:?}",
        harness.state().notice
    );
    harness
}

/// Types into the cell of a column and an indicator, as a user would.
fn type_into(harness: &mut Harness<'_, WardKpiApp>, column: &str, indicator: &str, text: &str) {
    let label = format!("{column} — {indicator}");
    harness
        .get_by_role_and_label(Role::TextInput, &label)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, &label)
        .type_text(text);
    harness.run();
}

/// The value of a cell of the entry grid.
fn cell_value(harness: &Harness<'_, WardKpiApp>, column: &str, indicator: &str) -> String {
    harness
        .get_by_role_and_label(Role::TextInput, &format!("{column} — {indicator}"))
        .value()
        .unwrap_or_default()
}

#[test]
fn typing_down_a_column_faster_than_the_frames_loses_no_digit() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("fast.db");
    let mut harness = window(&db, View::Entry, Lang::Vi);
    let first = "Kế hoạch — Tổng đàn gia súc, gia cầm";
    harness
        .get_by_role_and_label(Role::TextInput, first)
        .focus();
    harness.run();
    // "11", Enter, "22", Enter, "33" all in one frame, as a fast typist on a slow machine.
    let enter = |pressed| egui::Event::Key {
        key: egui::Key::Enter,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    // (`Harness::event` would give each event a frame of its own.)
    harness.input_mut().events.extend([
        egui::Event::Text("11".into()),
        enter(true),
        enter(false),
        egui::Event::Text("22".into()),
        enter(true),
        enter(false),
        egui::Event::Text("33".into()),
    ]);
    // A frame for each Enter's handing over, then the grid settles.
    harness.run_steps(4);
    harness.run();
    assert_eq!(
        cell_value(&harness, "Kế hoạch", "Tổng đàn gia súc, gia cầm"),
        "11"
    );
    assert_eq!(
        cell_value(&harness, "Kế hoạch", "Doanh thu thương mại - dịch vụ"),
        "22"
    );
    assert_eq!(
        cell_value(&harness, "Kế hoạch", "Thu nhập bình quân đầu người"),
        "33"
    );
}

#[test]
fn enter_down_the_column_keeps_the_cell_and_the_headings_in_sight() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("down.db");
    let mut harness = window(&db, View::Entry, Lang::Vi);
    // A window too short for the 29 rows.
    let height = 600.0;
    harness.set_size(egui::vec2(1500.0, height));
    harness.run();
    let heading = harness.get_by_label("Kế hoạch").rect();
    harness
        .get_by_role_and_label(Role::TextInput, &format!("Kế hoạch — {CROP}"))
        .focus();
    harness.run();
    // From the first row to the last.
    for _ in 0..28 {
        harness.key_press(egui::Key::Enter);
        harness.run();
    }
    let last = harness
        .get_by_role_and_label(Role::TextInput, "Kế hoạch — Cá nhân được khen thưởng")
        .rect();
    assert!(
        last.top() > heading.bottom() && last.bottom() <= height,
        "the last row's cell at {last:?}, under the headings at {heading:?}"
    );
    // The headings did not scroll away.
    assert_eq!(harness.get_by_label("Kế hoạch").rect(), heading);
}

#[test]
fn typing_plan_and_actual_then_saving_shows_114_6_percent_exceeded() {
    let scratch = Scratch::new();
    let db = scratch.path("entry.db");
    ward_kpi::demo::create_empty(&db).unwrap();
    let mut harness = window(&db, View::Entry, Lang::Vi);

    type_into(&mut harness, "Kế hoạch", CROP, "2.451,8");
    type_into(&mut harness, "Thực hiện", CROP, "2.809,8");
    // The cell says how it reads.
    harness.get_by_label("= 2.809,8 tấn");
    harness.get_by_label("Lưu").click();
    harness.run();
    assert!(!harness.state().session.as_ref().unwrap().form.is_dirty());

    harness.get_by_label("Tổng quan").click();
    harness.run();
    harness.get_by_label("114,6%");
    // The crop's verdict, and the word in the chart's legend.
    assert_eq!(harness.get_all_by_label("Vượt").count(), 2);
    harness.get_by_label("2.809,8 (thực hiện)");

    // The database holds the values, digit for digit.
    let store = ward_kpi::store::Store::open(&db).unwrap();
    let (unit, _) = store.unit_for("03142", 2021).unwrap();
    let (crop, _) = store.indicator("crop_output").unwrap();
    let figures = store.figures_of(unit, 2021).unwrap().remove(&crop).unwrap();
    assert_eq!(figures.len(), 1);
    assert_eq!(figures[0].stage, Stage::Actual);
    assert_eq!(figures[0].value.to_string(), "2809.8");
    let plans = store.plans_of(unit, 2021).unwrap().remove(&crop).unwrap();
    assert_eq!(plans[0].target.low().to_string(), "2451.8");
}

#[test]
fn a_plan_typed_in_words_reads_as_typed_and_is_saved_as_typed() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("worded.db");
    let mut harness = window(&db, View::Entry, Lang::Vi);
    let poverty = "Tỷ lệ hộ nghèo";

    type_into(&mut harness, "Kế hoạch", poverty, "Dưới 3");
    // The cell says how it reads: a ceiling, with the indicator's unit.
    harness.get_by_label("= dưới 3%");
    type_into(&mut harness, "Thực hiện", poverty, "3");
    // A plan on last year with no value last year says it cannot be worked out.
    type_into(
        &mut harness,
        "Kế hoạch",
        "Số lao động được tạo việc làm mới",
        "tăng 10%",
    );
    harness.get_by_label("= tăng 10% so với cùng kỳ (không tính được: chưa có số liệu năm trước)");
    harness.get_by_label("Lưu").click();
    harness.run();
    assert!(!harness.state().session.as_ref().unwrap().form.is_dirty());

    // Saved as typed, read back as a ceiling.
    let store = ward_kpi::store::Store::open(&db).unwrap();
    let (unit, _) = store.unit_for("03142", 2021).unwrap();
    let (id, _) = store.indicator("poverty_rate").unwrap();
    let plans = store.plans_of(unit, 2021).unwrap().remove(&id).unwrap();
    assert_eq!(plans[0].text, "Dưới 3");
    assert_eq!(plans[0].target, PlanTarget::AtMost(3.into()));
    // The grid shows it as typed again.
    assert_eq!(
        harness
            .state()
            .session
            .as_ref()
            .unwrap()
            .form
            .rows
            .iter()
            .find(|r| r.indicator.code == "poverty_rate")
            .unwrap()
            .cell(Column::Plan)
            .text,
        "Dưới 3"
    );

    // Met at exactly its bound, and shown in its words.
    harness.get_by_label("Tổng quan").click();
    harness.run();
    harness.get_by_label("Dưới 3");
    harness.get_by_label("tăng 10% (không tính được: chưa có số liệu năm trước)");
}

#[test]
fn a_bad_cell_shows_its_error_and_saves_nothing() {
    let scratch = Scratch::new();
    let db = scratch.path("bad.db");
    ward_kpi::demo::create_empty(&db).unwrap();
    let mut harness = window(&db, View::Entry, Lang::Vi);

    type_into(&mut harness, "Thực hiện", CROP, "2.809,8");
    type_into(
        &mut harness,
        "Thực hiện",
        "Công trình xây mới, sửa chữa do phường làm chủ đầu tư",
        "3,5",
    );
    harness.get_by_label_contains("phải là số nguyên");
    harness.get_by_label("Lưu").click();
    harness.run();

    let notice = harness.state().notice.clone().unwrap();
    assert!(notice.error);
    assert!(notice.text.contains("Chưa lưu gì"), "{}", notice.text);
    assert!(notice.text.contains("Thực hiện"), "{}", notice.text);
    harness.get_by_label_contains("Chưa lưu gì");
    // Nothing was written, the good row included; the edits are still there.
    let store = ward_kpi::store::Store::open(&db).unwrap();
    assert_eq!(store.figure_count().unwrap(), 0);
    assert!(harness.state().session.as_ref().unwrap().form.is_dirty());

    // Once the cell reads, the notice that it did not goes.
    let works = "Thực hiện — Công trình xây mới, sửa chữa do phường làm chủ đầu tư";
    harness
        .get_by_role_and_label(Role::TextInput, works)
        .focus();
    harness.run();
    for _ in 0..3 {
        harness.key_press(egui::Key::Backspace);
    }
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, works)
        .type_text("4");
    harness.run();
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, works)
            .value()
            .as_deref(),
        Some("4")
    );
    assert!(harness.state().notice.is_none());
}

#[test]
fn switching_language_changes_labels_and_number_format() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("lang.db");
    let mut harness = window(&db, View::Dashboard, Lang::Vi);
    harness.get_by_label("2.809,8 (thực hiện)");
    harness.get_by_label("Cài đặt").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Dashboard").click();
    harness.run();
    harness.get_by_label("2,809.8 (actual)");
    harness.get_by_label("114.6%");
    assert_eq!(
        harness.get_all_by_label("Exceeded").count(),
        3,
        "crop output and budget revenue, and the chart's legend"
    );
    assert!(harness.query_by_label("Tổng quan").is_none());
    assert_eq!(harness.state().prefs.lang, Lang::En);

    harness.get_by_label("Settings").click();
    harness.run();
    harness.get_by_label("Tiếng Việt").click();
    harness.run();
    harness.get_by_label("Tổng quan").click();
    harness.run();
    harness.get_by_label("2.809,8 (thực hiện)");
}

#[test]
fn the_dashboard_marks_a_derived_plan_and_says_on_hover_how_it_was_worked_out() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("derived.db");
    let mut harness = window(&db, View::Dashboard, Lang::Vi);
    // The two plans the article gives only as a % of plan, marked as the report marks them.
    harness.get_by_label("16.909.601.491 (suy ra)");
    let plan = harness.get_by_label("2.451,8 (suy ra)");
    assert!(harness.query_by_label("2.451,8").is_none());
    plan.hover();
    harness.run();
    harness.get_by_label_contains("Kế hoạch suy ra, không công bố");
    harness.get_by_label_contains("2.809,8 tấn ÷ 114,6%");

    // The indicator's trend and its meeting slide mark it too.
    harness.get_by_role_and_label(Role::Link, CROP).click();
    harness.run();
    assert_eq!(harness.state().prefs.view, View::Trends);
    harness.get_by_label("2.451,8 (suy ra)");
    harness.key_press(egui::Key::F5);
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.get_by_label("Kế hoạch: 2.451,8 tấn (suy ra)");

    let harness = window(&db, View::Dashboard, Lang::En);
    harness.get_by_label("2,451.8 (derived)");
    harness.get_by_label("16,909,601,491 (derived)");
}

#[test]
fn meeting_mode_moves_with_the_keys_and_leaves_with_escape() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("meeting.db");
    let mut harness = window(&db, View::Dashboard, Lang::Vi);
    harness.key_press(egui::Key::F11);
    harness.run();
    let slides = harness.state().meeting.as_ref().unwrap().slide_count();
    assert_eq!(slides, 9, "the overview and the eight published figures");
    harness.get_by_label(&format!("1 / {slides}"));
    harness.get_by_label_contains("Kết quả thực hiện chỉ tiêu năm 2021");

    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.get_by_label(&format!("2 / {slides}"));
    harness.get_by_label(CROP);
    harness.get_by_label("114,6%");
    harness.get_by_label_contains("đạt 114,6% kế hoạch thành phố giao");

    harness.key_press(egui::Key::Space);
    harness.run();
    harness.key_press(egui::Key::PageDown);
    harness.run();
    harness.get_by_label(&format!("4 / {slides}"));
    harness.key_press(egui::Key::PageUp);
    harness.run();
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    harness.get_by_label(&format!("2 / {slides}"));

    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().meeting.is_none());
    harness.get_by_label("Tổng quan");
}

#[test]
fn the_meeting_overview_names_every_bar_whole_and_a_click_opens_its_slide() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("meeting.db");
    let mut harness = window(&db, View::Dashboard, Lang::Vi);
    harness.get_by_label("Trình chiếu (F5)").click();
    harness.run();
    harness.get_by_label("1 / 9");
    // The overview's chart names its two bars whole, beside them, not cut under them.
    harness.get_by_label(CROP);
    harness.get_by_label("Mục tiêu 100%");
    // Clicking a name opens that indicator's slide.
    harness.get_by_label("Thu ngân sách").click();
    harness.run();
    let slide = harness.state().meeting.as_ref().unwrap().slide;
    assert_ne!(slide, 0);
    harness.get_by_label(&format!("{} / 9", slide + 1));
    harness.get_by_label_contains("Thu ngân sách ước đạt 17.416.889.536 đồng");
    // Up and down scroll a slide; they do not move to another.
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().meeting.as_ref().unwrap().slide, slide);
}

#[test]
fn archiving_an_indicator_with_data_keeps_its_data() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("archive.db");
    let mut harness = window(&db, View::Catalogue, Lang::Vi);
    // crop_output is the catalogue's first line: its buttons come first; it holds data, so it
    // offers no delete.
    harness.get_all_by_label("Lưu trữ").next().unwrap().click();
    harness.run();
    harness.get_by_label_contains(&format!("{CROP} (đã lưu trữ)"));

    let store = ward_kpi::store::Store::open(&db).unwrap();
    let (crop, indicator) = store.indicator("crop_output").unwrap();
    assert!(indicator.archived);
    let (unit, _) = store.unit_for("03142", 2021).unwrap();
    assert!(store.figures_of(unit, 2021).unwrap().contains_key(&crop));
    // The report of 2021 still shows it: it holds data that year.
    let report = store.report(unit, 2021).unwrap();
    assert!(
        report
            .rows
            .iter()
            .any(|r| r.indicator.code == "crop_output")
    );
    // It takes no new figures: the entry grid leaves it out.
    harness.get_by_label("Nhập số liệu").click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, &format!("Thực hiện — {CROP}"))
            .is_none()
    );
}

#[test]
fn unsaved_changes_survive_a_cancelled_discard() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("unsaved.db");
    let mut harness = window(&db, View::Entry, Lang::Vi);
    type_into(&mut harness, "Quyết toán", CROP, "2.810");
    harness.get_by_label("Tổng quan").click();
    harness.run();
    harness.get_by_label("Bỏ các thay đổi chưa lưu?");
    harness.get_by_label("Quay lại").click();
    harness.run();
    assert_eq!(harness.state().prefs.view, View::Entry);
    let form = &harness.state().session.as_ref().unwrap().form;
    assert!(form.is_dirty());
    let value = harness
        .get_by_role_and_label(Role::TextInput, &format!("Quyết toán — {CROP}"))
        .value();
    assert_eq!(value.as_deref(), Some("2.810"));

    // Answering "discard" this time drops them and goes on.
    harness.get_by_label("Tổng quan").click();
    harness.run();
    harness.get_by_label("Bỏ thay đổi").click();
    harness.run();
    assert_eq!(harness.state().prefs.view, View::Dashboard);
    assert!(!harness.state().session.as_ref().unwrap().form.is_dirty());
    let store = ward_kpi::store::Store::open(&db).unwrap();
    assert_eq!(store.figure_count().unwrap(), 8);
}

#[test]
fn enter_moves_down_a_column_and_tab_along_the_row() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("keys.db");
    let mut harness = window(&db, View::Entry, Lang::Vi);
    let cell = |column: &str, indicator: &str| format!("{column} — {indicator}");
    harness
        .get_by_role_and_label(Role::TextInput, &cell("Quyết toán", CROP))
        .focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, &cell("Quyết toán", "Diện tích gieo trồng"))
            .is_focused()
    );
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, &cell("Ghi chú", "Diện tích gieo trồng"))
            .is_focused()
    );
}

/// Steps the window until its background job is over (the job runs on a real thread).
fn wait_for_job(harness: &mut Harness<'_, WardKpiApp>) {
    // The first step applies the command that starts the job.
    harness.step();
    for _ in 0..500 {
        // The frame that collects the outcome shows it: no further frame is needed.
        if harness.state().job.is_none() {
            return;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the background job did not finish in 5 s");
}

#[test]
fn an_import_is_previewed_old_and_new_then_written_on_agreement() {
    use ward_kpi::app::command::{Command, ImportAsk};
    let scratch = Scratch::new();
    let db = scratch.demo_db("import.db");
    let file = scratch.path("so-lieu.csv");
    // Semicolons and Vietnamese numbers, as Excel saves them here; no ward or year column: the
    // ones shown are taken.
    std::fs::write(
        &file,
        "Chỉ tiêu;Kế hoạch;Thực hiện\nSố chi bộ trực thuộc;;20\nSố vụ tai nạn giao thông;;3\n",
    )
    .unwrap();
    let mut harness = window(&db, View::Entry, Lang::Vi);
    harness
        .state_mut()
        .push_command(Command::ImportPreview(ImportAsk::file(file.clone())));
    wait_for_job(&mut harness);
    // A modal takes a frame to size itself; the window asked for that frame.
    harness.run();

    // The preview: what is stored, what will be written; nothing written yet.
    harness.get_by_label("Xem trước khi nhập: so-lieu.csv");
    harness.get_by_label("2 giá trị sẽ được ghi; 0 giá trị giữ nguyên.");
    // The indicator's name: in the grid behind and in the preview.
    assert!(harness.get_all_by_label("Số chi bộ trực thuộc").count() >= 2);
    harness.get_by_label("18");
    harness.get_by_label("20");
    let store = ward_kpi::store::Store::open(&db).unwrap();
    let (unit, _) = store.unit_for("03142", 2021).unwrap();
    let party = |store: &ward_kpi::store::Store| {
        let (id, _) = store.indicator("party_cells").unwrap();
        store.figures_of(unit, 2021).unwrap()[&id][0].value
    };
    assert_eq!(party(&store).to_string(), "18");

    harness.get_by_label("Ghi 2 giá trị").click();
    // While the job runs the window repaints to move its progress bar: step, not run.
    wait_for_job(&mut harness);
    assert!(harness.state().review.is_none());
    assert_eq!(
        harness.state().notice.as_ref().map(|n| n.text.as_str()),
        Some("Đã nhập 2 giá trị.")
    );
    assert_eq!(party(&store).to_string(), "20");
    // The window shows the new figure without reopening anything.
    let session = harness.state().session.as_ref().unwrap();
    let row = session
        .report
        .rows
        .iter()
        .find(|r| r.indicator.code == "party_cells")
        .unwrap();
    assert_eq!(row.current.as_ref().unwrap().value.to_string(), "20");
}

#[test]
fn an_import_with_a_bad_row_shows_the_problem_and_offers_no_write() {
    use ward_kpi::app::command::{Command, ImportAsk};
    let scratch = Scratch::new();
    let db = scratch.demo_db("bad-import.db");
    let before = common::snapshot(&db);
    let file = scratch.path("sai.csv");
    std::fs::write(
        &file,
        "Chỉ tiêu,Thực hiện\nSố chi bộ trực thuộc,-2\nKhông có chỉ tiêu này,5\n",
    )
    .unwrap();
    let mut harness = window(&db, View::Entry, Lang::Vi);
    harness
        .state_mut()
        .push_command(Command::ImportPreview(ImportAsk::file(file)));
    wait_for_job(&mut harness);
    harness.run();
    harness.get_by_label("Không thể nhập: 2 lỗi. Sửa trong tệp rồi nhập lại; chưa có gì được ghi.");
    assert!(harness.query_by_label("Ghi 0 giá trị").is_none());
    assert!(
        harness
            .query_all_by_label_contains("sai.csv, dòng 2, cột \"Thực hiện\"")
            .next()
            .is_some()
    );
    harness.get_by_label("Đóng").click();
    harness.run();
    assert!(harness.state().review.is_none());
    // Nothing written: the file is as it was and its write-ahead log (opened by the window) is
    // empty.
    let after = common::snapshot(&db);
    assert_eq!(after[0], before[0], "nothing written");
    assert_eq!(after[1].1.map(|(len, _)| len), Some(0), "{after:?}");
}

#[test]
fn an_export_runs_in_the_background_and_says_where_it_wrote() {
    use ward_kpi::app::command::Command;
    use ward_kpi::export::Format;
    let scratch = Scratch::new();
    let db = scratch.demo_db("export.db");
    let path = scratch.path("bao-cao.pdf");
    let mut harness = window(&db, View::Dashboard, Lang::Vi);
    harness.state_mut().push_command(Command::Export {
        format: Format::Pdf,
        path: path.clone(),
        all_wards: false,
        all_indicators: false,
    });
    wait_for_job(&mut harness);
    let notice = harness.state().notice.clone().unwrap();
    assert!(!notice.error, "{notice:?}");
    assert!(notice.text.contains("bao-cao.pdf (1 phường)"), "{notice:?}");
    // On screen in the very frame the job ended: the window does not wait for input to say so.
    assert!(
        harness
            .query_all_by_label_contains("bao-cao.pdf (1 phường)")
            .next()
            .is_some()
    );
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF-"));

    // A failure is shown, in Vietnamese, naming the place; the window goes on.
    harness.state_mut().push_command(Command::Export {
        format: Format::Csv,
        path: scratch.path("khong-co/bao-cao.csv"),
        all_wards: false,
        all_indicators: false,
    });
    wait_for_job(&mut harness);
    let notice = harness.state().notice.clone().unwrap();
    assert!(
        notice.error && notice.text.starts_with("Không ghi được"),
        "{notice:?}"
    );
    assert!(notice.text.contains("khong-co"), "{notice:?}");
}

#[test]
fn while_a_job_runs_a_save_and_a_second_job_are_refused_and_nothing_is_lost() {
    use ward_kpi::app::command::Command;
    use ward_kpi::export::Format;
    let scratch = Scratch::new();
    let db = scratch.demo_db("busy.db");
    let mut harness = window(&db, View::Entry, Lang::Vi);
    type_into(&mut harness, "Thực hiện", "Diện tích gieo trồng", "1.250,5");
    let export = |name: &str| Command::Export {
        format: Format::Csv,
        path: scratch.path(name),
        all_wards: false,
        all_indicators: false,
    };
    // In one frame: an export starts, then a second one and a save are asked for.
    let batch = harness
        .state()
        .session
        .as_ref()
        .unwrap()
        .form
        .edits()
        .unwrap();
    harness.state_mut().push_command(export("mot.csv"));
    harness.state_mut().push_command(Command::Save(batch));
    harness.step();
    let notice = harness.state().notice.clone().unwrap();
    assert!(notice.error, "{notice:?}");
    assert_eq!(
        notice.text,
        "Một việc khác đang chạy; chờ xong rồi thử lại."
    );
    // The typed cell is still there, unsaved; the database holds the old figure.
    assert!(harness.state().session.as_ref().unwrap().form.is_dirty());
    wait_for_job(&mut harness);
    assert!(scratch.path("mot.csv").exists());
    let text = common::report_text(&db, "2021");
    assert!(!text.contains("1250.5"), "not saved: {text}");
    // The export's notice says the unsaved cell is not in the file.
    let notice = harness.state().notice.clone().unwrap();
    assert!(
        notice
            .text
            .ends_with("(Các ô chưa lưu không có trong tệp.)"),
        "{notice:?}"
    );

    // Two exports in one frame: the second is refused, the first is written.
    harness.state_mut().push_command(export("hai.csv"));
    harness.state_mut().push_command(export("ba.csv"));
    harness.step();
    let notice = harness.state().notice.clone().unwrap();
    assert_eq!(
        notice.text,
        "Một việc khác đang chạy; chờ xong rồi thử lại."
    );
    wait_for_job(&mut harness);
    assert!(scratch.path("hai.csv").exists() && !scratch.path("ba.csv").exists());
}

#[test]
fn a_new_empty_database_asks_for_its_ward_then_shows_the_dashboard() {
    let scratch = Scratch::new();
    let db = scratch.path("moi.db");
    ward_kpi::store::seed::create(&db).unwrap();
    // The window remembers a ward and a view from another file: a new database still asks.
    let prefs = Prefs {
        lang: Lang::Vi,
        ward: Some("03142".into()),
        year: Some(2021),
        view: View::Entry,
        ..Prefs::default()
    };
    let launch = Launch {
        db: Some(db.clone()),
        ..Launch::default()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1000.0))
        .with_context_setup(ward_kpi::app::fonts::install)
        .build_ui_state(
            |ui, app: &mut WardKpiApp| app.show(ui),
            WardKpiApp::with_prefs(prefs, launch),
        );
    harness.run();
    assert!(
        harness.state().notice.is_none(),
        "{:?}",
        harness.state().notice
    );
    assert!(harness.state().session.is_none());
    harness.get_by_label("Chọn phường mặc định");
    // No ward or year picker in the bar, nothing to open yet.
    assert!(harness.query_by_label("Năm").is_none());
    assert!(harness.query_by_label("Trình chiếu (F5)").is_none());
    harness.get_by_label(db.to_str().unwrap());
    // Nothing is chosen until a ward is picked.
    harness.get_by_label("Dùng phường này").click();
    harness.run();
    assert!(harness.state().session.is_none());

    harness
        .get_by_label("Phường Thanh Trường (03142), đến 30/06/2025")
        .click();
    harness.run();
    harness
        .get_by_label("Phường Điện Biên Phủ (03127), từ 01/07/2025")
        .click();
    harness.run();
    harness.get_by_label("Dùng phường này").click();
    harness.run();

    let state = harness.state();
    assert_eq!(state.prefs.view, View::Dashboard);
    assert_eq!(state.prefs.ward.as_deref(), Some("03127"));
    let notice = state.notice.clone().unwrap();
    assert!(!notice.error, "{notice:?}");
    assert_eq!(notice.text, "Phường mặc định: Phường Điện Biên Phủ.");
    let year = state.session.as_ref().unwrap().year;
    harness.get_by_label(&format!("Tổng quan năm {year} — Phường Điện Biên Phủ"));
    let store = ward_kpi::store::Store::open(&db).unwrap();
    assert_eq!(store.home_ward_code().unwrap().as_deref(), Some("03127"));

    // The other views work on it.
    harness.get_by_label("Nhập số liệu").click();
    harness.run();
    type_into(&mut harness, "Thực hiện", "Số chi bộ trực thuộc", "18");
    harness.get_by_label("Lưu").click();
    harness.run();
    assert!(!harness.state().session.as_ref().unwrap().form.is_dirty());
}

#[test]
fn an_english_speaking_clerk_reads_and_types_vietnamese_numbers() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("clerk.db");
    let mut harness = window(&db, View::Settings, Lang::En);
    harness.get_by_label("Vietnamese (2.809,8)").click();
    harness.run();
    assert_eq!(
        harness.state().prefs.number_style,
        Some(ward_kpi::domain::number::NumberStyle::Vi)
    );
    harness.get_by_label("Dashboard").click();
    harness.run();
    // English words, Vietnamese numbers.
    harness.get_by_label("2.809,8 (actual)");
    harness.get_by_label("114,6%");

    harness.get_by_label("Data entry").click();
    harness.run();
    let crop = "Crop output (two rice crops, vegetables, third crop)";
    type_into(&mut harness, "Final", crop, "2.600");
    harness.get_by_label_contains("= 2.600 tonnes");
    harness.get_by_label("Save").click();
    harness.run();
    let store = ward_kpi::store::Store::open(&db).unwrap();
    let (unit, _) = store.unit_for("03142", 2021).unwrap();
    let (crop, _) = store.indicator("crop_output").unwrap();
    let figures = store.figures_of(unit, 2021).unwrap().remove(&crop).unwrap();
    let final_ = figures.iter().find(|f| f.stage == Stage::Final).unwrap();
    assert_eq!(final_.value.to_string(), "2600");
}

#[test]
fn a_file_whose_numbers_read_two_ways_is_read_in_the_style_the_user_chooses() {
    use ward_kpi::app::command::{Command, ImportAsk};
    let scratch = Scratch::new();
    let db = scratch.demo_db("choice.db");
    let file = scratch.path("hai-cach.csv");
    // Headings in two languages and only numbers that read two ways: nothing decides.
    std::fs::write(&file, "indicator;Kế hoạch;actual\nsown_area;2.600;2.809\n").unwrap();
    let mut harness = window(&db, View::Entry, Lang::Vi);
    harness
        .state_mut()
        .push_command(Command::ImportPreview(ImportAsk::file(file.clone())));
    wait_for_job(&mut harness);
    harness.run();
    harness.get_by_label_contains("Tệp viết số theo kiểu nào?");
    assert!(harness.query_by_label("Ghi 2 giá trị").is_none());
    harness
        .get_by_label("Kiểu Anh (2,809.8): “2.600” là 2,6")
        .click();
    wait_for_job(&mut harness);
    harness.run();
    harness.get_by_label("Số trong tệp đọc theo Kiểu Anh (2,809.8), như bạn đã chọn");
    harness.get_by_label("Ghi 2 giá trị").click();
    wait_for_job(&mut harness);
    let store = ward_kpi::store::Store::open(&db).unwrap();
    let (unit, _) = store.unit_for("03142", 2021).unwrap();
    let (area, _) = store.indicator("sown_area").unwrap();
    let plans = store.plans_of(unit, 2021).unwrap().remove(&area).unwrap();
    assert_eq!(plans[0].target.low().normalize().to_string(), "2.6");
    let figures = store.figures_of(unit, 2021).unwrap().remove(&area).unwrap();
    assert_eq!(figures[0].value.to_string(), "2.809");
}

#[test]
fn an_annex_preview_groups_by_year_and_says_what_its_title_and_columns_gave() {
    use ward_kpi::app::command::{Command, ImportAsk};
    let scratch = Scratch::new();
    let db = scratch.demo_db("annex.db");
    let file = scratch.path("phu-luc.csv");
    std::fs::write(
        &file,
        "ỦY BAN NHÂN DÂN PHƯỜNG THANH TRƯỜNG\n\
         BIỂU TỔNG HỢP CÁC CHỈ TIÊU NĂM 2021\n\
         STT;Chỉ tiêu;Thực hiện năm 2020;Kế hoạch năm 2022;% KH;Nguồn\n\
         1;Số chi bộ trực thuộc;17;19;;Đảng ủy\n\
         2;Số vụ tai nạn giao thông;4;2;;Công an\n\
         ;Người lập biểu;;;;\n",
    )
    .unwrap();
    let mut harness = window(&db, View::Entry, Lang::Vi);
    harness
        .state_mut()
        .push_command(Command::ImportPreview(ImportAsk::file(file)));
    wait_for_job(&mut harness);
    harness.run();
    harness.get_by_label("Tiêu đề ghi đơn vị “phường thanh trường” (mã 03142)");
    harness.get_by_label("Tiêu đề ghi năm 2021: “BIỂU TỔNG HỢP CÁC CHỈ TIÊU NĂM 2021”");
    harness.get_by_label("Cột: 4 dùng, 1 chỉ kiểm tra, 1 không dùng");
    // Newest year first, each with its count.
    let top = |label: &str| harness.get_by_label(label).rect().min.y;
    assert!(top("Năm 2022: 2 giá trị") < top("Năm 2020: 2 giá trị"));
    harness.get_by_label("Ghi 4 giá trị");
}

#[test]
fn an_alias_is_added_in_the_catalogue_and_a_refused_one_is_kept_as_typed() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("aliases.db");
    let mut harness = window(&db, View::Catalogue, Lang::Vi);
    // crop_output is the catalogue's first line: its edit button comes first.
    harness.get_all_by_label("Sửa").next().unwrap().click();
    harness.run();
    harness.get_by_label("Chưa có tên gọi khác.");
    let field = "Tên gọi khác mới";
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text("Tổng sản lượng lương thực");
    harness.run();
    harness.get_by_label("Thêm tên gọi khác").click();
    harness.run();
    assert!(
        harness.state().notice.is_none(),
        "{:?}",
        harness.state().notice
    );
    // Stored, listed under the name in the table and in the form, the field emptied.
    let store = ward_kpi::store::Store::open(&db).unwrap();
    let (crop, _) = store.indicator("crop_output").unwrap();
    assert_eq!(
        store.aliases().unwrap(),
        [("Tổng sản lượng lương thực".to_owned(), crop)]
    );
    harness.get_by_label("Tên gọi khác: Tổng sản lượng lương thực");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, field)
            .value()
            .as_deref(),
        Some("")
    );

    // Another indicator's name is refused: the notice names both, the text stays typed.
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text("Thu ngân sách");
    harness.run();
    harness.get_by_label("Thêm tên gọi khác").click();
    harness.run();
    let notice = harness.state().notice.as_ref().unwrap();
    assert!(
        notice.error
            && notice.text.contains("crop_output")
            && notice.text.contains("budget_revenue"),
        "{notice:?}"
    );
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, field)
            .value()
            .as_deref(),
        Some("Thu ngân sách")
    );
    assert_eq!(store.aliases().unwrap().len(), 1);

    // Removed from the form.
    harness
        .get_by_label("Xóa tên gọi khác Tổng sản lượng lương thực")
        .click();
    harness.run();
    assert!(store.aliases().unwrap().is_empty());
    harness.get_by_label("Chưa có tên gọi khác.");
}

/// Replaces the text of a labelled field, as a user would: select all, type.
fn retype(harness: &mut Harness<'_, WardKpiApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

fn field_value(harness: &Harness<'_, WardKpiApp>, label: &str) -> Option<String> {
    harness
        .query_by_role_and_label(Role::TextInput, label)
        .and_then(|f| f.value())
}

#[test]
fn the_indicator_form_stays_as_typed_when_refused_and_closes_once_saved() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("form.db");
    let store = ward_kpi::store::Store::open(&db).unwrap();
    let (revenue, _) = store.indicator("budget_revenue").unwrap();
    store
        .add_alias("Tổng thu", revenue, ward_kpi::store::Origin::Cli)
        .unwrap();
    let mut harness = window(&db, View::Catalogue, Lang::Vi);
    harness.get_all_by_label("Sửa").next().unwrap().click();
    harness.run();

    // Renamed to another indicator's alias, with an alias typed and not yet added: the name is
    // refused, the form stays open with both as typed, and the alias (saved first) is kept.
    retype(&mut harness, "Tên tiếng Việt", "Tổng thu");
    retype(&mut harness, "Tên gọi khác mới", "SL cây trồng");
    harness.get_by_label("Lưu chỉ tiêu").click();
    harness.run();
    let notice = harness.state().notice.clone().unwrap();
    assert!(
        notice.error && notice.text.contains("budget_revenue"),
        "{notice:?}"
    );
    assert_eq!(
        field_value(&harness, "Tên tiếng Việt").as_deref(),
        Some("Tổng thu")
    );
    let (crop, indicator) = store.indicator("crop_output").unwrap();
    assert_eq!(indicator.name_vi, CROP);
    assert!(
        store
            .aliases()
            .unwrap()
            .contains(&("SL cây trồng".to_owned(), crop))
    );
    assert_eq!(
        field_value(&harness, "Tên gọi khác mới").as_deref(),
        Some("")
    );

    // Another name: saved, and the form closes.
    retype(&mut harness, "Tên tiếng Việt", "Sản lượng cây trồng");
    harness.get_by_label("Lưu chỉ tiêu").click();
    harness.run();
    assert_eq!(field_value(&harness, "Tên tiếng Việt"), None);
    let (_, indicator) = store.indicator("crop_output").unwrap();
    assert_eq!(indicator.name_vi, "Sản lượng cây trồng");
}

#[test]
fn a_name_of_several_indicators_is_picked_in_its_row_and_learnt_on_writing() {
    use ward_kpi::app::command::{Command, ImportAsk};
    let scratch = Scratch::new();
    let db = scratch.demo_db("pick.db");
    let file = scratch.path("ten.csv");
    std::fs::write(
        &file,
        "Chỉ tiêu;Kế hoạch;Thực hiện\nTỷ lệ hộ nghèo, cận nghèo;2;1,8\n",
    )
    .unwrap();
    let mut harness = window(&db, View::Entry, Lang::Vi);
    harness
        .state_mut()
        .push_command(Command::ImportPreview(ImportAsk::file(file)));
    wait_for_job(&mut harness);
    harness.run();
    // Nothing is written on a guess: the row offers its candidates.
    harness
        .get_by_label("Dòng 2: “Tỷ lệ hộ nghèo, cận nghèo”")
        .click();
    harness.run();
    harness
        .get_by_label("Tỷ lệ hộ cận nghèo (near_poor_rate)")
        .click();
    // The pick reads the file again, on a worker: step, not run, while it moves.
    harness.step();
    wait_for_job(&mut harness);
    harness.run();
    harness.get_by_label(
        "“Tỷ lệ hộ nghèo, cận nghèo” là near_poor_rate: lưu làm tên gọi khác khi ghi",
    );
    harness.get_by_label("Ghi 2 giá trị").click();
    wait_for_job(&mut harness);
    let store = ward_kpi::store::Store::open(&db).unwrap();
    let (near_poor, _) = store.indicator("near_poor_rate").unwrap();
    assert!(
        store
            .aliases()
            .unwrap()
            .contains(&("Tỷ lệ hộ nghèo, cận nghèo".to_owned(), near_poor)),
        "the pick is kept as an alias"
    );
}

/// The window on a database, showing Phường Thanh Trường in `year`, on the entry grid.
fn entry_window(db: &std::path::Path, year: i16) -> Harness<'static, WardKpiApp> {
    let prefs = Prefs {
        lang: Lang::Vi,
        ward: Some("03142".into()),
        year: Some(year),
        view: View::Entry,
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

const BUDGET: &str = "Thu ngân sách";
const SHARE: &str = "Tỷ lệ lao động qua đào tạo";

/// The value stored for an indicator's stage in a year of the demo ward.
fn stored(db: &std::path::Path, code: &str, year: i16, stage: Stage) -> Option<String> {
    let store = ward_kpi::store::Store::open(db).unwrap();
    let (unit, _) = store.unit_for("03142", year).unwrap();
    let (id, _) = store.indicator(code).unwrap();
    store
        .figures_of(unit, year)
        .unwrap()
        .get(&id)
        .and_then(|f| f.iter().find(|f| f.stage == stage))
        .map(|f| f.value.to_string())
}

#[test]
fn a_value_beyond_its_bound_is_refused_with_a_message_naming_it() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("bound.db");
    let mut harness = window(&db, View::Entry, Lang::Vi);
    type_into(&mut harness, "Thực hiện", SHARE, "733,7");
    harness.get_by_label("Lưu").click();
    harness.run();
    let notice = harness.state().notice.clone().unwrap();
    assert!(notice.error);
    assert!(
        notice.text.contains(
            "giá trị 733,7% vượt mức tối đa 100% của chỉ tiêu “Tỷ lệ lao động qua đào tạo”"
        ),
        "{}",
        notice.text
    );
    // Nothing written, nothing asked; the typed value stays to be corrected.
    assert!(harness.state().save_ask.is_none());
    assert!(harness.state().session.as_ref().unwrap().form.is_dirty());
    assert_eq!(
        stored(&db, "trained_labour_share", 2021, Stage::Actual),
        None
    );
}

#[test]
fn doubted_values_are_marked_and_asked_about_once_before_saving() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("doubted.db");
    let mut harness = window(&db, View::Entry, Lang::Vi);
    // Ten times the plan (2.451,8 tấn), and an actual a tenth of the estimate.
    type_into(&mut harness, "Quyết toán", CROP, "28.098");
    type_into(&mut harness, "Thực hiện", BUDGET, "1.741.688.953");
    harness.get_by_label("Lưu").click();
    harness.run();

    // One question for both values: indicator, value, why.
    harness.get_by_label("Kiểm tra lại trước khi lưu");
    harness.get_by_label(
        "2 giá trị vượt ngưỡng kiểm tra của chỉ tiêu. Lưu cả các giá trị này, hay quay lại sửa?",
    );
    harness.get_by_label("28.098 tấn");
    harness.get_by_label("gấp 11,5 lần kế hoạch (2.451,8 tấn); ngưỡng 3 lần");
    harness.get_by_label(
        "ước đạt 17.416.889.536 đồng và thực hiện 1.741.688.953 đồng lệch nhau 90%; ngưỡng 20%",
    );
    assert_eq!(stored(&db, "crop_output", 2021, Stage::Final), None);

    // Back: nothing written, the cells marked in the grid.
    harness.get_by_label("Quay lại").click();
    harness.run();
    assert!(harness.state().save_ask.is_none());
    assert_eq!(stored(&db, "crop_output", 2021, Stage::Final), None);
    harness.get_by_label("Cần xem lại: gấp 11,5 lần kế hoạch (2.451,8 tấn); ngưỡng 3 lần");
    assert!(harness.state().session.as_ref().unwrap().form.is_dirty());

    // Saved as agreed: both values written.
    harness.get_by_label("Lưu").click();
    harness.run();
    assert!(harness.state().save_ask.is_some());
    harness.get_all_by_label("Lưu").last().unwrap().click();
    harness.run();
    assert!(harness.state().save_ask.is_none());
    assert!(!harness.state().session.as_ref().unwrap().form.is_dirty());
    assert_eq!(
        stored(&db, "crop_output", 2021, Stage::Final).as_deref(),
        Some("28098")
    );
    assert_eq!(
        stored(&db, "budget_revenue", 2021, Stage::Actual).as_deref(),
        Some("1741688953")
    );
}

#[test]
fn a_separator_slip_on_last_year_is_asked_about_and_an_ordinary_value_is_not() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("slip.db");
    let mut harness = entry_window(&db, 2022);
    // 2.809,8 tấn in 2021; 2,809 typed for 2022; the party cells as they were.
    type_into(&mut harness, "Thực hiện", CROP, "2,809");
    type_into(&mut harness, "Thực hiện", "Số chi bộ trực thuộc", "18");
    harness.get_by_label("Lưu").click();
    harness.run();
    harness.get_by_label(
        "1 giá trị vượt ngưỡng kiểm tra của chỉ tiêu. Lưu cả các giá trị này, hay quay lại sửa?",
    );
    harness.get_by_label("giảm 99,9% so với năm trước (2.809,8 tấn); ngưỡng ±50%");
    harness.get_all_by_label("Lưu").last().unwrap().click();
    harness.run();
    assert_eq!(
        stored(&db, "crop_output", 2022, Stage::Actual).as_deref(),
        Some("2.809")
    );
    assert_eq!(
        stored(&db, "party_cells", 2022, Stage::Actual).as_deref(),
        Some("18")
    );
}

#[test]
fn an_import_lists_its_doubted_values_and_writes_them_only_on_agreement() {
    use ward_kpi::app::command::{Command, ImportAsk};
    let scratch = Scratch::new();
    let db = scratch.demo_db("import-doubted.db");
    let file = scratch.path("nghi-ngo.csv");
    std::fs::write(
        &file,
        "Chỉ tiêu;Thực hiện\nThu ngân sách;1.741.688.953\nSố chi bộ trực thuộc;19\n",
    )
    .unwrap();
    let mut harness = window(&db, View::Entry, Lang::Vi);
    harness
        .state_mut()
        .push_command(Command::ImportPreview(ImportAsk::file(file)));
    wait_for_job(&mut harness);
    harness.run();
    harness.get_by_label(
        "1 giá trị cần xem lại (vượt ngưỡng kiểm tra của chỉ tiêu); chỉ ghi khi bạn đồng ý:",
    );
    assert!(
        harness
            .query_all_by_label_contains("“Thu ngân sách” năm 2021: 1.741.688.953 đồng: ước đạt")
            .next()
            .is_some()
    );
    assert_eq!(stored(&db, "budget_revenue", 2021, Stage::Actual), None);
    harness
        .get_by_label("Ghi 2 giá trị (kể cả 1 giá trị cần xem lại)")
        .click();
    wait_for_job(&mut harness);
    assert_eq!(
        stored(&db, "budget_revenue", 2021, Stage::Actual).as_deref(),
        Some("1741688953")
    );
}

#[test]
fn an_indicators_checks_are_listed_and_edited_in_the_catalogue() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("checks.db");
    let store = ward_kpi::store::Store::open(&db).unwrap();
    let mut harness = window(&db, View::Catalogue, Lang::Vi);
    // The crop output's row lists its checks.
    assert!(
        harness
            .get_all_by_label("Kiểm tra: ≥ 0 · ±50% so với năm trước · ≤ 3 lần KH · ước/TH ±20%")
            .next()
            .is_some()
    );
    harness.get_all_by_label("Sửa").next().unwrap().click();
    harness.run();
    assert_eq!(
        field_value(
            &harness,
            "Ngưỡng thay đổi so với năm trước (±%; điểm % với tỷ lệ)"
        )
        .as_deref(),
        Some("50")
    );
    // A maximum below the minimum is refused, naming both; then a ceiling of 5.000 tấn and
    // no plan check are saved.
    retype(&mut harness, "Giá trị tối đa", "-1");
    harness.get_by_label("Lưu chỉ tiêu").click();
    harness.run();
    harness.get_by_label("mức tối thiểu 0 lớn hơn mức tối đa -1");
    retype(&mut harness, "Giá trị tối đa", "5.000");
    let times = "Ngưỡng so với kế hoạch (số lần)";
    harness
        .get_by_role_and_label(Role::TextInput, times)
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    harness.get_by_label("Lưu chỉ tiêu").click();
    harness.run();
    let (_, crop) = store.indicator("crop_output").unwrap();
    assert_eq!(crop.rules.max, Some(5000.into()));
    assert_eq!(crop.rules.max_times_plan, None);
    assert_eq!(crop.rules.max_change, Some(50.into()));
}

#[test]
fn the_picker_offers_the_province_whose_dashboard_adds_up_its_wards() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("demo.db");
    let mut harness = window(&db, View::Dashboard, Lang::Vi);
    harness
        .get_by_role_and_label(Role::ComboBox, "Đơn vị")
        .click();
    harness.run();
    harness.get_by_label("Tỉnh Điện Biên").click();
    harness.run();
    harness.get_by_label("Tổng quan năm 2021 — Tỉnh Điện Biên");
    // Before the merger the province's wards sat under its cities: the demo ward is one of the
    // nine, the only one with figures.
    harness.get_by_label_contains("1/9 phường, xã có số liệu (chưa có: Phường Noong Bua");
    let session = harness.state().session.as_ref().unwrap();
    let crop = session
        .report
        .rows
        .iter()
        .find(|r| r.indicator.code == "crop_output")
        .unwrap();
    assert!(crop.consolidated.is_some());
    assert_eq!(
        crop.current
            .as_ref()
            .map(|f| f.value.to_string())
            .as_deref(),
        Some("2809.8")
    );
    harness.get_by_label("114,6%");
}

#[test]
fn a_province_hands_plans_down_in_a_grid_and_sees_them_against_its_own() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("demo.db");
    let mut harness = window(&db, View::Entry, Lang::Vi);
    harness
        .get_by_role_and_label(Role::ComboBox, "Đơn vị")
        .click();
    harness.run();
    harness.get_by_label("Tỉnh Điện Biên").click();
    harness.run();
    harness.get_by_label("Giao chỉ tiêu kế hoạch năm 2021 — Tỉnh Điện Biên");
    // The city handed Thanh Trường its crop output plan: its cell shows it.
    let ward_cells = harness.get_all_by_role_and_label(Role::TextInput, "Phường Thanh Trường");
    assert_eq!(ward_cells.count(), 10, "one cell per economy indicator");
    // The province's own plan, typed on the first line.
    let own = "Kế hoạch của Tỉnh Điện Biên";
    harness
        .get_all_by_role_and_label(Role::TextInput, own)
        .next()
        .unwrap()
        .focus();
    harness.run();
    harness
        .get_all_by_role_and_label(Role::TextInput, own)
        .next()
        .unwrap()
        .type_text("3.000");
    harness.run();
    // Read as typed: the wards' plans added fall 548,2 tấn short of it.
    assert!(
        harness
            .query_all_by_label_contains("thiếu 548,2 tấn")
            .next()
            .is_some()
    );
    harness.get_by_label("Lưu").click();
    harness.run();
    let notice = harness.state().notice.clone().unwrap();
    assert!(!notice.error, "{notice:?}");
    let store = ward_kpi::store::Store::open(&db).unwrap();
    let (province, _) = store.unit_for("11", 2021).unwrap();
    let (crop, _) = store.indicator("crop_output").unwrap();
    let plans = store.plans_of(province, 2021).unwrap();
    assert_eq!(
        plans[&crop][0].target,
        PlanTarget::Value(rust_decimal::Decimal::from(3000))
    );
    // The province's report now measures its wards' sum against its own plan.
    harness.get_by_label("Tổng quan").click();
    harness.run();
    let report = &harness.state().session.as_ref().unwrap().report;
    let row = report
        .rows
        .iter()
        .find(|r| r.indicator.code == "crop_output")
        .unwrap();
    assert!(row.consolidated.as_ref().unwrap().own_plan);
}

#[test]
fn the_dashboard_and_the_meeting_say_the_verdict_first() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("demo.db");
    let mut harness = window(&db, View::Dashboard, Lang::Vi);
    harness.get_by_label("2/2 chỉ tiêu có kế hoạch đạt và vượt kế hoạch");
    harness.get_by_label_contains("vượt 2, đạt 0, không đạt 0, chưa có kế hoạch 6");
    harness.get_by_label("Trình chiếu (F5)").click();
    harness.run();
    assert!(harness.state().meeting.is_some());
    // The overview slide alone shows: the dashboard's line is not drawn beside it.
    harness.get_by_label("2/2 chỉ tiêu có kế hoạch đạt và vượt kế hoạch");
    assert!(
        harness
            .query_by_label_contains("vượt 2, đạt 0, không đạt 0")
            .is_none()
    );
}

#[test]
fn the_dashboard_chart_shows_last_year_beside_each_bar_and_the_table_folds_by_category() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("demo.db");
    // The demo's 2020 holds nothing: no lighter bar, no legend for it.
    let harness = window(&db, View::Dashboard, Lang::Vi);
    harness.get_by_label("Mục tiêu 100%");
    assert!(harness.query_by_label("Năm trước (2020)").is_none());
    drop(harness);
    // 2020: the crop at 80% of its plan.
    common::ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["set", "--year", "2020", "--indicator", "crop_output"])
        .args(["--plan", "2.500", "--actual", "2.000"])
        .assert()
        .success();
    let mut harness = window(&db, View::Dashboard, Lang::Vi);
    harness.get_by_label("Năm trước (2020)");
    // The crop's whole name twice: under the chart's names and in the table.
    assert_eq!(harness.query_all_by_label(CROP).count(), 2);
    // The economy's lines fold away under their heading, the other categories' stay; a second
    // click brings them back.
    let trade = "Doanh thu thương mại - dịch vụ";
    harness.get_by_label(trade);
    harness.get_by_label("Kinh tế").click();
    harness.run();
    assert!(harness.query_by_label(trade).is_none());
    assert_eq!(
        harness.query_all_by_label(CROP).count(),
        1,
        "the chart's alone"
    );
    assert_eq!(harness.query_all_by_label("Thu ngân sách").count(), 2);
    harness.get_by_label("Kinh tế").click();
    harness.run();
    harness.get_by_label(trade);
    assert_eq!(harness.query_all_by_label(CROP).count(), 2);
    // In English alike.
    drop(harness);
    let harness = window(&db, View::Dashboard, Lang::En);
    harness.get_by_label("Last year (2020)");
}

#[test]
fn the_dashboard_lists_the_lines_reported_until_asked_for_the_whole_catalogue() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("demo.db");
    let mut harness = window(&db, View::Dashboard, Lang::Vi);
    // A line with neither a plan nor a figure in 2021 is not listed, one with a figure is.
    let empty = "Diện tích gieo trồng";
    assert_eq!(harness.query_all_by_label("Thu ngân sách").count(), 2);
    assert!(harness.query_by_label(empty).is_none());
    harness.get_by_label_contains("chưa có số liệu 0");
    harness
        .get_by_label("Hiện cả 21 chỉ tiêu chưa có kế hoạch, số liệu năm này")
        .click();
    harness.run();
    harness.get_by_label(empty);
    harness.get_by_label_contains("chưa có số liệu 21");
}
