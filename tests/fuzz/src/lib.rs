//! What the fuzz targets share: how a fuzz input picks a number style and a unit, how it becomes
//! a zip (an .xlsx or a .docx) whose parts the fuzzer mutates as plain text, and an import
//! previewed against a demo database.

use std::cell::RefCell;
use std::io::Write as _;
use std::path::PathBuf;

use ward_kpi::domain::number::NumberStyle;
use ward_kpi::domain::{Lang, Unit};
use ward_kpi::import::{self, Defaults};
use ward_kpi::store::Store;

/// Units the number and plan parsers read against: money at every scale, rates, counts, a
/// plain measure, a compound one and none.
pub const UNITS: [&str; 11] = [
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

/// A text input: the first byte picks the number style (its lowest bit) and the unit (the
/// rest), the bytes after it are the text, which must be UTF-8.
pub struct TextInput<'a> {
    pub style: NumberStyle,
    pub unit: Unit,
    pub text: &'a str,
}

impl<'a> TextInput<'a> {
    pub fn new(data: &'a [u8]) -> Option<Self> {
        let (&first, rest) = data.split_first()?;
        let text = std::str::from_utf8(rest).ok()?;
        let style = if first & 1 == 0 {
            NumberStyle::Vi
        } else {
            NumberStyle::En
        };
        let unit = Unit::new(UNITS[usize::from(first >> 1) % UNITS.len()]);
        Some(Self { style, unit, text })
    }

    /// The first byte that picks `style` and the unit at `unit` of [`UNITS`].
    pub fn prefix(style: NumberStyle, unit: usize) -> u8 {
        let unit = u8::try_from(unit).unwrap_or(0) << 1;
        unit | u8::from(style == NumberStyle::En)
    }
}

/// Separates the parts of a zip in a structured input; XML holds no NUL byte. (The seeds are
/// written in this form by `write_seed_corpora` in tests/fuzz_regressions.rs.)
pub const PART_END: u8 = 0;
/// Separates a part's name from its content.
pub const NAME_END: u8 = 1;

/// The file a zip input stands for: a real zip (starting `PK\x03\x04`) as it is, so that the
/// fuzzer also mutates the zip's own structure; else the parts `name \x01 content`, separated
/// by `\x00`, stored uncompressed in a new zip, so that mutations reach the XML readers instead
/// of failing the zip's checksums.
pub fn zip_file(data: &[u8]) -> Vec<u8> {
    if data.starts_with(b"PK\x03\x04") {
        return data.to_vec();
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for part in data.split(|&b| b == PART_END) {
        let Some(at) = part.iter().position(|&b| b == NAME_END) else {
            continue;
        };
        let name = String::from_utf8_lossy(&part[..at]);
        // A name the writer refuses (a duplicate, say) is skipped like a part without a name.
        if zip.start_file(name.as_ref(), options).is_err() {
            continue;
        }
        if zip.write_all(&part[at + 1..]).is_err() {
            return Vec::new();
        }
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .unwrap_or_default()
}

struct Previewer {
    _dir: tempfile::TempDir,
    store: Store,
    file: PathBuf,
}

thread_local! {
    static PREVIEWER: RefCell<Option<Previewer>> = const { RefCell::new(None) };
}

/// Previews importing `bytes`, as a file with the extension `ext`, into the demo database, in
/// both languages of messages, and words every outcome as the faces would. Panics only where
/// the program does.
pub fn preview(ext: &str, bytes: &[u8]) {
    PREVIEWER.with(|cell| {
        let mut cell = cell.borrow_mut();
        let previewer = cell.get_or_insert_with(|| {
            // libFuzzer's panic hook aborts on every panic, even one the program catches (the
            // Excel reader refuses a workbook calamine panics on): the default hook instead, so
            // that only a panic out of `preview` is a crash (libfuzzer-sys aborts on those).
            drop(std::panic::take_hook());
            // /dev/shm where there is one: a file written per run costs nothing there.
            let dir = tempfile::tempdir_in("/dev/shm")
                .or_else(|_| tempfile::tempdir())
                .expect("a temporary folder");
            let db = dir.path().join("demo.db");
            let store = ward_kpi::demo::create_demo(&db).expect("the demo database");
            Previewer {
                file: dir.path().join("fuzz"),
                _dir: dir,
                store,
            }
        });
        let file = previewer.file.with_extension(ext);
        std::fs::write(&file, bytes).expect("the input is written");
        for lang in [Lang::Vi, Lang::En] {
            let defaults = Defaults {
                lang,
                ..Defaults::default()
            };
            match import::preview(&previewer.store, &file, &defaults) {
                Ok(preview) => {
                    for problem in preview.problems.iter().chain(&preview.warnings) {
                        std::hint::black_box(problem.describe(lang));
                    }
                    if let Ok(found) = &preview.style {
                        std::hint::black_box(found.describe(lang));
                    }
                    std::hint::black_box(preview.batch().is_some());
                }
                Err(error) => {
                    let error = ward_kpi::messages::describe(&anyhow::Error::from(error), lang);
                    std::hint::black_box(error);
                }
            }
        }
    });
}
