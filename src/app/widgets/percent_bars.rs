//! The % of plan chart of the dashboard and of the meeting's first slide, its bars lying sideways so that every indicator is named
//! whole however many there are: each name on the left, wrapped within its column (never cut),
//! its bar in its status's colour with the % at its end, last year's % as a lighter bar under
//! it, the 100% target as a dashed line down the chart, a legend above. The chart grows taller
//! with more indicators (the view around it scrolls); its sizes are the theme's, one set per
//! place it is shown. Hovering a bar tells plan, value and stage;
//! clicking a bar or a name reports which one.

use std::sync::Arc;

use egui::{Align2, Color32, FontId, Galley, Pos2, Rect, Sense, Shape, Stroke, Vec2};
use rust_decimal::prelude::ToPrimitive as _;

use crate::app::theme::{self, BarSizes, Palette};
use crate::domain::report::{self, ReportRow};
use crate::domain::{Locale, Status, number, report_words};

/// The % axis above the longest bar and the target, as a share of it.
const HEADROOM: f64 = 1.08;

/// One bar: a row with a % of plan.
struct Bar<'a> {
    /// Index into the rows given.
    index: usize,
    name: &'a str,
    row: &'a ReportRow,
    percent: f64,
    last: Option<f64>,
}

/// Where the bars are drawn: the x of 0% and of the axis's top.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Scale {
    left: f32,
    right: f32,
    top_percent: f64,
    step: f64,
}

impl Scale {
    /// The scale of bars reaching `highest` per cent, drawn between `left` and `right`.
    fn new(left: f32, right: f32, highest: f64) -> Self {
        let top_percent = highest.max(theme::TARGET_PERCENT) * HEADROOM;
        Self {
            left,
            right,
            top_percent,
            step: report::percent_axis_step(top_percent),
        }
    }

    /// The x of a %.
    fn x_of(&self, percent: f64) -> f32 {
        // Precision loss is irrelevant at the scale of a drawing.
        #[allow(clippy::cast_possible_truncation)]
        let share = (percent / self.top_percent).clamp(0.0, 1.0) as f32;
        self.left + share * (self.right - self.left)
    }

    /// The % of each grid line, from 0 to the top.
    fn ticks(&self) -> Vec<f64> {
        let mut ticks = Vec::new();
        let mut tick = 0.0;
        while tick <= self.top_percent {
            ticks.push(tick);
            tick += self.step;
        }
        ticks
    }
}

/// Draws the chart of `rows` (each with its name; those without a % of plan are left out) for
/// `year`, in `sizes`, and returns the index into `rows` of a clicked bar or name.
pub fn percent_bars_ui(
    ui: &mut egui::Ui,
    rows: &[(String, &ReportRow)],
    year: i16,
    locale: Locale,
    palette: &Palette,
    sizes: &BarSizes,
) -> Option<usize> {
    let bars: Vec<Bar<'_>> = rows
        .iter()
        .enumerate()
        .filter_map(|(index, (name, row))| {
            Some(Bar {
                index,
                name,
                row,
                percent: row.assessment.percent?.to_f64()?,
                last: row.previous_percent.and_then(|p| p.to_f64()),
            })
        })
        .collect();
    let with_last = bars.iter().any(|b| b.last.is_some());
    legend_ui(ui, year, with_last, locale, palette, sizes);

    let width = ui.available_width();
    let name_width = sizes.name_width.min(width * 0.4);
    let left = ui.cursor().left();
    let highest = bars
        .iter()
        .flat_map(|b| [Some(b.percent), b.last])
        .flatten()
        .fold(0.0, f64::max);
    let scale = Scale::new(
        left + name_width + sizes.name_gap,
        left + width - sizes.label_room,
        highest,
    );
    // The grid goes under the bars: its place is kept now, its lines drawn once the rows'
    // extent is known.
    let grid = ui.painter().add(Shape::Noop);
    let top = ticks_ui(ui, &scale, locale, sizes);
    let mut clicked = None;
    // The %s go over the target line, each on a patch of the background: read whole even where
    // the line crosses them.
    let mut labels = Vec::new();
    for bar in &bars {
        let look = Look {
            scale: &scale,
            name_width,
            with_last,
            year,
            locale,
            palette,
            sizes,
        };
        if bar_ui(ui, bar, &look, &mut labels) {
            clicked = Some(bar.index);
        }
    }
    let bottom = ui.min_rect().bottom();
    let grid_stroke = Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color);
    let lines: Vec<Shape> = scale
        .ticks()
        .into_iter()
        .map(|tick| {
            let x = scale.x_of(tick);
            Shape::line_segment([Pos2::new(x, top), Pos2::new(x, bottom)], grid_stroke)
        })
        .collect();
    ui.painter().set(grid, Shape::Vec(lines));
    let x = scale.x_of(theme::TARGET_PERCENT);
    ui.painter().extend(Shape::dashed_line(
        &[Pos2::new(x, top), Pos2::new(x, bottom)],
        Stroke::new(sizes.target_width, palette.target_line),
        sizes.dash.0,
        sizes.dash.1,
    ));
    let background = ui.visuals().panel_fill;
    for (at, galley, colour) in labels {
        let rect = Align2::LEFT_CENTER.anchor_size(at, galley.size());
        // The patch as tall as the letters, not the line: it must not cover the bar beside.
        let letters = galley
            .job
            .sections
            .first()
            .map_or(rect.height(), |section| section.format.font_id.size);
        let patch = Rect::from_center_size(
            rect.center(),
            Vec2::new(rect.width(), letters.min(rect.height())),
        );
        ui.painter().rect_filled(patch.expand(1.0), 2.0, background);
        ui.painter().galley(rect.min, galley, colour);
    }
    clicked
}

/// What every bar is drawn with.
struct Look<'a> {
    scale: &'a Scale,
    name_width: f32,
    with_last: bool,
    year: i16,
    locale: Locale,
    palette: &'a Palette,
    sizes: &'a BarSizes,
}

/// A % label to draw after the bars: where its left middle goes, its text, its colour.
type Label = (Pos2, Arc<Galley>, Color32);

/// The legend: a swatch and a word for each status a bar can have, the dashed target, and when
/// any line has one, the lighter bar of last year.
fn legend_ui(
    ui: &mut egui::Ui,
    year: i16,
    with_last: bool,
    locale: Locale,
    palette: &Palette,
    sizes: &BarSizes,
) {
    let lang = locale.lang;
    ui.horizontal_wrapped(|ui| {
        for status in [Status::Exceeded, Status::Met, Status::NotMet] {
            swatch_ui(ui, palette.status(status), sizes.swatch);
            ui.label(status.word(lang));
            ui.add_space(theme::GAP);
        }
        let (rect, _) =
            ui.allocate_exact_size(Vec2::new(sizes.sample_length, sizes.swatch), Sense::hover());
        ui.painter().extend(Shape::dashed_line(
            &[rect.left_center(), rect.right_center()],
            Stroke::new(sizes.target_width, palette.target_line),
            sizes.dash.0,
            sizes.dash.1,
        ));
        ui.label(report_words::chart_target(lang));
        if with_last {
            ui.add_space(theme::GAP);
            swatch_ui(ui, palette.last_year, sizes.swatch);
            ui.label(report::last_year_legend(year, lang));
        }
    });
}

fn swatch_ui(ui: &mut egui::Ui, colour: Color32, size: f32) {
    let (rect, _) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
}

/// The % axis's labels above the bars; returns the top of the grid under them.
fn ticks_ui(ui: &mut egui::Ui, scale: &Scale, locale: Locale, sizes: &BarSizes) -> f32 {
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(ui.available_width(), sizes.tick_row),
        Sense::hover(),
    );
    let colour = ui.visuals().weak_text_color();
    for tick in scale.ticks() {
        let value = rust_decimal::Decimal::from_f64_retain(tick.round()).unwrap_or_default();
        ui.painter().text(
            Pos2::new(scale.x_of(tick), rect.bottom() - 2.0),
            Align2::CENTER_BOTTOM,
            number::format_percent(value, locale.style),
            FontId::proportional(sizes.tick_size),
            colour,
        );
    }
    rect.bottom()
}

/// One indicator: its name in the left column, its bars on the right, its %s added to
/// `labels`. Returns whether the name or the bars were clicked.
fn bar_ui(ui: &mut egui::Ui, bar: &Bar<'_>, look: &Look<'_>, labels: &mut Vec<Label>) -> bool {
    let Look {
        scale,
        name_width,
        with_last,
        year,
        locale,
        palette,
        sizes,
    } = *look;
    let name: Arc<Galley> = egui::WidgetText::from(bar.name).into_galley(
        ui,
        Some(egui::TextWrapMode::Wrap),
        name_width,
        egui::TextStyle::Body,
    );
    let stack = if with_last {
        sizes.bar_height + sizes.bar_gap + sizes.last_year_height
    } else {
        sizes.bar_height
    };
    let height = name.size().y.max(stack) + sizes.row_gap;
    let (row, _) = ui.allocate_exact_size(Vec2::new(ui.available_width(), height), Sense::hover());

    // The name, a label of its own (read by screen readers, found by tests), centred on the row.
    let name_rect = Rect::from_min_size(row.min, Vec2::new(name_width, height));
    let mut names = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(name_rect)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    let mut name_response = names.add(egui::Label::new(name).sense(Sense::click()));
    if sizes.hover_details {
        name_response = name_response.on_hover_text(tooltip(bar.row, year, locale));
    }
    let name_clicked = name_response.clicked();

    let area = Rect::from_x_y_ranges(scale.left..=row.right(), row.y_range());
    let id = ui.scope_id().with(("percent-bar", bar.index));
    let response = ui.interact(area, id, Sense::click());
    let painter = ui.painter();
    let status = bar.row.assessment.status;
    let bar_top = row.center().y - stack / 2.0;
    let this_year = Rect::from_min_max(
        Pos2::new(scale.left, bar_top),
        Pos2::new(scale.x_of(bar.percent), bar_top + sizes.bar_height),
    );
    painter.rect_filled(this_year, 0.0, palette.status(status));
    let label = |text: String, size: f32, colour: Color32| {
        painter.layout_no_wrap(text, FontId::proportional(size), colour)
    };
    labels.push((
        Pos2::new(this_year.right() + 4.0, this_year.center().y),
        label(
            report::percent_text(bar.row.assessment.percent, locale.style).unwrap_or_default(),
            sizes.label_size,
            palette.status(status),
        ),
        palette.status(status),
    ));
    if let (Some(last), Some(percent)) = (bar.last, bar.row.previous_percent) {
        let last_top = this_year.bottom() + sizes.bar_gap;
        let rect = Rect::from_min_max(
            Pos2::new(scale.left, last_top),
            Pos2::new(scale.x_of(last), last_top + sizes.last_year_height),
        );
        painter.rect_filled(rect, 0.0, palette.last_year);
        labels.push((
            Pos2::new(rect.right() + 4.0, rect.center().y),
            label(
                number::format_percent(percent, locale.style),
                sizes.last_label_size,
                palette.reading,
            ),
            palette.reading,
        ));
    }
    let response = if sizes.hover_details {
        response.on_hover_text(tooltip(bar.row, year, locale))
    } else {
        response
    };
    response.clicked() || name_clicked
}

/// The tooltip of a bar: the indicator, its plan, its value and stage, its % and status, and
/// last year's %.
fn tooltip(row: &ReportRow, year: i16, locale: Locale) -> String {
    let mut text = super::percent_chart::tooltip(row, locale);
    if let Some(last) = row.previous_percent {
        text.push('\n');
        text.push_str(&report::last_year_percent_text(
            year,
            last,
            locale.style,
            locale.lang,
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_reaches_past_the_longest_bar_and_the_target_in_round_steps() {
        let scale = Scale::new(100.0, 500.0, 114.6);
        assert!((scale.top_percent - 114.6 * HEADROOM).abs() < 1e-9);
        assert_eq!(scale.x_of(0.0), 100.0);
        assert!(scale.x_of(theme::TARGET_PERCENT) < scale.x_of(114.6));
        assert!(scale.x_of(114.6) < 500.0);
        assert_eq!(scale.ticks(), [0.0, 25.0, 50.0, 75.0, 100.0]);
        // Bars all below the target: the axis still reaches the target.
        let low = Scale::new(0.0, 100.0, 40.0);
        assert!(low.x_of(theme::TARGET_PERCENT) < 100.0);
        assert!(low.top_percent >= theme::TARGET_PERCENT);
    }
}
