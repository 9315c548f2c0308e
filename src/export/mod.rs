//! Exports: the year's report as the city expects it (Excel, Word, PDF, CSV, the chart as a
//! picture, the report sentences), for one ward or many. Exports know the domain, never the window or
//! SQL: callers hand them the wards' years the store read ([`crate::store::Store::ward_years`]).
//! Every file is written under a temporary name beside its target and renamed into place once
//! complete, so a failed export never leaves half a file.

pub mod catalogue;
pub mod chart;
pub mod compare;
pub mod csv;
pub mod docx;
pub mod draw;
pub mod font;
pub mod handout;
pub mod machine;
pub mod pdf;
pub mod pdf_compare;
pub mod png;
pub mod text;
pub mod xlsx;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::domain::Locale;
use crate::domain::report::Report;
pub use crate::domain::report::WardYear;
pub use docx::Paper;

/// The formats a report exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Excel workbook: the report table, a chart of % of plan, every figure.
    Xlsx,
    /// Word document in the state's format (NĐ 30/2020): the report and its annex table.
    Docx,
    /// A4 PDF: the table, the chart and the report sentences.
    Pdf,
    /// UTF-8 CSV with a byte-order mark, one row per ward and indicator.
    Csv,
    /// The % of plan chart as a picture (one ward).
    Png,
    /// The report sentences, one per indicator.
    Txt,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Self; 6] = [
        Self::Xlsx,
        Self::Docx,
        Self::Pdf,
        Self::Csv,
        Self::Png,
        Self::Txt,
    ];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Xlsx => "xlsx",
            Self::Docx => "docx",
            Self::Pdf => "pdf",
            Self::Csv => "csv",
            Self::Png => "png",
            Self::Txt => "txt",
        }
    }

    /// The format a file name asks for, by its extension.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_string_lossy().to_lowercase();
        Self::ALL.into_iter().find(|f| f.extension() == extension)
    }
}

/// Why an export failed; the target file is then left as it was. Every variant names the file
/// the user asked for, never the temporary one it is first written under.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    // The cause is said after the path by `{:#}` (it is the error's source), not twice.
    #[error("{} cannot be written", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The target's folder does not exist (or is not a folder): nothing was written.
    #[error("{} cannot be written: the folder {} does not exist", path.display(), folder.display())]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("{}: the workbook cannot be written: {detail}", path.display())]
    Workbook { path: PathBuf, detail: String },
    #[error("{}: the {format} cannot be drawn: {detail}", path.display())]
    Render {
        path: PathBuf,
        format: &'static str,
        detail: String,
    },
    #[error("nothing to export: no ward selected")]
    Empty,
    #[error("a chart picture shows one ward: choose one ward rather than all {count}")]
    OneWardOnly { count: usize },
}

impl ExportError {
    /// The same error naming `path` where it named `temp`.
    fn naming(self, temp: &Path, path: &Path) -> Self {
        let point = |p: PathBuf| if p == temp { path.to_path_buf() } else { p };
        match self {
            Self::Io { path, source } => Self::Io {
                path: point(path),
                source,
            },
            Self::Workbook { path, detail } => Self::Workbook {
                path: point(path),
                detail,
            },
            Self::Render {
                path,
                format,
                detail,
            } => Self::Render {
                path: point(path),
                format,
                detail,
            },
            other => other,
        }
    }
}

/// A workbook that could not be saved at `path`: a file system failure keeps its cause (and
/// so its reason in the user's language), anything else the workbook library's words.
pub(crate) fn workbook_error(path: &Path, error: rust_xlsxwriter::XlsxError) -> ExportError {
    match error {
        rust_xlsxwriter::XlsxError::IoError(source) => ExportError::Io {
            path: path.to_path_buf(),
            source,
        },
        other => ExportError::Workbook {
            path: path.to_path_buf(),
            detail: other.to_string(),
        },
    }
}

/// Writes the wards' year in a format to `path`, all or nothing. `paper` gives each ward's
/// letterhead and the date for a Word document; the other formats do not use it.
pub fn write(
    format: Format,
    wards: &[WardYear],
    paper: &Paper<'_>,
    locale: Locale,
    path: &Path,
) -> Result<(), ExportError> {
    let lang = locale.lang;
    if wards.is_empty() {
        return Err(ExportError::Empty);
    }
    if format == Format::Png && wards.len() > 1 {
        return Err(ExportError::OneWardOnly { count: wards.len() });
    }
    write_whole(path, |temp| match format {
        Format::Xlsx => xlsx::write(wards, locale, temp),
        Format::Csv => {
            let reports: Vec<&Report> = wards.iter().map(|w| &w.report).collect();
            write_bytes(temp, &csv::to_bytes(&reports, lang, true))
        }
        Format::Txt => write_bytes(temp, text::sentences(wards, locale).as_bytes()),
        Format::Docx => docx::to_bytes(wards, paper, locale)
            .map_err(|detail| render_error(path, "Word document", detail))
            .and_then(|bytes| write_bytes(temp, &bytes)),
        Format::Pdf => pdf::to_bytes(wards, locale)
            .map_err(|detail| render_error(path, "PDF", detail))
            .and_then(|bytes| write_bytes(temp, &bytes)),
        Format::Png => {
            let faces = font::Faces::new();
            let (width, least) = png::SIZE;
            let height = chart::height(&wards[0].report, locale, &faces, width, least);
            let scene = chart::layout(&wards[0].report, locale, &faces, width, height);
            png::render(&scene, &faces)
                .map_err(|detail| render_error(path, "PNG", detail))
                .and_then(|bytes| write_bytes(temp, &bytes))
        }
    })
}

/// Writes `path` all or nothing, the one way every export does: `fill` writes a temporary
/// file beside it, which is renamed into place once whole, and removed when anything failed.
/// Errors name `path`, the file the user asked for; a missing folder is said before anything
/// is drawn.
pub(crate) fn write_whole(
    path: &Path,
    fill: impl FnOnce(&Path) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    if let Some(folder) = crate::target::missing_folder(path) {
        return Err(ExportError::NoFolder {
            path: path.to_path_buf(),
            folder,
        });
    }
    let temp = temporary_beside(path);
    let written = fill(&temp).and_then(|()| {
        std::fs::rename(&temp, path).map_err(|source| ExportError::Io {
            path: path.to_path_buf(),
            source,
        })
    });
    if written.is_err()
        && let Err(e) = std::fs::remove_file(&temp)
        && e.kind() != std::io::ErrorKind::NotFound
    {
        eprintln!("ward-kpi: could not remove {}: {e}", temp.display());
    }
    written.map_err(|e| e.naming(&temp, path))
}

fn render_error(path: &Path, format: &'static str, detail: String) -> ExportError {
    ExportError::Render {
        path: path.to_path_buf(),
        format,
        detail,
    }
}

/// A temporary name in the target's folder, so the final rename stays on one file system.
fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.part-{}", std::process::id()))
}

fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::create(path).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.sync_all().map_err(io)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod tests {
    use super::WardYear;

    /// Phường Thanh Trường's published year 2021, from a fresh demo database.
    pub fn demo_ward_year() -> (tempfile::TempDir, WardYear) {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::demo::create_demo(&dir.path().join("d.db")).unwrap();
        let (id, unit) = store.unit_for("03142", 2021).unwrap();
        let ward = WardYear::new(unit, 2021, store.year_data(id, 2021).unwrap());
        (dir, ward)
    }
}
