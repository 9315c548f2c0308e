//! Design tokens: every colour and size the window uses, declared once. Views read them from
//! here; no view mixes its own colours.

use egui::{Color32, FontId, TextStyle};

use crate::domain::Status;

/// Light or dark, as the user chose in the settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
}

/// Space between blocks of a view.
pub const GAP: f32 = 12.0;
/// Width of a number cell in the entry grid.
pub const CELL_WIDTH: f32 = 128.0;
/// Width of the note cell in the entry grid.
pub const NOTE_WIDTH: f32 = 180.0;
/// Widest an indicator's name runs in a table before it wraps.
pub const NAME_WIDTH: f32 = 270.0;
/// Widest a plan in words ("tăng 10% so với cùng kỳ (≈ 3.090,8)") runs in a table before it
/// wraps.
pub const PLAN_WIDTH: f32 = 190.0;
/// Widest the entry grid's plan column grows to show a plan in words whole.
pub const PLAN_CELL_MAX_WIDTH: f32 = 280.0;
/// Width of a paragraph of explanation, short enough to read at a glance.
pub const PROSE_WIDTH: f32 = 560.0;
/// The width of a letterhead field in Cài đặt: a header line of about 60 letters.
pub const LETTERHEAD_FIELD_WIDTH: f32 = 420.0;
/// The sizes (and the one behaviour that differs) of the % of plan chart whose bars lie sideways: on the dashboard, and larger on
/// the meeting's first slide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarSizes {
    /// The widest the names' column grows (a name wraps within it, whole).
    pub name_width: f32,
    /// This year's bar, and last year's lighter bar under it.
    pub bar_height: f32,
    pub last_year_height: f32,
    /// The space between two indicators.
    pub row_gap: f32,
    /// The room kept right of the longest bar for its %.
    pub label_room: f32,
    /// The % labels at the end of this year's bar and of last year's.
    pub label_size: f32,
    pub last_label_size: f32,
    /// The tick labels' row and their size.
    pub tick_row: f32,
    pub tick_size: f32,
    /// The gaps beside the names' column and between this year's bar and last year's.
    pub name_gap: f32,
    pub bar_gap: f32,
    /// The legend's swatches and target sample.
    pub swatch: f32,
    pub sample_length: f32,
    /// The target line's width and dash (length, gap).
    pub target_width: f32,
    pub dash: (f32, f32),
    /// Whether hovering a bar or a name tells its plan, value and stage: in the window, yes;
    /// on a projector, no (the pointer rests wherever it was left, and its box would cover the
    /// slide).
    pub hover_details: bool,
}

/// The dashboard's chart.
pub const DASHBOARD_BARS: BarSizes = BarSizes {
    name_width: 320.0,
    bar_height: 18.0,
    last_year_height: 10.0,
    row_gap: 8.0,
    label_room: 70.0,
    label_size: 14.0,
    last_label_size: 12.0,
    tick_row: 18.0,
    tick_size: 12.0,
    name_gap: 10.0,
    bar_gap: 2.0,
    swatch: 12.0,
    sample_length: 26.0,
    target_width: 2.0,
    dash: (6.0, 4.0),
    hover_details: true,
};

/// The meeting's overview slide, read from the back of the room (its names in the slide's
/// body text, `MEETING_BODY * 0.7`).
pub const MEETING_BARS: BarSizes = BarSizes {
    name_width: 520.0,
    bar_height: 30.0,
    last_year_height: 16.0,
    row_gap: 12.0,
    label_room: 120.0,
    label_size: 24.0,
    last_label_size: 19.0,
    tick_row: 28.0,
    tick_size: 19.0,
    name_gap: 16.0,
    bar_gap: 3.0,
    swatch: 20.0,
    sample_length: 40.0,
    target_width: 3.0,
    dash: (10.0, 6.0),
    hover_details: false,
};
/// The target line of every % of plan chart.
pub const TARGET_PERCENT: f64 = 100.0;

/// How far the up and down arrows scroll a meeting slide that does not fit.
pub const MEETING_SCROLL_STEP: f32 = 120.0;
/// Body text size in meeting mode: readable from the back of a meeting room.
pub const MEETING_BODY: f32 = 30.0;
/// About how wide a character of a chart's axis label is, to wrap names under the bars.
pub const AXIS_CHAR_WIDTH: f32 = 7.0;
/// How many lines an indicator's name may take under its bar.
pub const AXIS_NAME_LINES: usize = 4;
/// The height of a line of an axis label.
pub const AXIS_LINE_HEIGHT: f32 = 15.0;
/// The one-glance summary atop the dashboard.
pub const SUMMARY_SIZE: f32 = 17.0;
/// The big % of plan on a meeting slide.
pub const MEETING_HERO: f32 = 120.0;
/// Slide titles in meeting mode.
pub const MEETING_TITLE: f32 = 46.0;

/// The colours of one look (light, dark or the meeting's high contrast).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub exceeded: Color32,
    pub met: Color32,
    pub not_met: Color32,
    pub missing: Color32,
    pub target_line: Color32,
    /// Last year's % of plan, a lighter bar beside this year's.
    pub last_year: Color32,
    pub error: Color32,
    pub warning: Color32,
    pub reading: Color32,
    pub dirty: Color32,
    /// The background of a cell whose value a plausibility rule doubts.
    pub flagged: Color32,
    pub synthetic: Color32,
    pub slide_background: Color32,
    pub slide_text: Color32,
}

/// The palette of the window in light mode.
pub const LIGHT: Palette = Palette {
    exceeded: Color32::from_rgb(0x1B, 0x7F, 0x3B),
    met: Color32::from_rgb(0x1F, 0x5F, 0xAF),
    not_met: Color32::from_rgb(0xB3, 0x26, 0x1E),
    missing: Color32::from_rgb(0x70, 0x70, 0x70),
    target_line: Color32::from_rgb(0x20, 0x20, 0x20),
    last_year: Color32::from_rgb(0xAE, 0xB8, 0xC2),
    error: Color32::from_rgb(0xB3, 0x26, 0x1E),
    warning: Color32::from_rgb(0x9A, 0x5B, 0x00),
    reading: Color32::from_rgb(0x55, 0x55, 0x55),
    dirty: Color32::from_rgb(0x9A, 0x5B, 0x00),
    flagged: Color32::from_rgb(0xFF, 0xEE, 0xC2),
    synthetic: Color32::from_rgb(0x8E, 0x24, 0xAA),
    slide_background: Color32::WHITE,
    slide_text: Color32::BLACK,
};

/// The palette of the window in dark mode.
pub const DARK: Palette = Palette {
    exceeded: Color32::from_rgb(0x4C, 0xC3, 0x6E),
    met: Color32::from_rgb(0x6A, 0xA8, 0xF5),
    not_met: Color32::from_rgb(0xF2, 0x6B, 0x5E),
    missing: Color32::from_rgb(0x9A, 0x9A, 0x9A),
    target_line: Color32::from_rgb(0xE8, 0xE8, 0xE8),
    last_year: Color32::from_rgb(0x6E, 0x78, 0x84),
    error: Color32::from_rgb(0xF2, 0x6B, 0x5E),
    warning: Color32::from_rgb(0xF0, 0xB4, 0x4C),
    reading: Color32::from_rgb(0xB0, 0xB0, 0xB0),
    dirty: Color32::from_rgb(0xF0, 0xB4, 0x4C),
    flagged: Color32::from_rgb(0x4A, 0x38, 0x0C),
    synthetic: Color32::from_rgb(0xD0, 0x8B, 0xE6),
    slide_background: Color32::WHITE,
    slide_text: Color32::BLACK,
};

/// Meeting mode: high contrast on white, whatever the window's theme, for a projector.
pub const MEETING: Palette = Palette {
    exceeded: Color32::from_rgb(0x00, 0x6B, 0x2D),
    met: Color32::from_rgb(0x00, 0x46, 0xAD),
    not_met: Color32::from_rgb(0xC0, 0x00, 0x00),
    missing: Color32::from_rgb(0x40, 0x40, 0x40),
    target_line: Color32::BLACK,
    ..LIGHT
};

impl Palette {
    /// The palette of a theme.
    pub fn of(choice: ThemeChoice) -> Self {
        match choice {
            ThemeChoice::Light => LIGHT,
            ThemeChoice::Dark => DARK,
        }
    }

    /// The colour a status is shown in (always with its word beside it).
    pub fn status(&self, status: Status) -> Color32 {
        match status {
            Status::Exceeded => self.exceeded,
            Status::Met => self.met,
            Status::NotMet => self.not_met,
            Status::NoPlan | Status::NoData => self.missing,
        }
    }
}

/// A striped table's every other row in light mode, a shade darker than the window: egui's own
/// stripe is lighter, nearly the white of a text field, so that the fields of the data-entry
/// table vanished on every other row.
const LIGHT_STRIPE: Color32 = Color32::from_gray(238);
/// The edge of a field or button at rest in light mode (egui draws none): a white field on the
/// near-white window is seen by its edge.
const LIGHT_EDGE: Color32 = Color32::from_gray(205);

/// Applies the window's look for a theme.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.set_theme(match choice {
        ThemeChoice::Light => egui::Theme::Light,
        ThemeChoice::Dark => egui::Theme::Dark,
    });
    ctx.all_styles_mut(|style| {
        if !style.visuals.dark_mode {
            style.visuals.faint_bg_color = LIGHT_STRIPE;
            style.visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, LIGHT_EDGE);
        }
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style
            .text_styles
            .insert(TextStyle::Heading, FontId::proportional(22.0));
        style
            .text_styles
            .insert(TextStyle::Body, FontId::proportional(15.0));
        style
            .text_styles
            .insert(TextStyle::Button, FontId::proportional(15.0));
        style
            .text_styles
            .insert(TextStyle::Small, FontId::proportional(12.0));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A colour (premultiplied, as egui keeps it) painted over an opaque one.
    fn over(top: Color32, under: Color32) -> [u8; 3] {
        let keep = 255 - u16::from(top.a());
        let channel = |t: u8, u: u8| {
            let mixed = u16::from(t) + u16::from(u) * keep / 255;
            u8::try_from(mixed.min(255)).unwrap_or(u8::MAX)
        };
        [
            channel(top.r(), under.r()),
            channel(top.g(), under.g()),
            channel(top.b(), under.b()),
        ]
    }

    fn distance(a: [u8; 3], b: [u8; 3]) -> u8 {
        (0..3).map(|i| a[i].abs_diff(b[i])).max().unwrap_or(0)
    }

    /// The data-entry table is striped: a text field must show on a striped row at least as
    /// well as on a plain one, and on a plain one at all, in both themes.
    #[test]
    fn a_text_field_shows_on_a_striped_row() {
        for choice in [ThemeChoice::Light, ThemeChoice::Dark] {
            let ctx = egui::Context::default();
            apply(&ctx, choice);
            let visuals = ctx.global_style().visuals.clone();
            assert_eq!(visuals.dark_mode, choice == ThemeChoice::Dark);
            let panel = over(visuals.panel_fill, Color32::BLACK);
            let stripe = over(visuals.faint_bg_color, visuals.panel_fill);
            let field = over(visuals.text_edit_bg_color(), Color32::BLACK);
            assert!(
                distance(stripe, field) >= distance(panel, field).max(12),
                "{choice:?}: stripe {stripe:?}, field {field:?}, window {panel:?}"
            );
            // And a field at rest is told from the window, by its fill or by its edge.
            let rest = visuals.widgets.inactive.bg_stroke;
            let edge = if rest.width > 0.0 {
                distance(over(rest.color, visuals.panel_fill), panel)
            } else {
                0
            };
            assert!(
                distance(field, panel).max(edge) >= 15,
                "{choice:?}: field {field:?}, window {panel:?}, edge {edge}"
            );
        }
    }
    use crate::export::chart;

    /// Printed charts (PNG, PDF) wear the window's light colours: a status is one colour
    /// wherever a leader sees it.
    #[test]
    fn printed_charts_use_the_light_palette() {
        let rgb = |c: Color32| chart::Rgb(c.r(), c.g(), c.b());
        for status in Status::ALL {
            assert_eq!(
                chart::status_colour(status),
                rgb(LIGHT.status(status)),
                "{status:?}"
            );
        }
        assert_eq!(chart::colour::TARGET, rgb(LIGHT.target_line));
        assert_eq!(chart::colour::LAST_YEAR, rgb(LIGHT.last_year));
    }
}
