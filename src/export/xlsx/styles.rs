//! Every cell format of the workbook, each built once per export: the titles, the bordered
//! report table (numbers at each indicator's precision, % of plan, the change on last year, the
//! status colours), and the unbordered figures sheet.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

use super::tr;
use crate::domain::Lang;
use crate::domain::compute::Status;

/// Decimals a number style can show; the catalogue allows no more.
pub(super) const MAX_DECIMALS: usize = 6;

/// Every cell style of the workbook, each built once.
pub(super) struct Styles {
    pub(super) title: Format,
    pub(super) subtitle: Format,
    pub(super) legend: Format,
    pub(super) note: Format,
    pub(super) header: Format,
    pub(super) category: Format,
    pub(super) category_number: Format,
    /// Wrapped text in a bordered cell; also the style of an empty table cell.
    pub(super) text: Format,
    pub(super) center: Format,
    /// A plan band ("6,6 – 6,8") aligned with the numbers.
    pub(super) band: Format,
    /// `#,##0`, `#,##0.0`, … in a bordered cell, by decimals.
    numbers: [Format; MAX_DECIMALS + 1],
    pub(super) percent: Format,
    pub(super) change_percent: Format,
    pub(super) change_points: Format,
    statuses: [Format; 5],
    /// The figures sheet: no borders, numbers by their own decimals.
    pub(super) plain: Format,
    pub(super) centered_plain: Format,
    pub(super) typed: Format,
    pub(super) exact: [Format; MAX_DECIMALS + 1],
}

impl Styles {
    pub(super) fn new(lang: Lang) -> Self {
        // Times New Roman is the font of Vietnamese administrative documents (Nghị định
        // 30/2020/NĐ-CP), so the printed table matches the report it is pasted into.
        let font = || {
            Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(11)
        };
        let cell = || {
            font()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::VerticalCenter)
        };
        let decimals = |d: usize| {
            if d == 0 {
                "#,##0".to_owned()
            } else {
                format!("#,##0.{}", "0".repeat(d))
            }
        };
        // No change reads as the report words it ("bằng cùng kỳ"), the cell still a number.
        let same = tr("change.same_as_last_year", lang);
        let signed = |suffix: &str| format!("+#,##0.0\"{suffix}\";-#,##0.0\"{suffix}\";\"{same}\"");
        let points = format!(" {}", tr("export.xlsx.points", lang));
        let status = |rgb: u32| {
            cell()
                .set_align(FormatAlign::Center)
                .set_font_color(Color::RGB(rgb))
        };
        let heading_fill = Color::RGB(0xE2_EF_DA);
        Self {
            title: font()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: font().set_bold().set_align(FormatAlign::Center),
            legend: font()
                .set_italic()
                .set_font_size(10)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            note: font().set_italic(),
            header: cell()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xD9_E1_F2)),
            category: cell().set_bold().set_background_color(heading_fill),
            category_number: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(heading_fill),
            text: cell().set_text_wrap(),
            center: cell().set_align(FormatAlign::Center).set_text_wrap(),
            band: cell().set_align(FormatAlign::Right),
            numbers: std::array::from_fn(|d| cell().set_num_format(decimals(d))),
            percent: cell().set_num_format("#,##0.0\"%\""),
            change_percent: cell().set_num_format(signed("%")),
            change_points: cell().set_num_format(signed(&points)),
            // In the order of `Status::ALL`: exceeded, met, not met, no plan, no data.
            statuses: [
                status(0x00_61_00).set_bold(),
                status(0x1F_4E_79),
                status(0xC0_00_00).set_bold(),
                status(0x7F_7F_7F).set_italic(),
                status(0x7F_7F_7F).set_italic(),
            ],
            plain: font(),
            centered_plain: font().set_align(FormatAlign::Center),
            // Text as typed stays text and keeps to the right, where the number was typed.
            typed: font().set_align(FormatAlign::Right),
            exact: std::array::from_fn(|d| font().set_num_format(decimals(d))),
        }
    }

    /// The bordered number style for an indicator's precision.
    pub(super) fn bordered(&self, precision: u32) -> &Format {
        &self.numbers[decimals_index(precision)]
    }

    pub(super) fn status(&self, status: Status) -> &Format {
        let i = Status::ALL.iter().position(|s| *s == status);
        &self.statuses[i.unwrap_or(Status::ALL.len() - 1)]
    }
}

pub(super) fn decimals_index(decimals: u32) -> usize {
    usize::try_from(decimals).map_or(MAX_DECIMALS, |d| d.min(MAX_DECIMALS))
}
