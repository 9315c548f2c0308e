//! Lịch sử thay đổi: the shown ward's saves, newest first, each one line ("Nhập từ
//! bieu-2023.xlsx, 30/11/2026 14:05, 48 giá trị") that opens to its values, among the locks,
//! unlocks and restores; filtered by year, indicator and origin.

use crate::app::command::Command;
use crate::app::session::{HistoryPage, HistoryRow, Session};
use crate::app::theme;
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::domain::Lang;
use crate::store::{IndicatorId, SaveEntry, SaveFilter, history_origin_name};

/// The origins a save can have, for the filter.
const ORIGINS: [&str; 5] = ["window", "cli", "import", "demo", "synthetic"];

/// The history view has no state of its own: the filter and what is open live in the session
/// (loaded by commands, never in a frame).
#[derive(Default)]
pub struct History;

impl History {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
        let lang = ctx.lang;
        ui.heading(rust_i18n::t!(
            "app.history.title",
            locale = lang.code(),
            unit = session.unit.name
        ));
        let Some(page) = &session.history else {
            // Opened straight on this view: the page is read after the frame.
            ui.label(tr(lang, "app.history.loading"));
            ctx.commands
                .push(Command::FilterHistory(default_filter(session)));
            return;
        };
        filters_ui(ui, ctx, session, page);
        ui.add_space(theme::GAP / 2.0);
        if page.rows.is_empty() {
            ui.label(tr(lang, "app.history.none"));
            return;
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for row in &page.rows {
                    match row {
                        HistoryRow::Save(save) => save_ui(ui, ctx, session, page, save),
                        HistoryRow::Event(text) => {
                            ui.label(egui::RichText::new(text).color(ctx.palette.warning));
                        }
                    }
                }
            });
    }
}

fn filters_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session, page: &HistoryPage) {
    let lang = ctx.lang;
    let all = tr(lang, "app.history.all");
    let filter = &page.filter;
    ui.horizontal_wrapped(|ui| {
        let mut chosen = filter.clone();
        let label = ui.label(tr(lang, "app.year"));
        egui::ComboBox::from_id_salt("history-year")
            .selected_text(filter.year.map_or_else(|| all.clone(), |y| y.to_string()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen.year, None, &all);
                for year in &session.years {
                    ui.selectable_value(&mut chosen.year, Some(*year), year.to_string());
                }
            })
            .response
            .labelled_by(label.id);
        let indicator_name = |id: IndicatorId| {
            session
                .indicator(id)
                .map_or_else(String::new, |i| i.name(lang).to_owned())
        };
        let label = ui.label(tr(lang, "app.trends.indicator"));
        egui::ComboBox::from_id_salt("history-indicator")
            .selected_text(filter.indicator.map_or_else(|| all.clone(), indicator_name))
            .width(280.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen.indicator, None, &all);
                for (id, indicator) in &session.indicators {
                    ui.selectable_value(&mut chosen.indicator, Some(*id), indicator.name(lang));
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label(tr(lang, "app.history.origin"));
        egui::ComboBox::from_id_salt("history-origin")
            .selected_text(
                filter
                    .origin
                    .as_deref()
                    .map_or_else(|| all.clone(), |o| history_origin_name(o, "", lang)),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen.origin, None, &all);
                for origin in ORIGINS {
                    ui.selectable_value(
                        &mut chosen.origin,
                        Some(origin.to_owned()),
                        history_origin_name(origin, "", lang),
                    );
                }
            })
            .response
            .labelled_by(label.id);
        if chosen != *filter {
            ctx.commands.push(Command::FilterHistory(chosen));
        }
    });
}

/// One save: a header that opens to its values (loaded when first opened).
fn save_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    session: &Session,
    page: &HistoryPage,
    save: &SaveEntry,
) {
    let lang = ctx.lang;
    let header = egui::CollapsingHeader::new(save_line(save, lang, ctx))
        .id_salt(("save", save.set))
        .show(ui, |ui| match page.opened.get(&save.set) {
            None => {
                ui.label(tr(lang, "app.history.loading"));
            }
            Some(changes) => {
                egui::Grid::new(("save-values", save.set))
                    .striped(true)
                    .num_columns(6)
                    .spacing([16.0, 4.0])
                    .show(ui, |ui| {
                        for key in [
                            "app.year",
                            "app.trends.indicator",
                            "app.history.what",
                            "app.history.old",
                            "app.history.new",
                            "app.history.note",
                        ] {
                            ui.label(egui::RichText::new(tr(lang, key)).strong());
                        }
                        ui.end_row();
                        for change in changes {
                            let entry = &change.entry;
                            ui.label(change.year.to_string());
                            ui.label(
                                session
                                    .indicator(change.indicator)
                                    .map_or_else(String::new, |i| i.name(lang).to_owned()),
                            );
                            ui.label(entry.slot_name(lang));
                            ui.label(entry.old_shown(ctx.style));
                            ui.label(entry.new_shown(ctx.style));
                            ui.label(entry.new_note.clone().unwrap_or_default());
                            ui.end_row();
                        }
                    });
            }
        });
    if header.header_response.clicked() && !page.opened.contains_key(&save.set) {
        ctx.commands.push(Command::OpenSave(save.set));
    }
}

/// "Nhập từ bieu-2023.xlsx, 30/11/2026 14:05, 48 giá trị (lan)".
fn save_line(save: &SaveEntry, lang: Lang, ctx: &ViewCtx<'_>) -> String {
    let origin = history_origin_name(&save.origin, &save.detail, lang);
    let mut letters = origin.chars();
    let origin: String = letters
        .next()
        .map(|c| c.to_uppercase().chain(letters).collect())
        .unwrap_or_default();
    let when = save
        .at
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime("%d/%m/%Y %H:%M")
        .to_string();
    rust_i18n::t!(
        "app.history.save",
        locale = lang.code(),
        origin = origin,
        when = when,
        count = crate::domain::number::format_count(save.values, ctx.style),
        who = save.who
    )
    .into_owned()
}

/// The filter a history opens with: the shown year.
pub fn default_filter(session: &Session) -> SaveFilter {
    SaveFilter {
        year: Some(session.year),
        ..SaveFilter::default()
    }
}

/// A cell's history, one line a change of its slot, oldest first: "30/11/2026 14:05, lan,
/// nhập từ bieu-2023.xlsx: 2.809,8 thành 2.810" (the window's font has no arrow); the file's
/// restores among them ("…, khôi phục từ ward-…-daily.db"), since a restore changes every value.
/// `slot` is the change log's ("figure:actual"), or "plan:" for any plan.
pub fn cell_lines(
    entries: &[crate::store::ChangeEntry],
    restores: &[crate::store::RestoreRecord],
    slot: &str,
    ctx: &ViewCtx<'_>,
) -> Vec<String> {
    let when = |at: jiff::Timestamp| {
        at.to_zoned(jiff::tz::TimeZone::system())
            .strftime("%d/%m/%Y %H:%M")
            .to_string()
    };
    let mut lines: Vec<(jiff::Timestamp, String)> = entries
        .iter()
        .filter(|e| e.slot.starts_with(slot))
        .map(|e| {
            let at = e.at.parse::<jiff::Timestamp>().unwrap_or_default();
            let line = rust_i18n::t!(
                "app.history.cell_line",
                locale = ctx.lang.code(),
                when = when(at),
                who = e.who,
                origin = e.origin_name(ctx.lang),
                old = e.old_shown(ctx.style),
                new = e.new_shown(ctx.style)
            )
            .into_owned();
            (at, line)
        })
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    for restore in restores {
        let file = std::path::Path::new(&restore.source)
            .file_name()
            .map_or_else(
                || restore.source.clone(),
                |n| n.to_string_lossy().into_owned(),
            );
        let line = rust_i18n::t!(
            "app.history.cell_restore",
            locale = ctx.lang.code(),
            when = when(restore.at),
            who = restore.who,
            file = file
        )
        .into_owned();
        lines.push((restore.at, line));
    }
    lines.sort_by_key(|(at, _)| *at);
    lines.into_iter().map(|(_, line)| line).collect()
}
