//! Trình chiếu: the review meeting on a projector. Full screen, projector-sized type, high
//! contrast on white; an overview slide, then one slide per indicator with a figure: the big %
//! of plan and its status, plan against value, the last years, and the report sentence.
//! The left and right arrows, PageUp/PageDown and Space move; up and down scroll a slide that
//! does not fit; a bar clicked on the overview opens its slide; Esc leaves.

use egui::{Key, RichText};
use egui_plot::{Line, Plot, PlotPoints, Points};
use rust_decimal::prelude::ToPrimitive as _;

use crate::app::command::Command;
use crate::app::session::{Session, Trend};
use crate::app::theme::{self, MEETING};
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::app::widgets::axis;
use crate::app::widgets::percent_bars::percent_bars_ui;
use crate::app::widgets::percent_chart::charted_rows;
use crate::domain::report::{self, ReportRow};
use crate::domain::{Locale, Status};
use crate::store::StoreError;

/// How many past years an indicator slide shows.
const TREND_YEARS: usize = 6;

/// The meeting: its slides' data, taken when it starts, and the slide shown.
pub struct Meeting {
    /// One entry per indicator slide: the report row and its last years.
    slides: Vec<(ReportRow, Trend)>,
    pub slide: usize,
}

impl Meeting {
    /// Prepares the slides of the session's ward and year.
    pub fn new(session: &Session) -> Result<Self, StoreError> {
        let mut slides = Vec::new();
        for row in session.report.rows.iter().filter(|r| r.current.is_some()) {
            let trend = match session.indicator_id(&row.indicator.code) {
                Some(id) => {
                    let mut years = session.store.trend(session.unit_id, id)?;
                    years.retain(|(y, _)| *y <= session.year);
                    let skip = years.len().saturating_sub(TREND_YEARS);
                    years.split_off(skip)
                }
                None => Vec::new(),
            };
            slides.push((row.clone(), trend));
        }
        Ok(Self { slides, slide: 0 })
    }

    /// Slides in all: the overview and one per indicator.
    pub fn slide_count(&self) -> usize {
        1 + self.slides.len()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
        let lang = ctx.lang;
        let (next, previous, leave) = ui.input(|i| {
            (
                i.key_pressed(Key::ArrowRight)
                    || i.key_pressed(Key::PageDown)
                    || i.key_pressed(Key::Space),
                i.key_pressed(Key::ArrowLeft) || i.key_pressed(Key::PageUp),
                i.key_pressed(Key::Escape),
            )
        });
        if next {
            self.slide = (self.slide + 1).min(self.slide_count() - 1);
        }
        if previous {
            self.slide = self.slide.saturating_sub(1);
        }
        if leave {
            ctx.commands.push(Command::LeaveMeeting);
        }
        let frame = egui::Frame::new()
            .fill(MEETING.slide_background)
            .inner_margin(egui::Margin::same(48));
        egui::CentralPanel::default().frame(frame).show(ui, |ui| {
            ui.visuals_mut().override_text_color = Some(MEETING.slide_text);
            // What widgets take for the background (the chart's % labels sit on patches of it).
            ui.visuals_mut().panel_fill = MEETING.slide_background;
            // Axis labels and small print readable from the back of the room.
            for (style, size) in [
                (egui::TextStyle::Body, theme::MEETING_BODY * 0.7),
                (egui::TextStyle::Small, theme::MEETING_BODY * 0.6),
                (egui::TextStyle::Button, theme::MEETING_BODY * 0.7),
            ] {
                ui.style_mut()
                    .text_styles
                    .insert(style, egui::FontId::proportional(size));
            }
            let footer_height = 50.0;
            let body = ui.available_height() - footer_height;
            // A slide that does not fit (a ward with many indicators, or many not met) scrolls,
            // with the wheel or the up and down arrows; each slide opens at its top.
            let scroll = ui.input(|i| {
                if i.key_pressed(Key::ArrowDown) {
                    -theme::MEETING_SCROLL_STEP
                } else if i.key_pressed(Key::ArrowUp) {
                    theme::MEETING_SCROLL_STEP
                } else {
                    0.0
                }
            });
            let clicked = ui
                .allocate_ui(egui::vec2(ui.available_width(), body), |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt(("meeting-slide", self.slide))
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            if scroll != 0.0 {
                                ui.scroll_with_delta(egui::vec2(0.0, scroll));
                            }
                            match self.slide.checked_sub(1).and_then(|i| self.slides.get(i)) {
                                None => overview_ui(ui, session, ctx.locale()),
                                Some((row, trend)) => {
                                    indicator_ui(ui, row, trend, ctx.locale());
                                    None
                                }
                            }
                        })
                        .inner
                })
                .inner;
            // A bar clicked on the overview opens its indicator's slide.
            if let Some(code) = clicked
                && let Some(index) = self
                    .slides
                    .iter()
                    .position(|(r, _)| r.indicator.code == code)
            {
                self.slide = index + 1;
            }
            ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(format!("{} / {}", self.slide + 1, self.slide_count()))
                            .size(theme::MEETING_BODY * 0.7),
                    );
                    ui.add_space(theme::GAP * 2.0);
                    ui.label(
                        RichText::new(tr(lang, "app.meeting.keys"))
                            .size(theme::MEETING_BODY * 0.5)
                            .color(MEETING.missing),
                    );
                });
            });
        });
    }
}

/// The bold face, for titles and the big number.
fn bold() -> egui::FontFamily {
    egui::FontFamily::Name(crate::app::fonts::BOLD_FAMILY.into())
}

/// The first slide: the year at a glance. Returns the code of the indicator whose bar or name
/// was clicked.
fn overview_ui(ui: &mut egui::Ui, session: &Session, locale: Locale) -> Option<String> {
    let lang = locale.lang;
    let report = &session.report;
    ui.label(
        RichText::new(rust_i18n::t!(
            "app.meeting.overview",
            locale = lang.code(),
            year = report.year,
            unit = report.unit.name
        ))
        .size(theme::MEETING_TITLE)
        .family(bold()),
    );
    if session.synthetic {
        ui.label(
            RichText::new(tr(lang, "app.synthetic"))
                .size(theme::MEETING_BODY)
                .color(MEETING.synthetic),
        );
    }
    if let Some(consolidation) = &report.consolidation {
        ui.label(RichText::new(consolidation.line(lang)).size(theme::MEETING_BODY));
    }
    if let Some(locked) = report.locked_line(lang) {
        ui.label(RichText::new(locked).size(theme::MEETING_BODY));
    }
    ui.add_space(theme::GAP);
    // The verdict first, as the report writes it.
    let summary = crate::domain::summary::Summary::of(report, lang);
    if summary.is_empty() {
        // Nothing that year: said plainly, not as counts of zero.
        ui.label(
            RichText::new(summary.nothing_line(lang))
                .size(theme::MEETING_BODY)
                .family(bold())
                .color(MEETING.slide_text),
        );
        return None;
    }
    if let Some(headline) = summary.headline(lang) {
        ui.label(
            RichText::new(headline)
                .size(theme::MEETING_BODY)
                .family(bold())
                .color(MEETING.slide_text),
        );
    }
    if !summary.not_met_names.is_empty() {
        ui.label(
            RichText::new(format!(
                "{}: {}",
                Status::NotMet.word(lang),
                summary.not_met_names.join("; ")
            ))
            .size(theme::MEETING_BODY)
            .color(MEETING.status(Status::NotMet)),
        );
    }
    let count = |status: Status| {
        report
            .rows
            .iter()
            .filter(|r| r.assessment.status == status)
            .count()
    };
    ui.horizontal(|ui| {
        for status in [Status::Exceeded, Status::Met, Status::NotMet] {
            ui.label(
                RichText::new(format!("{}: {}", status.word(lang), count(status)))
                    .size(theme::MEETING_BODY)
                    .strong()
                    .color(MEETING.status(status)),
            );
            ui.add_space(theme::GAP * 3.0);
        }
        // A line shown as its wards' spread has their figures.
        let reported = report
            .rows
            .iter()
            .filter(|r| r.current.is_some() || r.is_spread())
            .count();
        ui.label(
            RichText::new(rust_i18n::t!(
                "app.meeting.reported",
                locale = lang.code(),
                count = reported,
                total = report.rows.len()
            ))
            .size(theme::MEETING_BODY),
        );
    });
    ui.add_space(theme::GAP);
    let charted = charted_rows(report, lang);
    if charted.is_empty() {
        ui.label(RichText::new(tr(lang, "app.dashboard.no_chart")).size(theme::MEETING_BODY));
        return None;
    }
    // Sideways bars, every name whole, as on the dashboard.
    let clicked = percent_bars_ui(
        ui,
        &charted,
        report.year,
        locale,
        &MEETING,
        &theme::MEETING_BARS,
    )?;
    Some(charted[clicked].1.indicator.code.clone())
}

/// One indicator: the big % and status, plan against value, the last years, the sentence.
fn indicator_ui(ui: &mut egui::Ui, row: &ReportRow, trend: &Trend, locale: Locale) {
    let lang = locale.lang;
    ui.label(
        RichText::new(row.indicator.name(lang))
            .size(theme::MEETING_TITLE)
            .family(bold()),
    );
    ui.add_space(theme::GAP);
    let status = row.assessment.status;
    // The big number is the % of plan; without a plan it is the value itself.
    let percent = report::percent_text(row.assessment.percent, locale.style);
    let value = row.value_text(locale);
    ui.horizontal(|ui| {
        let (hero, color) = match (&percent, &value) {
            (Some(p), _) => (p.clone(), MEETING.status(status)),
            (None, Some(v)) => (v.clone(), MEETING.slide_text),
            (None, None) => (row.verdict(lang), MEETING.missing),
        };
        ui.label(
            RichText::new(hero)
                .size(theme::MEETING_HERO)
                .family(bold())
                .color(color),
        );
        ui.add_space(theme::GAP * 3.0);
        ui.vertical(|ui| {
            let t = |key: &str| tr(lang, key);
            let status_size = if percent.is_some() {
                theme::MEETING_TITLE
            } else {
                theme::MEETING_BODY
            };
            ui.label(
                RichText::new(row.verdict(lang))
                    .size(status_size)
                    .strong()
                    .color(MEETING.status(status)),
            );
            if let Some(mut plan) = row.plan_text_with_unit(locale) {
                if row.plan_is_derived() {
                    plan.push(' ');
                    plan.push_str(&crate::domain::report_words::derived_mark(lang));
                }
                ui.label(
                    RichText::new(format!("{}: {plan}", t("app.entry.plan")))
                        .size(theme::MEETING_BODY),
                );
            }
            if let (Some(current), Some(value)) = (&row.current, &value) {
                let line = if percent.is_some() {
                    format!("{}: {value}", current.stage.name(lang))
                } else {
                    current.stage.name(lang)
                };
                ui.label(RichText::new(line).size(theme::MEETING_BODY));
            }
            if let Some(change) = row.change {
                // "tăng 13,4% so với cùng kỳ"; "bằng cùng kỳ" says it all by itself.
                let text = report::change_text(change, locale);
                let text = if change.is_none_shown() {
                    text
                } else {
                    format!("{text} {}", t("app.meeting.vs_last_year"))
                };
                ui.label(RichText::new(text).size(theme::MEETING_BODY));
            }
        });
    });
    ui.add_space(theme::GAP);
    if let Some(sentence) = row.sentence(locale) {
        ui.add(
            egui::Label::new(
                RichText::new(format!("{sentence}."))
                    .size(theme::MEETING_BODY)
                    .italics(),
            )
            .wrap(),
        );
    }
    ui.add_space(theme::GAP);
    if trend.len() <= 1 {
        ui.label(
            RichText::new(tr(lang, "app.meeting.no_history"))
                .size(theme::MEETING_BODY * 0.7)
                .color(MEETING.missing),
        );
    } else {
        let points: Vec<[f64; 2]> = trend
            .iter()
            .filter_map(|(y, r)| Some([f64::from(*y), r.current.as_ref()?.value.to_f64()?]))
            .collect();
        let height = (ui.available_height() - theme::GAP).max(120.0);
        let first = points.first().map_or(0.0, |p| p[0]);
        let last = points.last().map_or(0.0, |p| p[0]);
        Plot::new("meeting-trend")
            .height(height)
            .include_x(first - 0.5)
            .include_x(last + 0.5)
            .allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .include_y(0.0)
            .label_formatter(|_| None)
            .x_axis_formatter(|mark, _| axis::year_label(mark))
            .y_axis_formatter(move |mark, _| axis::value_label(mark, locale.style))
            .show(ui, |plot_ui| {
                plot_ui.line(
                    Line::new("values", PlotPoints::from(points.clone()))
                        .color(MEETING.met)
                        .width(4.0),
                );
                plot_ui.points(
                    Points::new("points", PlotPoints::from(points))
                        .color(MEETING.met)
                        .radius(7.0),
                );
            });
    }
}
