//! The report as a Word document and the lines documents list: `export --format docx` read
//! back (header, date form, summary, sentences, annex values), the letterhead set by `settings`
//! and by Cài đặt, and `--all-indicators` against the default of the lines reported only.

#![allow(clippy::unwrap_used)]

mod common;

use std::io::Read as _;
use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use ward_kpi::app::views::View;
use ward_kpi::domain::Lang;

use common::{Scratch, ward_kpi};

/// The paragraphs of a Word document as plain text, in order (table cells' too), read from
/// its XML as any reader of the format would.
fn paragraphs(path: &Path) -> Vec<String> {
    use quick_xml::events::Event;
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut out, mut current, mut in_text) = (Vec::new(), String::new(), false);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::Text(t) if in_text => current.push_str(&t.unescape().unwrap()),
            Event::End(e) if e.name().as_ref() == b"w:p" => out.push(std::mem::take(&mut current)),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn run(db: &Path, args: &[&str]) -> String {
    let out = ward_kpi().arg("--db").arg(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn export_docx_writes_the_state_format_with_the_letterhead_set_by_settings() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("word.db");
    let shown = run(
        &db,
        &[
            "settings",
            "--signer",
            "Lò Văn Bình",
            "--recipient",
            "UBND tỉnh Điện Biên (để báo cáo);",
            "--recipient",
            "Lưu: VT.",
        ],
    );
    assert!(
        shown.contains("Họ tên người ký: Lò Văn Bình (đã đặt)"),
        "{shown}"
    );
    assert!(
        shown.contains("Cơ quan ban hành: UBND PHƯỜNG THANH TRƯỜNG (mặc định)"),
        "{shown}"
    );
    let out = scratch.path("bao cáo năm 2021.docx");
    run(
        &db,
        &[
            "export",
            "--year",
            "2021",
            "--format",
            "docx",
            "--date",
            "07/01/2022",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let text = paragraphs(&out);
    for line in [
        "UBND PHƯỜNG THANH TRƯỜNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Thanh Trường, ngày 07 tháng 01 năm 2022",
        "- Thu ngân sách ước đạt 17.416.889.536 đồng, đạt 103% kế hoạch được giao.",
        "- UBND tỉnh Điện Biên (để báo cáo);",
        "- Lưu: VT.",
        "Lò Văn Bình",
        "2.809,8",
        "114,6%",
    ] {
        assert!(
            text.iter().any(|p| p == line),
            "missing {line:?}: {text:#?}"
        );
    }
    assert!(
        text.iter()
            .any(|p| p.starts_with("Kết quả chung: 2/2 chỉ tiêu có kế hoạch đạt và vượt")),
        "{text:#?}"
    );

    // Back to the unit's own letterhead.
    let shown = run(&db, &["settings", "--reset", "all"]);
    assert!(shown.contains("Họ tên người ký:  (mặc định)"), "{shown}");
    run(
        &db,
        &[
            "export",
            "--year",
            "2021",
            "--format",
            "docx",
            "--date",
            "2022-03-15",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let text = paragraphs(&out);
    assert!(!text.iter().any(|p| p == "Lò Văn Bình"));
    assert!(
        text.iter()
            .any(|p| p == "Thanh Trường, ngày 15 tháng 3 năm 2022"),
        "{text:#?}"
    );
}

#[test]
fn settings_show_the_letterhead_of_a_years_report_whose_recipient_follows_that_years_parent() {
    let scratch = Scratch::new();
    let db = scratch.path("synthetic.db");
    run(
        &db,
        &["demo", "--synthetic", "--wards", "2", "--years", "2"],
    );
    // Before 1/7/2025 the ward reported to its city, after to the province.
    let city = run(&db, &["settings", "--ward", "SYN0002", "--year", "2024"]);
    assert!(city.contains("năm 2024"), "{city}");
    assert!(
        city.contains("UBND thành phố giả lập 001 (dữ liệu giả lập) (để báo cáo);"),
        "{city}"
    );
    let province = run(&db, &["settings", "--ward", "SYN0002", "--year", "2025"]);
    assert!(
        province.contains("UBND tỉnh giả lập (dữ liệu giả lập) (để báo cáo);"),
        "{province}"
    );
    assert!(!province.contains("thành phố giả lập"), "{province}");
    // A ward unknown that year is named.
    let out = ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["settings", "--ward", "NOPE", "--year", "2024"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("'NOPE'") && stderr.contains("2024"),
        "{stderr}"
    );
}

#[test]
fn bad_settings_and_dates_are_refused_by_name_and_change_nothing() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("refused.db");
    let out = ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["settings", "--office", "  "])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Mẫu văn bản, Cơ quan ban hành: không được để trống"),
        "{stderr}"
    );
    let shown = run(&db, &["settings"]);
    assert!(
        shown.contains("UBND PHƯỜNG THANH TRƯỜNG (mặc định)"),
        "{shown}"
    );

    let target = scratch.path("x.docx");
    let out = ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["export", "--year", "2021", "--format", "docx", "--date"])
        .args(["31/02/2022", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("31/02/2022"), "{stderr}");
    assert!(!target.exists());
}

#[test]
fn documents_list_the_lines_reported_unless_all_indicators_is_asked() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("lines.db");
    let xlsx_rows = |all: bool| {
        let out = scratch.path(if all { "all.xlsx" } else { "reported.xlsx" });
        let mut args = vec!["export", "--year", "2021", "--format", "xlsx", "-o"];
        args.push(out.to_str().unwrap());
        if all {
            args.push("--all-indicators");
        }
        run(&db, &args);
        use calamine::Reader as _;
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
        let sheet = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&sheet).unwrap();
        range
            .rows()
            .filter(|r| r.iter().any(|c| *c == "Chưa có số liệu"))
            .count()
    };
    assert_eq!(xlsx_rows(false), 0, "no line without a plan or a figure");
    assert_eq!(xlsx_rows(true), 21, "the whole catalogue");

    let sentences = |all: bool| {
        let out = scratch.path("cau.txt");
        let mut args = vec!["export", "--year", "2021", "--format", "txt", "-o"];
        args.push(out.to_str().unwrap());
        if all {
            args.push("--all-indicators");
        }
        run(&db, &args);
        std::fs::read_to_string(&out).unwrap()
    };
    assert!(sentences(false).contains("chưa có số liệu 0)"));
    assert!(sentences(true).contains("chưa có số liệu 21)"));

    let pdf = scratch.path("bao-cao.pdf");
    run(
        &db,
        &[
            "export",
            "--year",
            "2021",
            "--format",
            "pdf",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    let text = pdf_extract::extract_text(&pdf).unwrap();
    assert!(text.contains("Thu ngân sách"), "{text}");
    assert!(!text.contains("Chưa có số liệu"), "{text}");
    run(
        &db,
        &[
            "export",
            "--year",
            "2021",
            "--format",
            "pdf",
            "--all-indicators",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    let text = pdf_extract::extract_text(&pdf).unwrap();
    assert!(text.contains("Chưa có số liệu"), "{text}");
}

#[test]
fn every_face_marks_the_derived_plans_in_the_same_words() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("derived.db");
    for (lang, mark, plans) in [
        ("vi", "(suy ra)", ["2.451,8", "16.909.601.491"]),
        ("en", "(derived)", ["2,451.8", "16,909,601,491"]),
    ] {
        // The command line's report: in the note column, after the plan's source.
        let report = run(&db, &["--lang", lang, "report", "--year", "2021"]);
        assert_eq!(report.matches(mark).count(), 2, "{report}");
        // The PDF: under the plan's number.
        let pdf = scratch.path(&format!("bao-cao-{lang}.pdf"));
        let export = |format: &str, out: &Path| {
            run(
                &db,
                &[
                    "--lang",
                    lang,
                    "export",
                    "--year",
                    "2021",
                    "--format",
                    format,
                    "--date",
                    "07/01/2022",
                    "-o",
                    out.to_str().unwrap(),
                ],
            )
        };
        export("pdf", &pdf);
        let text = pdf_extract::extract_text(&pdf).unwrap();
        assert_eq!(text.matches(mark).count(), 2, "{text}");
        // The Word annex: the paragraph under the plan's number.
        let docx = scratch.path(&format!("bao-cao-{lang}.docx"));
        export("docx", &docx);
        let text = paragraphs(&docx);
        assert_eq!(text.iter().filter(|p| *p == mark).count(), 2, "{text:#?}");
        for plan in plans {
            let at = text.iter().position(|p| p == plan).unwrap();
            assert_eq!(text[at + 1], mark, "{text:#?}");
        }
    }
}

#[test]
fn the_letterhead_typed_in_settings_is_what_the_exported_word_report_prints() {
    use ward_kpi::app::command::Command;
    use ward_kpi::export::Format;
    let scratch = Scratch::new();
    let db = scratch.demo_db("form.db");
    let mut harness = common::window::open(&db, View::Settings, Lang::Vi);
    harness.get_by_label("Mẫu văn bản báo cáo (Word)");
    let signer = "Họ tên người ký";
    harness
        .get_by_role_and_label(Role::TextInput, signer)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, signer)
        .type_text("Lò Văn Bình");
    harness.run();
    harness.get_by_label("Lưu mẫu văn bản").click();
    harness.run();
    let notice = harness.state().notice.clone().unwrap();
    assert!(!notice.error, "{notice:?}");
    // Only the field typed is stored: the rest follows the ward.
    let store = ward_kpi::store::Store::open(&db).unwrap();
    let stored = store.letterhead_settings("03142").unwrap();
    assert_eq!(stored.signer_name.as_deref(), Some("Lò Văn Bình"));
    assert_eq!(stored.office, None);

    let path = scratch.path("bao-cao.docx");
    harness.state_mut().push_command(Command::Export {
        format: Format::Docx,
        path: path.clone(),
        all_wards: false,
        all_indicators: false,
    });
    harness.step();
    for _ in 0..500 {
        if harness.state().job.is_none() {
            break;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let notice = harness.state().notice.clone().unwrap();
    assert!(!notice.error, "{notice:?}");
    let text = paragraphs(&path);
    assert!(text.iter().any(|p| p == "Lò Văn Bình"), "{text:#?}");
    assert!(text.iter().any(|p| p == "UBND PHƯỜNG THANH TRƯỜNG"));
}
