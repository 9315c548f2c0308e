//! Inputs the fuzzers (tests/fuzz, cargo-fuzz) found nasty, fed to the number parser, the plan
//! parser and the importer's CSV, Excel and Word readers as ordinary tests: each is read
//! without a panic, to the value or the refusal it should give. The inputs are kept as files in
//! tests/fuzz/regressions, named by target (`number-…`, `plan-…`, `import_csv-…`, …), in the
//! form the target reads them. Also the writer of the fuzz targets' seed corpora (ignored: run
//! it before fuzzing).

#![allow(clippy::unwrap_used)]

use std::io::Write as _;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Formula, Workbook};
use ward_kpi::domain::number::{self, NumberError, NumberStyle};
use ward_kpi::domain::{Lang, Locale, PlanTarget, Unit};
use ward_kpi::export::{self, WardYear};
use ward_kpi::import::{self, Defaults};

// Found by the fuzzers.

#[test]
fn a_number_scaled_past_28_digits_is_refused_rather_than_shown_unreadable() {
    // The number target: in a ‰ field a % multiplies by ten, and 28 digits became 29, which a
    // decimal holds: the value was taken, then shown in digits the reader refuses.
    let per_mille = Unit::new("‰");
    let text = "5999999999999949999999999996%";
    assert_eq!(
        number::parse(text, &per_mille, NumberStyle::En),
        Err(NumberError::TooLarge)
    );
    // A scale word did the same: 10²⁵ thousands.
    let thousands = format!("1{} nghìn", "0".repeat(25));
    assert_eq!(
        number::parse(&thousands, &Unit::new("tấn"), NumberStyle::Vi),
        Err(NumberError::TooLarge)
    );
    // 28 digits once scaled are read, and read back as shown.
    let read = number::parse("599999999999994999999999999%", &per_mille, NumberStyle::En).unwrap();
    let shown = number::format_with_unit(read.value, &per_mille, Lang::En, NumberStyle::En);
    assert_eq!(
        number::parse(&shown, &per_mille, NumberStyle::En)
            .unwrap()
            .value,
        read.value
    );
}

/// Previews importing `bytes` as `name` into a fresh demo database: if the file is refused as a
/// whole, whether as unreadable, and the message the user reads.
fn preview_error(name: &str, bytes: &[u8]) -> Option<(bool, String)> {
    let dir = tempfile::tempdir().unwrap();
    let store = ward_kpi::demo::create_demo(&dir.path().join("demo.db")).unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let defaults = Defaults {
        lang: Lang::Vi,
        ..Defaults::default()
    };
    let error = import::preview(&store, &file, &defaults).err()?;
    let unreadable = matches!(error, import::ImportError::Unreadable { .. });
    let shown = ward_kpi::messages::describe(&anyhow::Error::from(error), Lang::Vi);
    Some((unreadable, shown))
}

#[test]
fn broken_files_are_refused_as_unreadable_naming_the_file() {
    // What the fuzzers made most of: a workbook cut short or without its shared strings, a Word
    // report that is a zip in name only, a CSV that is not UTF-8, a workbook whose parts are not
    // XML.
    let workbook = {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annex.xlsx");
        annex(&path);
        std::fs::read(&path).unwrap()
    };
    // A workbook that lost its shared strings: every text cell names one it does not hold,
    // which made calamine panic (found by the Excel target).
    let parts = zip_parts(&workbook);
    let without_strings: Vec<&[u8]> = parts
        .split(|&b| b == 0)
        .filter(|part| !part.starts_with(b"xl/sharedStrings.xml"))
        .collect();
    let no_strings = zip_file(&without_strings.join(&0));
    let not_xml = zip_file(b"[Content_Types].xml\x01<Types\x00xl/workbook.xml\x01<<<\x00xl/worksheets/sheet1.xml\x01\xff");
    let cases: [(&str, Vec<u8>); 5] = [
        ("cut.xlsx", workbook[..workbook.len() / 2].to_vec()),
        ("no-shared-strings.xlsx", no_strings),
        ("zip-in-name.docx", b"PK\x03\x04 not a zip".to_vec()),
        (
            "latin1.csv",
            b"Ch\xe1 ti\xeau;Th\xf1c hi\xean\ncrop_output;2.809,8\n".to_vec(),
        ),
        ("not-xml.xlsx", not_xml),
    ];
    for (name, bytes) in cases {
        let Some((unreadable, shown)) = preview_error(name, &bytes) else {
            panic!("{name} was read");
        };
        assert!(unreadable, "{name}: {shown}");
        assert!(
            shown.contains(name) && shown.contains("không đọc được tệp"),
            "{shown}"
        );
    }
}

/// The units of `fuzz_common::UNITS` (tests/fuzz/src/lib.rs), in its order.
const UNITS: [&str; 11] = [
    "",
    "%",
    "‰",
    "ha",
    "hộ",
    "người",
    "triệu đồng",
    "triệu đồng/người/năm",
    "tấn",
    "tỷ đồng",
    "đồng",
];

/// A text input as the number and plan targets read it: the first byte picks the style (its
/// lowest bit) and the unit, the rest is the text.
fn text_input(bytes: &[u8]) -> (NumberStyle, Unit, &str) {
    let (&first, rest) = bytes.split_first().unwrap();
    let style = if first & 1 == 0 {
        NumberStyle::Vi
    } else {
        NumberStyle::En
    };
    let unit = Unit::new(UNITS[usize::from(first >> 1) % UNITS.len()]);
    (style, unit, std::str::from_utf8(rest).unwrap())
}

/// What the number target asserts: a text read is shown, and read back as the same value.
fn number_reads_back(bytes: &[u8]) {
    let (style, unit, text) = text_input(bytes);
    if let Ok(read) = number::parse(text, &unit, style) {
        let shown = number::format_with_unit(read.value, &unit, Lang::Vi, style);
        let again = number::parse(&shown, &unit, style);
        assert_eq!(
            again.map(|r| r.value),
            Ok(read.value),
            "{text:?} shown as {shown:?}"
        );
    }
}

/// What the plan target asserts: a plan read is written in each language and style, and read
/// back as the same plan; its stored numbers with its text give it back.
fn plan_reads_back(bytes: &[u8]) {
    let (style, unit, text) = text_input(bytes);
    if let Ok((target, _)) = PlanTarget::parse(text, &unit, style) {
        for lang in Lang::ALL {
            for out in NumberStyle::ALL {
                let written = target.text(Locale { lang, style: out });
                let again = PlanTarget::parse(&written, &unit, out).map(|(t, _)| t);
                assert_eq!(again, Ok(target), "{text:?} written {written:?}");
            }
        }
        let stored = PlanTarget::range(target.low(), target.high()).with_wording(text);
        assert_eq!(stored, target, "{text:?}");
    }
}

/// A zip input as the Excel and Word targets read it (see `fuzz_common::zip_file`): a real zip,
/// or parts `name \x01 content` separated by `\x00`, zipped anew.
fn zip_file(bytes: &[u8]) -> Vec<u8> {
    if bytes.starts_with(b"PK\x03\x04") {
        return bytes.to_vec();
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for part in bytes.split(|&b| b == 0) {
        let Some(at) = part.iter().position(|&b| b == 1) else {
            continue;
        };
        if zip
            .start_file(String::from_utf8_lossy(&part[..at]).as_ref(), options)
            .is_ok()
        {
            zip.write_all(&part[at + 1..]).unwrap();
        }
    }
    zip.finish().unwrap().into_inner()
}

/// Every input kept in tests/fuzz/regressions, through what its target asserts: the parsers'
/// read-back properties, and imports previewed (an error or problems, never a panic).
#[test]
fn every_kept_fuzz_input_reads_as_its_target_expects() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/regressions");
    let dir = tempfile::tempdir().unwrap();
    let store = ward_kpi::demo::create_demo(&dir.path().join("demo.db")).unwrap();
    let mut seen = 0;
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let (target, _) = name.split_once('-').unwrap();
        let file = |ext: &str, bytes: &[u8]| {
            let file = dir.path().join(format!("input.{ext}"));
            std::fs::write(&file, bytes).unwrap();
            file
        };
        let import = match target {
            "number" => {
                number_reads_back(&bytes);
                None
            }
            "plan" => {
                plan_reads_back(&bytes);
                None
            }
            "import_csv" => Some(file("csv", &bytes)),
            "import_xlsx" => Some(file("xlsx", &zip_file(&bytes))),
            "import_docx" => Some(file("docx", &zip_file(&bytes))),
            other => panic!("{name}: no fuzz target '{other}'"),
        };
        if let Some(file) = import {
            for lang in Lang::ALL {
                let defaults = Defaults {
                    lang,
                    ..Defaults::default()
                };
                // Read (its problems, if any, listed in the preview), or refused with an error
                // that names the file.
                if let Err(error) = import::preview(&store, &file, &defaults) {
                    let text = error.to_string();
                    assert!(text.contains("input."), "{name}: {text}");
                }
            }
        }
        seen += 1;
    }
    assert!(seen > 0, "no input in {}", folder.display());
}

// The seed corpora.

const NUMBERS: &[&str] = &[
    "2.809,8",
    "2,809.8",
    "17.416.889.536",
    "17,416,889,536",
    "17.416,889,536",
    "17 416 889 536",
    "114,6%",
    "114.6%",
    "0,5‰",
    "208 tỷ",
    "208 tỷ đồng",
    "8.254,817 triệu đồng",
    "2 nghìn tỷ",
    "1,5 triệu",
    "2.600",
    "1,500",
    ",5",
    "-0",
    "−5",
    "+3",
    "1e5",
    "1..2",
    "5,",
    "0,0000000000000000000000000001",
    "79.228.162.514.264.337.593.543.950.335",
    "9999999999999999999999999999",
    "\u{a0}2\u{202f}809,8\u{200b}",
    "2 tấn",
    "12 hộ",
];

const PLANS: &[&str] = &[
    "6,6 – 6,8",
    "6,6-6,8",
    "6.6..6.8",
    "dưới 3%",
    "Dưới 3%",
    "duoi 3%",
    "không quá 3%",
    "≤ 3",
    "<= 3",
    "3% trở xuống",
    "Trên 150",
    "tối thiểu 150",
    "ít nhất 150",
    "≥ 150",
    "từ 95% trở lên",
    "Khoảng 4",
    "~4",
    "about 4",
    "approx. 4",
    "tăng 5% so với năm trước",
    "tăng 10% so với cùng kỳ",
    "giảm 5%",
    "giảm 0,5 điểm %",
    "bằng cùng kỳ",
    "up 10% on last year",
    "down 0.5 points",
    "same as last year",
    "at most 3.5",
    "at least 2,809.8",
    "tăng 10",
    "2.451,8",
];

/// Style and unit prefixes: both styles against a plain, a money, a rate and a count unit.
const PREFIXES: [(NumberStyle, u8); 8] = [
    (NumberStyle::Vi, 0),
    (NumberStyle::En, 0),
    (NumberStyle::Vi, 1),
    (NumberStyle::En, 1),
    (NumberStyle::Vi, 10),
    (NumberStyle::En, 9),
    (NumberStyle::Vi, 4),
    (NumberStyle::Vi, 8),
];

const CSVS: &[&str] = &[
    "BÁO CÁO KẾT QUẢ NĂM 2021\nPhường Thanh Trường\n\n\
     STT;Chỉ tiêu;ĐVT;Kế hoạch;Ước đạt;Thực hiện;Ghi chú\n\
     1;Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3);tấn;2.451,8;;2.809,8;\n\
     \n\
     2;Thu ngân sách;đồng;16.909.601.491;17.416,889,536;;bài báo\n\
     3;Doanh thu thương mại - dịch vụ;tỷ đồng;;208 tỷ;;\n",
    "Mã phường;Năm;Mã chỉ tiêu;Kế hoạch;Thực hiện\n03142;2021;crop_output;2.451,8;2.809,8\n\
     03142;2022;budget_revenue;dưới 3%;17.416.889.536\n",
    "indicator,year,plan,value\ncrop_output,2021,\"2,451.8\",\"2,809.8\"\n\
     poverty_rate,2021,at most 3%,1.2\n",
    "STT\tChỉ tiêu\tĐVT\tNăm 2023\t\n\t\t\tKế hoạch\tƯớc TH\n1\tThu NS\tTr.đồng\t2.600\t2.700\n",
    "ỦY BAN NHÂN DÂN PHƯỜNG THANH TRƯỜNG\nBIỂU TỔNG HỢP NĂM 2021\n\
     STT;Chỉ tiêu;ĐVT;KH 2021;Ước TH 2021;% KH;So với cùng kỳ\nA;B;C;1;2;3=2/1;4\n\
     I;KINH TẾ;;;;;\n1;Sản lượng cây trồng;tấn;2.451,8;2.809,8;110,5;\n\
     2;Tỷ lệ hộ nghèo;%;Dưới 1,5%;1,2;;\nGhi chú: số ước\nNgười lập biểu;;;;TM. ỦY BAN NHÂN DÂN\n",
];

/// Writes the seed corpora of the fuzz targets (see the module's doc) into `tests/fuzz/corpus`,
/// or the folder `FUZZ_CORPUS` names.
#[test]
#[ignore = "writes the fuzz seed corpora: run before fuzzing"]
fn write_seed_corpora() {
    let root = std::env::var_os("FUZZ_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/corpus"),
        PathBuf::from,
    );
    let seed = |target: &str, name: &str, bytes: &[u8]| {
        let dir = root.join(target);
        std::fs::create_dir_all(&dir).expect("the corpus folder");
        std::fs::write(dir.join(format!("seed-{name}")), bytes).expect("a seed");
    };
    for (target, texts) in [("number", NUMBERS), ("plan", PLANS)] {
        for (i, text) in texts.iter().enumerate() {
            for (j, &(style, unit)) in PREFIXES.iter().enumerate() {
                let mut bytes = vec![prefix(style, unit)];
                bytes.extend_from_slice(text.as_bytes());
                seed(target, &format!("{i:02}-{j}"), &bytes);
            }
        }
    }
    for (i, csv) in CSVS.iter().enumerate() {
        seed("import_csv", &format!("hand-{i}"), csv.as_bytes());
    }

    let dir = tempfile::tempdir().expect("a temporary folder");
    let ward = demo_ward_year(dir.path());
    for (format, name) in [
        (export::Format::Csv, "demo.csv"),
        (export::Format::Xlsx, "demo.xlsx"),
    ] {
        for lang in Lang::ALL {
            let path = dir.path().join(format!("{}-{name}", lang.code()));
            export::write(
                format,
                std::slice::from_ref(&ward),
                &export::Paper::plain(jiff::civil::date(2022, 1, 7)),
                Locale::from(lang),
                &path,
            )
            .expect("the demo exports");
            let bytes = std::fs::read(&path).expect("the export reads");
            if format == export::Format::Csv {
                seed("import_csv", &format!("{}-{name}", lang.code()), &bytes);
            } else {
                zip_seeds(
                    &seed,
                    "import_xlsx",
                    &format!("{}-{name}", lang.code()),
                    &bytes,
                );
            }
        }
    }
    let annex_path = dir.path().join("annex.xlsx");
    annex(&annex_path);
    let bytes = std::fs::read(&annex_path).expect("the annex reads");
    zip_seeds(&seed, "import_xlsx", "annex.xlsx", &bytes);
    zip_seeds(&seed, "import_docx", "report.docx", &docx());
}

/// The first byte of a text input that picks `style` and the unit at index `unit` of
/// `fuzz_common::UNITS` (tests/fuzz/src/lib.rs).
fn prefix(style: NumberStyle, unit: u8) -> u8 {
    (unit << 1) | u8::from(style == NumberStyle::En)
}

/// The parts of a zip in the form `fuzz_common::zip_file` zips anew: `name \x01 content`,
/// separated by `\x00`.
fn zip_parts(zip_bytes: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut out = Vec::new();
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).unwrap();
        if part.is_dir() {
            continue;
        }
        if !out.is_empty() {
            out.push(0);
        }
        out.extend_from_slice(part.name().unwrap().as_bytes());
        out.push(1);
        std::io::copy(&mut part, &mut out).unwrap();
    }
    out
}

/// A zip seed both as it is and as its parts.
fn zip_seeds(seed: &impl Fn(&str, &str, &[u8]), target: &str, name: &str, bytes: &[u8]) {
    seed(target, name, bytes);
    seed(target, &format!("{name}.parts"), &zip_parts(bytes));
}

/// Phường Thanh Trường's published year 2021, from a fresh demo database in `dir`.
fn demo_ward_year(dir: &Path) -> WardYear {
    let store = ward_kpi::demo::create_demo(&dir.join("demo.db")).expect("the demo database");
    let (id, unit) = store.unit_for("03142", 2021).expect("the demo ward");
    WardYear::new(
        unit,
        2021,
        store.year_data(id, 2021).expect("the demo year"),
    )
}

/// An annex as wards keep it (as in tests/annex.rs): a title naming the ward and the year, two
/// heading rows with merged cells, column numbers, a category row, millions, percent-formatted
/// cells, a formula, a note and a signature block.
fn annex(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let merged = Format::new();
    let percent = Format::new().set_num_format("0%");
    let cells: Result<(), rust_xlsxwriter::XlsxError> = (|| {
        sheet.write_string(0, 0, "ỦY BAN NHÂN DÂN PHƯỜNG THANH TRƯỜNG")?;
        sheet.write_string(1, 0, "BIỂU TỔNG HỢP CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2021")?;
        for (column, heading) in [
            (0, "STT"),
            (1, "Chỉ tiêu"),
            (2, "ĐVT"),
            (3, "Thực hiện năm 2020"),
            (6, "Kế hoạch năm 2022"),
            (9, "Ghi chú"),
        ] {
            sheet.merge_range(3, column, 4, column, heading, &merged)?;
        }
        sheet.merge_range(3, 4, 3, 5, "Năm 2021", &merged)?;
        sheet.merge_range(3, 7, 3, 8, "So sánh (%)", &merged)?;
        sheet.write_string(4, 4, "Kế hoạch")?;
        sheet.write_string(4, 5, "Ước TH")?;
        sheet.write_string(4, 7, "Ước TH/KH")?;
        sheet.write_string(4, 8, "So với cùng kỳ")?;
        for (column, label) in (0_u16..).zip(["A", "B", "C", "1", "2", "3", "4", "5=3/2", "6=3/1"])
        {
            sheet.write_string(5, column, label)?;
        }
        sheet.write_string(6, 0, "I")?;
        sheet.write_string(6, 1, "KINH TẾ")?;
        sheet.write_string(7, 0, "1")?;
        sheet.write_string(7, 1, "Sản lượng cây trồng")?;
        sheet.write_string(7, 2, "Tấn")?;
        sheet.write_number(7, 3, 2600)?;
        sheet.write_number(7, 4, 2451.8)?;
        sheet.write_number(7, 5, 2809.8)?;
        sheet.write_number(7, 6, 2900)?;
        sheet.write_number(7, 7, 110.5)?;
        sheet.write_formula(
            7,
            8,
            Formula::new("=F8/D8*100").set_result("108.069230769231"),
        )?;
        sheet.write_string(8, 0, "2")?;
        sheet.write_string(8, 1, "Thu ngân sách")?;
        sheet.write_string(8, 2, "Tr.đồng")?;
        sheet.write_number(8, 4, 16_909.601_491)?;
        sheet.write_number(8, 5, 17_416.889_536)?;
        sheet.write_number_with_format(8, 7, 1.03, &percent)?;
        sheet.write_string(8, 9, "Số ước")?;
        sheet.write_string(9, 0, "3")?;
        sheet.write_string(9, 1, "Tỷ lệ hộ nghèo")?;
        sheet.write_string(9, 2, "%")?;
        let tenth = Format::new().set_num_format("0.0%");
        sheet.write_number_with_format(9, 4, 0.015, &tenth)?;
        sheet.write_number_with_format(9, 5, 0.012, &tenth)?;
        sheet.write_string(10, 1, "Tỷ lệ lao động có việc làm")?;
        sheet.write_string(10, 2, "%")?;
        sheet.write_string(10, 4, "Dưới 3%")?;
        sheet.write_string(10, 5, "6,6 – 6,8")?;
        sheet.write_string(11, 0, "Ghi chú: số liệu năm 2021 là số ước tính")?;
        sheet.write_string(12, 5, "Thanh Trường, ngày 07 tháng 01 năm 2022")?;
        sheet.write_string(13, 1, "Người lập biểu")?;
        sheet.write_string(13, 5, "TM. ỦY BAN NHÂN DÂN")?;
        sheet.write_string(14, 5, "CHỦ TỊCH")?;
        Ok(())
    })();
    cells.expect("the annex cells");
    book.save(path).expect("the annex is written");
}

/// A Word report (as in tests/annex.rs): heading lines, a table that is not the annex, and the
/// annex table.
fn docx() -> Vec<u8> {
    let lines = [
        "ỦY BAN NHÂN DÂN PHƯỜNG THANH TRƯỜNG",
        "Thanh Trường, ngày 07 tháng 01 năm 2022",
        "BÁO CÁO Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2021",
    ];
    let tables: [&[&[&str]]; 2] = [
        &[&["Nơi nhận", "Ghi chú"], &["UBND thành phố", ""]],
        &[
            &[
                "STT",
                "Chỉ tiêu",
                "ĐVT",
                "Kế hoạch năm 2021",
                "Ước thực hiện năm 2021",
                "% KH",
            ],
            &[
                "1",
                "Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)",
                "tấn",
                "2.451,8",
                "2.809,8",
                "114,6",
            ],
            &[
                "2",
                "Thu ngân sách",
                "đồng",
                "16.909.601.491",
                "17.416.889.536",
                "103",
            ],
            &["3", "Tỷ lệ hộ nghèo", "%", "Dưới 1,5%", "1,2", ""],
        ],
    ];
    let mut body = String::new();
    for line in lines {
        body.push_str(&format!("<w:p><w:r><w:t>{line}</w:t></w:r></w:p>"));
    }
    for rows in tables {
        body.push_str("<w:tbl>");
        for (r, cells) in rows.iter().enumerate() {
            body.push_str("<w:tr>");
            for (c, cell) in cells.iter().enumerate() {
                // A merged cell across two columns and one down, as Word writes them.
                let props = match (r, c) {
                    (0, 0) => "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>",
                    (0, 1) => "<w:tcPr><w:gridSpan w:val=\"1\"/></w:tcPr>",
                    _ => "",
                };
                body.push_str(&format!(
                    "<w:tc>{props}<w:p><w:r><w:t>{cell}</w:t></w:r></w:p></w:tc>"
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
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let parts: [(&str, &[u8]); 2] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        ("word/document.xml", document.as_bytes()),
    ];
    for (name, bytes) in parts {
        zip.start_file(name, options).expect("a part");
        zip.write_all(bytes).expect("a part");
    }
    zip.finish().expect("the report").into_inner()
}
