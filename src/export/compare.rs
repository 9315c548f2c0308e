//! The ward comparison to a file: an Excel sheet ([`super::xlsx::compare`]) or a PDF
//! ([`super::pdf_compare`]), rows in the order the user sorted them, written all or nothing as
//! every export is. Also the words both share: the title and the parent's line.

use std::path::Path;

use super::{ExportError, render_error, write_bytes};
use crate::domain::compare::Comparison;
use crate::domain::{AdminUnit, Lang, Locale, number};

/// The formats the comparison exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Xlsx,
    Pdf,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Xlsx => "xlsx",
            Self::Pdf => "pdf",
        }
    }
}

/// Writes the comparison, its rows in `order` (indices into its rows), under `parent`.
pub fn write(
    format: Format,
    comparison: &Comparison,
    parent: &AdminUnit,
    order: &[usize],
    locale: Locale,
    path: &Path,
) -> Result<(), ExportError> {
    if comparison.rows.is_empty() {
        return Err(ExportError::Empty);
    }
    super::write_whole(path, |temp| match format {
        Format::Xlsx => super::xlsx::compare::write(comparison, parent, order, locale, temp),
        Format::Pdf => super::pdf_compare::to_bytes(comparison, parent, order, locale)
            .map_err(|detail| render_error(path, "PDF", detail))
            .and_then(|bytes| write_bytes(temp, &bytes)),
    })
}

/// "SO SÁNH KẾT QUẢ THỰC HIỆN CHỈ TIÊU CÁC PHƯỜNG NĂM 2024".
pub fn title(year: i16, lang: Lang) -> String {
    rust_i18n::t!("compare.title", locale = lang.code(), year = year).into_owned()
}

/// "Tỉnh Điện Biên (mã 11): 45 phường, xã".
pub fn parent_line(parent: &AdminUnit, wards: usize, locale: Locale) -> String {
    rust_i18n::t!(
        "compare.parent_line",
        locale = locale.lang.code(),
        name = parent.name,
        code = parent.code,
        count = number::format_count(wards, locale.style)
    )
    .into_owned()
}
