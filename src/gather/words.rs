//! A gathering and its submissions in words: a line per ward-year, what becomes of it, the
//! moment a file was received.

use super::{Gathering, Status, WardYearRead};
use crate::domain::Lang;
use crate::domain::number::{self, NumberStyle};

/// A line per ward-year: its file, the ward, the year, what becomes of it and its changes.
pub fn ward_lines(gathering: &Gathering, lang: Lang, style: NumberStyle) -> Vec<String> {
    let mut lines = Vec::new();
    for ward in &gathering.ward_years {
        lines.push(
            rust_i18n::t!(
                "gather.line",
                locale = lang.code(),
                file = gathering.files[ward.file].name,
                ward = ward.name,
                code = ward.code,
                year = ward.year,
                status = status(gathering, ward, lang),
                changes = number::format_count(ward.changes, style)
            )
            .into_owned(),
        );
        if ward.cleared > 0 {
            lines.push(format!(
                "  {}",
                rust_i18n::t!(
                    "gather.cleared",
                    locale = lang.code(),
                    count = number::format_count(ward.cleared, style)
                )
            ));
        }
    }
    lines
}

/// What becomes of a ward-year, in words.
pub fn status(gathering: &Gathering, ward: &WardYearRead, lang: Lang) -> String {
    let locale = lang.code();
    match &ward.status {
        Status::New => rust_i18n::t!("gather.status.new", locale = locale),
        Status::Replaces {
            file_name,
            received_at,
        } => rust_i18n::t!(
            "gather.status.replaces",
            locale = locale,
            file = file_name,
            day = day(*received_at)
        ),
        Status::Same { received_at } => rust_i18n::t!(
            "gather.status.same",
            locale = locale,
            day = day(*received_at)
        ),
        Status::Superseded { by } => rust_i18n::t!(
            "gather.status.superseded",
            locale = locale,
            file = gathering.files[*by].name
        ),
    }
    .into_owned()
}

/// A moment as people read it, in local time: "30/11/2026 14:05".
pub fn day(at: jiff::Timestamp) -> String {
    at.to_zoned(jiff::tz::TimeZone::system())
        .strftime("%d/%m/%Y %H:%M")
        .to_string()
}
