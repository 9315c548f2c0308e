//! The annex tables wards keep, imported as they are: headings with the stage and the year in
//! one or two rows (merged), several years in one sheet, the ward and the year only in the
//! title, column numbering, a category row, a unit column in millions, percent-formatted and
//! formula cells, a computed column that disagrees, footnotes and a signature block; and the
//! same table inside a Word report.

#![allow(clippy::unwrap_used)]

mod common;

use std::io::Write as _;
use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;
use rust_xlsxwriter::{Format, Formula, Workbook};

use common::{Scratch, ward_kpi};

fn empty_db(scratch: &Scratch, name: &str) -> std::path::PathBuf {
    let db = scratch.path(name);
    ward_kpi::demo::create_empty(&db).unwrap();
    db
}

/// The report row of one indicator in a year, as `report --format json` writes it.
fn row(db: &Path, year: &str, code: &str) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_str(&common::report_text(db, year)).unwrap();
    let rows = json["rows"].as_array().or_else(|| json.as_array()).unwrap();
    rows.iter()
        .find(|r| r["code"] == code || r["indicator"] == code)
        .cloned()
        .unwrap_or_else(|| panic!("no {code} in {json}"))
}

/// An annex as offices keep it: title rows, a two-row heading with merged cells, column
/// numbers, a category row, three rows of figures, a footnote and the signature block.
fn annex(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let merged = Format::new();
    let percent = Format::new().set_num_format("0%");
    sheet
        .write_string(0, 0, "ỦY BAN NHÂN DÂN PHƯỜNG THANH TRƯỜNG")
        .unwrap();
    sheet
        .write_string(1, 0, "BIỂU TỔNG HỢP CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2021")
        .unwrap();
    // Two heading rows: single headings merged down, "Năm 2021" and "So sánh (%)" across.
    for (column, heading) in [
        (0, "STT"),
        (1, "Chỉ tiêu"),
        (2, "ĐVT"),
        (3, "Thực hiện năm 2020"),
        (6, "Kế hoạch năm 2022"),
        (9, "Ghi chú"),
    ] {
        sheet
            .merge_range(3, column, 4, column, heading, &merged)
            .unwrap();
    }
    sheet.merge_range(3, 4, 3, 5, "Năm 2021", &merged).unwrap();
    sheet
        .merge_range(3, 7, 3, 8, "So sánh (%)", &merged)
        .unwrap();
    sheet.write_string(4, 4, "Kế hoạch").unwrap();
    sheet.write_string(4, 5, "Ước TH").unwrap();
    sheet.write_string(4, 7, "Ước TH/KH").unwrap();
    sheet.write_string(4, 8, "So với cùng kỳ").unwrap();
    for (column, label) in ["A", "B", "C", "1", "2", "3", "4", "5=3/2", "6=3/1", "D"]
        .iter()
        .enumerate()
    {
        sheet.write_string(5, column as u16, *label).unwrap();
    }
    sheet.write_string(6, 0, "I").unwrap();
    sheet.write_string(6, 1, "KINH TẾ").unwrap();
    // Crop output: the sheet's own % of plan is a slip (110,5 where 2.809,8 / 2.451,8 gives
    // 114,6); its % on last year is a formula, read by its cached value.
    sheet.write_string(7, 0, "1").unwrap();
    // The name as annexes shorten it: the catalogue's has a parenthesis.
    sheet.write_string(7, 1, "Sản lượng cây trồng").unwrap();
    sheet.write_string(7, 2, "Tấn").unwrap();
    sheet.write_number(7, 3, 2600).unwrap();
    sheet.write_number(7, 4, 2451.8).unwrap();
    sheet.write_number(7, 5, 2809.8).unwrap();
    sheet.write_number(7, 6, 2900).unwrap();
    sheet.write_number(7, 7, 110.5).unwrap();
    sheet
        .write_formula(
            7,
            8,
            Formula::new("=F8/D8*100").set_result("108.069230769231"),
        )
        .unwrap();
    // Budget revenue in millions of đồng; its % of plan formatted as a percent (1.03 shows 103%).
    sheet.write_string(8, 0, "2").unwrap();
    sheet.write_string(8, 1, "Thu ngân sách").unwrap();
    sheet.write_string(8, 2, "Tr.đồng").unwrap();
    sheet.write_number(8, 4, 16_909.601_491).unwrap();
    sheet.write_number(8, 5, 17_416.889_536).unwrap();
    sheet
        .write_number_with_format(8, 7, 1.03, &percent)
        .unwrap();
    sheet.write_string(8, 9, "Số ước").unwrap();
    // The poverty rate as percent-formatted cells: 1,2% is 1,2, not 0,012.
    sheet.write_string(9, 0, "3").unwrap();
    sheet.write_string(9, 1, "Tỷ lệ hộ nghèo").unwrap();
    sheet.write_string(9, 2, "%").unwrap();
    sheet
        .write_number_with_format(9, 4, 0.015, &Format::new().set_num_format("0.0%"))
        .unwrap();
    sheet
        .write_number_with_format(9, 5, 0.012, &Format::new().set_num_format("0.0%"))
        .unwrap();
    sheet
        .write_string(11, 0, "Ghi chú: số liệu năm 2021 là số ước tính")
        .unwrap();
    sheet
        .write_string(12, 5, "Thanh Trường, ngày 07 tháng 01 năm 2022")
        .unwrap();
    sheet.write_string(13, 1, "Người lập biểu").unwrap();
    sheet.write_string(13, 5, "TM. ỦY BAN NHÂN DÂN").unwrap();
    sheet.write_string(14, 5, "CHỦ TỊCH").unwrap();
    sheet.write_string(17, 1, "Nguyễn Thị B").unwrap();
    sheet.write_string(17, 5, "Trần Văn A").unwrap();
    book.save(path).unwrap();
}

#[test]
fn an_annex_imports_each_value_to_its_year_with_the_ward_and_year_from_its_title() {
    let scratch = Scratch::new();
    let db = empty_db(&scratch, "annex.db");
    let file = scratch.path("bieu-2021.xlsx");
    annex(&file);
    // No --ward, no --year: the title names both.
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import", "--dry-run"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("2022: 1 giá trị").and(contains("2021: 6 giá trị")))
        .stdout(contains("2020: 1 giá trị"))
        .stderr(contains("phường thanh trường").and(contains("03142")))
        .stderr(contains("năm 2021"))
        // The sheet's slip is named by its cell; the formula and the percent cell agree.
        .stderr(
            contains("dòng 8, cột \"Ước TH/KH So sánh (%)\"")
                .and(contains("bảng ghi 110,5%, các giá trị của nó cho 114,6%")),
        )
        .stderr(contains("dòng 9").not())
        .stderr(contains("So với cùng kỳ").and(contains("cột không dùng: –")));
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("Đã nhập 8 thay đổi"));
    let crop = row(&db, "2021", "crop_output");
    assert_eq!(crop["value"], serde_json::json!(2809.8), "{crop}");
    assert_eq!(crop["stage"], "estimate", "{crop}");
    assert_eq!(crop["percent_of_plan"], serde_json::json!(114.6), "{crop}");
    assert_eq!(crop["previous"], serde_json::json!(2600), "{crop}");
    let budget = row(&db, "2021", "budget_revenue");
    assert_eq!(
        budget["value"],
        serde_json::json!(17_416_889_536_i64),
        "{budget}"
    );
    let poverty = row(&db, "2021", "poverty_rate");
    assert_eq!(poverty["value"], serde_json::json!(1.2), "{poverty}");
    let next = common::report_text(&db, "2022");
    assert!(next.contains("2900"), "{next}");
}

#[test]
fn the_command_line_names_the_year_over_the_title() {
    let scratch = Scratch::new();
    let db = empty_db(&scratch, "annex.db");
    let file = scratch.path("bieu.xlsx");
    annex(&file);
    // The headings' own years stay; "Năm 2021" of the two-row heading names its own year too,
    // so only the columns without a year follow --year: none here.
    ward_kpi()
        .args([
            "--db",
            db.to_str().unwrap(),
            "import",
            "--dry-run",
            "--verbose",
            "--year",
            "2019",
        ])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains(
            "Dòng 8: 03142, 2020, crop_output, Thực hiện: – → 2.600",
        ))
        .stdout(contains("2019").not());
}

#[test]
fn a_title_naming_no_known_ward_stops_the_import_unless_the_ward_is_given() {
    let scratch = Scratch::new();
    let db = empty_db(&scratch, "annex.db");
    let file = scratch.path("khac.csv");
    std::fs::write(
        &file,
        "UBND XÃ KHÔNG CÓ\nBÁO CÁO NĂM 2021\nChỉ tiêu;Kế hoạch;Ước TH\nThu ngân sách;1.500;1.600\n",
    )
    .unwrap();
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import", "--dry-run"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(contains("khac.csv: tiêu đề ghi “xã không có”"));
    ward_kpi()
        .args([
            "--db",
            db.to_str().unwrap(),
            "import",
            "--dry-run",
            "--ward",
            "03142",
        ])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("2021: 2 giá trị"));
}

/// A minimal Word document: paragraphs, then one table of text rows (with a cell spanning two
/// columns where a row has fewer cells than the widest).
fn docx(path: &Path, lines: &[&str], tables: &[Vec<Vec<&str>>]) {
    let escape = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut body = String::new();
    for line in lines {
        body.push_str(&format!(
            "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
            escape(line)
        ));
    }
    for rows in tables {
        body.push_str("<w:tbl>");
        for cells in rows {
            body.push_str("<w:tr>");
            for cell in cells {
                body.push_str(&format!(
                    "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>",
                    escape(cell)
                ));
            }
            body.push_str("</w:tr>");
        }
        body.push_str("</w:tbl><w:p/>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}</w:body></w:document>"
    );
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
    )
    .unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn the_annex_table_inside_a_word_report_imports_the_same_way() {
    let scratch = Scratch::new();
    let db = empty_db(&scratch, "word.db");
    let file = scratch.path("bao-cao.docx");
    docx(
        &file,
        &[
            "ỦY BAN NHÂN DÂN PHƯỜNG THANH TRƯỜNG",
            "Thanh Trường, ngày 07 tháng 01 năm 2022",
            "BÁO CÁO Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2021",
        ],
        &[
            // A first table that is not the annex (the list of recipients).
            vec![vec!["Nơi nhận", "Ghi chú"], vec!["UBND thành phố", ""]],
            vec![
                vec![
                    "STT",
                    "Chỉ tiêu",
                    "ĐVT",
                    "Kế hoạch năm 2021",
                    "Ước thực hiện năm 2021",
                    "% KH",
                ],
                vec![
                    "1",
                    "Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)",
                    "tấn",
                    "2.451,8",
                    "2.809,8",
                    "114,6",
                ],
                vec![
                    "2",
                    "Thu ngân sách",
                    "đồng",
                    "16.909.601.491",
                    "17.416.889.536",
                    "103",
                ],
                // A plan as plans are worded: a ceiling.
                vec!["3", "Tỷ lệ hộ nghèo", "%", "Dưới 1,5%", "1,2", ""],
            ],
        ],
    );
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import"])
        .arg(&file)
        .assert()
        .success()
        .stderr(contains("Bảng 2 (4 dòng)").and(contains("03142")))
        .stdout(contains("Đã nhập 6 thay đổi"));
    let crop = row(&db, "2021", "crop_output");
    assert_eq!(crop["percent_of_plan"], serde_json::json!(114.6), "{crop}");
    let poverty = row(&db, "2021", "poverty_rate");
    assert_eq!(poverty["plan_text"], "Dưới 1,5%", "{poverty}");
    assert_eq!(poverty["status"], "exceeded", "{poverty}");
    // The first table can be asked for by number: it has no header this program reads.
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import", "--table", "1"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(contains("no header row").or(contains("không thấy dòng tiêu đề")));
}

#[test]
fn a_name_of_several_indicators_lists_them_and_the_pick_is_learnt_as_an_alias() {
    let scratch = Scratch::new();
    let db = empty_db(&scratch, "names.db");
    let file = scratch.path("ten.csv");
    std::fs::write(
        &file,
        "Chỉ tiêu;Kế hoạch;Thực hiện\nTỷ lệ hộ nghèo, cận nghèo;2;1,8\n",
    )
    .unwrap();
    let import = |extra: &[&str]| {
        let mut cmd = ward_kpi();
        cmd.args(["--db", db.to_str().unwrap(), "import", "--year", "2021"])
            .args(extra)
            .arg(&file);
        cmd
    };
    // Both rates are near: listed, nothing written, never a guess.
    import(&["--dry-run"])
        .assert()
        .failure()
        .stderr(contains("poverty_rate").and(contains("near_poor_rate")))
        .stderr(contains("--map"));
    // A code the catalogue lacks is refused by name.
    import(&["--map", "Tỷ lệ hộ nghèo, cận nghèo=no_such"])
        .assert()
        .failure()
        .stderr(contains("no_such"));
    // The pick: written, and learnt.
    import(&["--map", "Tỷ lệ hộ nghèo, cận nghèo=near_poor_rate"])
        .assert()
        .success()
        .stderr(contains("lưu làm tên gọi khác"))
        .stdout(contains("Đã nhập 2 thay đổi"));
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "indicators", "--aliases"])
        .assert()
        .success()
        .stdout(contains("Tỷ lệ hộ nghèo, cận nghèo"));
    // The next file of the same kind imports clean, without --map.
    import(&["--dry-run"]).assert().success();
}
