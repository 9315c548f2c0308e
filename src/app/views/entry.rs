//! Nhập số liệu: a year's plan and figures in a grid, one row per indicator grouped by
//! category. Every cell reads as you type ("= 17.416.889.536 đồng") or says why not; Save (or
//! Ctrl+S) writes every changed row in one transaction, and a cell in error blocks it all.

use crate::app::command::{Command, ImportAsk};
use crate::app::dialogs;
use crate::app::entry_form::{Column, EntryForm, Reading};
use crate::app::session::Session;
use crate::app::theme::{self, Palette};
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::domain::{Lang, plan};

/// The entry view's own state.
#[derive(Default)]
pub struct Entry {
    /// Set by Ctrl+S anywhere in the window: save at the next frame of this view.
    pub request_save: bool,
    /// Set by Ctrl+I anywhere in the window: choose a file to import.
    pub request_import: bool,
    /// The file to import, typed where no file dialog can open.
    import_path: String,
    no_dialog: bool,
    /// The locks of the year and their dialogs.
    locking: super::locking::Locking,
    /// For a province or a city: the grid of the plans it hands down to its wards.
    pub handout: super::handout::HandoutGrid,
    /// What was typed after Enter in the frame a cell took it: for the next frame, when the
    /// cell below has the focus (see `hold_after_enter`).
    held: Vec<egui::Event>,
    /// The cell Enter moved the focus to: scrolled into sight when next drawn.
    reveal: Option<egui::Id>,
}

impl Entry {
    /// Import from a file: the system's open dialog, or a typed path where none opens. Rows
    /// without a ward or a year take the ones shown.
    fn import_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let lang = ctx.lang;
        let button = ui
            .button(tr(lang, "app.import.button"))
            .on_hover_text(tr(lang, "app.import.hint"));
        let mut focus_field = false;
        if button.clicked() || std::mem::take(&mut self.request_import) {
            match dialogs::import_file() {
                Some(path) => ctx
                    .commands
                    .push(Command::ImportPreview(ImportAsk::file(path))),
                None => {
                    // No dialog could open (or it was cancelled): the path can be typed.
                    self.no_dialog = true;
                    focus_field = true;
                }
            }
        }
        if self.no_dialog {
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.import_path).desired_width(260.0))
                .labelled_by(button.id)
                .on_hover_text(tr(lang, "app.settings.no_dialog"));
            if focus_field {
                field.request_focus();
            }
            let path = self.import_path.trim().to_owned();
            let go = ui
                .add_enabled(
                    !path.is_empty(),
                    egui::Button::new(tr(lang, "app.import.to_path")),
                )
                .clicked();
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (go || entered) && !path.is_empty() {
                ctx.commands
                    .push(Command::ImportPreview(ImportAsk::file(path.into())));
            }
        }
    }
}

/// The focus id of a cell.
fn cell_id(row: usize, column: Column) -> egui::Id {
    egui::Id::unique(("entry-cell", row, column as u8))
}

impl Entry {
    /// Typing runs ahead of the frames: one frame may bring "11", Enter and "22". A cell ends
    /// its input at Enter and drops the rest of the frame's events, so that "22" was lost (the
    /// cell below got "2" of it, or nothing). While a cell of the grid has the focus, what
    /// follows an Enter waits for the next frame, and the cell below, which has the focus by
    /// then, takes it.
    fn hold_after_enter(&mut self, ui: &egui::Ui, rows: usize) {
        let held = std::mem::take(&mut self.held);
        let in_grid = ui.memory(egui::Memory::focused).is_some_and(|focused| {
            (0..rows).any(|row| Column::ALL.iter().any(|&c| cell_id(row, c) == focused))
        });
        ui.input_mut(|input| {
            input.events.splice(0..0, held);
            if !in_grid {
                return;
            }
            let enter = input.events.iter().position(|event| {
                matches!(
                    event,
                    egui::Event::Key {
                        key: egui::Key::Enter,
                        pressed: true,
                        modifiers,
                        ..
                    } if modifiers.is_none()
                )
            });
            if let Some(at) = enter
                && at + 1 < input.events.len()
            {
                self.held = input.events.split_off(at + 1);
            }
        });
        if !self.held.is_empty() {
            ui.ctx().request_repaint();
        }
    }
}

impl Entry {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &mut Session) {
        // A province or a city enters the plans it hands down to its wards.
        if session.handout.is_some() {
            self.handout.ui(ui, ctx, session);
            return;
        }
        let (lang, palette) = (ctx.lang, ctx.palette);
        // The lock of each column: the plans, a stage, and the note while the whole year is.
        let locks = Column::ALL.map(|column| {
            match column {
                Column::Plan => session.lock_of(None),
                Column::Note => session.whole_year_lock(),
                figure => session.lock_of(figure.stage()),
            }
            .map(|lock| super::locking::cell_hint(lock, lang))
        });
        // On a narrow window the buttons take the next row rather than leave the window.
        ui.horizontal_wrapped(|ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            ui.heading(rust_i18n::t!(
                "app.entry.title",
                locale = lang.code(),
                year = session.year,
                unit = session.unit.name
            ));
            ui.add_space(theme::GAP);
            let save = ui
                .add_enabled(
                    session.form.is_dirty(),
                    egui::Button::new(tr(lang, "app.entry.save")),
                )
                .on_hover_text("Ctrl+S");
            if save.clicked() {
                self.request_save = true;
            }
            if session.form.is_dirty() {
                ui.label(egui::RichText::new(tr(lang, "app.entry.unsaved")).color(palette.dirty));
                if ui.button(tr(lang, "app.entry.discard")).clicked() {
                    ctx.commands.push(Command::DiscardEdits);
                }
            }
            ui.add_space(theme::GAP);
            self.import_ui(ui, ctx);
            super::import::gather_button_ui(ui, ctx);
        });
        self.locking.ui(ui, ctx, session);
        let (cell_history, restores) = (&session.cell_history, &session.restores);
        let form = &mut session.form;
        if std::mem::take(&mut self.request_save) {
            match form.edits() {
                Ok(edits) if edits.is_empty() => {}
                Ok(edits) => ctx.commands.push(Command::Save(edits)),
                Err(errors) => {
                    let first = &errors[0];
                    ctx.commands.push(Command::SaveBlocked(
                        rust_i18n::t!(
                            "app.entry.blocked",
                            locale = lang.code(),
                            count = errors.len(),
                            row = first.row + 1,
                            indicator = first.indicator,
                            column = first.column.title(lang),
                            message = first.message
                        )
                        .into_owned(),
                    ));
                    ui.memory_mut(|m| m.request_focus(cell_id(first.row, first.column)));
                }
            }
        }
        ui.add_space(theme::GAP / 2.0);

        self.hold_after_enter(ui, form.rows.len());
        let reveal = self.reveal.take();
        let mut move_focus = None;
        let plan_width = plan_column_width(ui, form);
        let widths = Widths::of(ui, form, lang, plan_width);
        // The headings stay in sight while the rows scroll down; across, they scroll with them.
        egui::ScrollArea::horizontal()
            .id_salt("entry-across")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                headings_ui(ui, &widths, &locks, lang);
                egui::ScrollArea::vertical()
                    .id_salt("entry-down")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        egui::Grid::new("entry-grid")
                            .striped(true)
                            .num_columns(2 + Column::ALL.len())
                            .spacing([GRID_GAP, 4.0])
                            .show(ui, |ui| {
                                let mut category = None;
                                for index in 0..form.rows.len() {
                                    let row = &form.rows[index];
                                    if category != Some(row.indicator.category) {
                                        category = Some(row.indicator.category);
                                        fixed_ui(ui, widths.name, |ui| {
                                            ui.label(
                                                egui::RichText::new(
                                                    row.indicator.category.name(lang),
                                                )
                                                .strong(),
                                            );
                                        });
                                        ui.end_row();
                                    }
                                    let name = row.indicator.name(lang).to_owned();
                                    let mut label = egui::RichText::new(&name);
                                    if row.is_changed() {
                                        label = label.color(palette.dirty);
                                    }
                                    fixed_ui(ui, widths.name, |ui| {
                                        ui.label(label);
                                    });
                                    fixed_ui(ui, widths.unit, |ui| {
                                        ui.label(row.indicator.unit.symbol_in(lang));
                                    });
                                    for (column, lock) in Column::ALL.into_iter().zip(&locks) {
                                        let width = match column {
                                            Column::Note => theme::NOTE_WIDTH,
                                            Column::Plan => plan_width,
                                            _ => theme::CELL_WIDTH,
                                        };
                                        let cell = form.rows[index].cell(column);
                                        let mut text = cell.text.clone();
                                        let reading = cell.reading.clone();
                                        let changed = cell.is_changed();
                                        let flags: Vec<String> =
                                            form.flags(index, column).map(str::to_owned).collect();
                                        let accessible = format!("{} — {name}", column.title(lang));
                                        let response = ui
                                            .vertical(|ui| {
                                                ui.set_min_width(width);
                                                let mut edit =
                                                    egui::TextEdit::singleline(&mut text)
                                                        .id(cell_id(index, column))
                                                        .desired_width(width);
                                                if column != Column::Note {
                                                    edit = edit.align(egui::Align2::RIGHT_CENTER);
                                                }
                                                if matches!(reading, Reading::Error(_)) {
                                                    edit = edit.text_color(palette.error);
                                                }
                                                if !flags.is_empty() {
                                                    edit = edit.background_color(palette.flagged);
                                                }
                                                let history = cell_history
                                                    .get(&form.rows[index].indicator_id)
                                                    .zip(column.slot_prefix())
                                                    .map(|(entries, slot)| {
                                                        super::history::cell_lines(
                                                            entries, restores, slot, ctx,
                                                        )
                                                    })
                                                    .unwrap_or_default();
                                                let response = match lock {
                                                    Some(hint) => ui
                                                        .add_enabled(false, edit)
                                                        .on_disabled_hover_ui(|ui| {
                                                            ui.label(hint);
                                                            history_ui(ui, &history, lang);
                                                        }),
                                                    None => ui.add(edit),
                                                };
                                                if lock.is_none() && !history.is_empty() {
                                                    response.context_menu(|ui| {
                                                        history_ui(ui, &history, lang);
                                                    });
                                                }
                                                response.widget_info(|| {
                                                    egui::WidgetInfo::labeled(
                                                        egui::Role::TextInput,
                                                        true,
                                                        &accessible,
                                                    )
                                                });
                                                reading_ui(ui, &reading, changed, &palette, width);
                                                flags_ui(ui, lang, &flags, &palette, width);
                                                response
                                            })
                                            .inner;
                                        if response.changed() {
                                            form.set_text(index, column, text);
                                        }
                                        // The cell Enter moved to is scrolled into sight, to the middle:
                                        // the rows about it stay in view.
                                        if reveal == Some(cell_id(index, column))
                                            && !ui.clip_rect().contains_rect(response.rect)
                                        {
                                            response.scroll_to_me(Some(egui::Align::Center));
                                        }
                                        if response.lost_focus()
                                            && ui.input(|i| i.key_pressed(egui::Key::Enter))
                                        {
                                            move_focus = Some(cell_id(index + 1, column));
                                        }
                                    }
                                    ui.end_row();
                                }
                            });
                    });
            });
        if let Some(id) = move_focus {
            ui.memory_mut(|m| m.request_focus(id));
            self.reveal = Some(id);
        }
    }
}

/// The space between two columns of the grid (and of its headings above it).
const GRID_GAP: f32 = 10.0;

/// The grid's column widths, fixed so that the headings above the scrolled rows stand over
/// their columns: the names' and the units' as wide as the widest, the cells' the theme's.
struct Widths {
    name: f32,
    unit: f32,
    cells: [f32; Column::ALL.len()],
}

impl Widths {
    fn of(ui: &egui::Ui, form: &EntryForm, lang: Lang, plan_width: f32) -> Self {
        let widest = |texts: &mut dyn Iterator<Item = String>, strong: bool| {
            let font = egui::TextStyle::Body.resolve(ui.style());
            texts
                .map(|text| {
                    let galley = ui.ctx().fonts_mut(|fonts| {
                        fonts.layout_no_wrap(text, font.clone(), egui::Color32::PLACEHOLDER)
                    });
                    // Strong text is drawn in the body's size, a little wider.
                    galley.size().x * if strong { 1.1 } else { 1.0 }
                })
                .fold(0.0_f32, f32::max)
        };
        let names = widest(
            &mut form
                .rows
                .iter()
                .map(|r| r.indicator.name(lang).to_owned())
                .chain(std::iter::once(tr(lang, "app.table.indicator"))),
            false,
        );
        let categories = widest(
            &mut form
                .rows
                .iter()
                .map(|r| r.indicator.category.name(lang).to_owned()),
            true,
        );
        let unit = widest(
            &mut form
                .rows
                .iter()
                .map(|r| r.indicator.unit.symbol_in(lang).to_owned())
                .chain(std::iter::once(tr(lang, "app.table.unit"))),
            false,
        );
        Self {
            name: names.max(categories).ceil(),
            unit: unit.ceil(),
            cells: Column::ALL.map(|column| match column {
                Column::Note => theme::NOTE_WIDTH,
                Column::Plan => plan_width,
                _ => theme::CELL_WIDTH,
            }),
        }
    }
}

/// A grid cell exactly `width` wide.
fn fixed_ui(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    ui.scope(|ui| {
        ui.set_min_width(width);
        ui.set_max_width(width);
        add(ui);
    });
}

/// The headings over the grid's columns, each as wide as its column (a lock's mark wraps
/// under the stage's name).
fn headings_ui(
    ui: &mut egui::Ui,
    widths: &Widths,
    locks: &[Option<String>; Column::ALL.len()],
    lang: Lang,
) {
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = GRID_GAP;
        let heading = |ui: &mut egui::Ui, width: f32, title: String| {
            ui.allocate_ui(egui::vec2(width, 0.0), |ui| {
                ui.set_width(width);
                ui.add(egui::Label::new(egui::RichText::new(title).strong()).wrap())
            })
            .inner
        };
        heading(ui, widths.name, tr(lang, "app.table.indicator"));
        heading(ui, widths.unit, tr(lang, "app.table.unit"));
        for ((column, lock), &width) in Column::ALL.iter().zip(locks).zip(&widths.cells) {
            let mut title = column.title(lang);
            if lock.is_some() {
                title.push_str(&format!(" · {}", tr(lang, "app.lock.mark")));
            }
            let response = heading(ui, width, title);
            if let Some(hint) = lock {
                response.on_hover_text(hint);
            }
        }
    });
}

/// The plan column's width: a number cell's, grown (up to a limit) so that a plan in words
/// ("tăng 10% so với cùng kỳ") shows whole.
fn plan_column_width(ui: &egui::Ui, form: &EntryForm) -> f32 {
    /// Room for the cell's frame and margins around the text.
    const PADDING: f32 = 16.0;
    let font = egui::TextStyle::Body.resolve(ui.style());
    form.rows
        .iter()
        .map(|row| &row.cell(Column::Plan).text)
        .filter(|text| plan::is_worded(text))
        .map(|text| {
            let galley = ui.ctx().fonts_mut(|fonts| {
                fonts.layout_no_wrap(text.clone(), font.clone(), egui::Color32::PLACEHOLDER)
            });
            galley.size().x + PADDING
        })
        .fold(theme::CELL_WIDTH, f32::max)
        .min(theme::PLAN_CELL_MAX_WIDTH)
}

/// The lines under a flagged cell: why a plausibility rule doubts its value.
fn flags_ui(ui: &mut egui::Ui, lang: Lang, flags: &[String], palette: &Palette, width: f32) {
    for why in flags {
        let text = rust_i18n::t!("app.flags.cell", locale = lang.code(), why = why);
        ui.set_max_width(width);
        ui.add(
            egui::Label::new(
                egui::RichText::new(text.into_owned())
                    .small()
                    .color(palette.warning),
            )
            .wrap(),
        );
    }
}

/// A cell's changes, under a heading (its context menu, a locked cell's tooltip).
fn history_ui(ui: &mut egui::Ui, lines: &[String], lang: crate::domain::Lang) {
    if lines.is_empty() {
        return;
    }
    ui.label(egui::RichText::new(tr(lang, "app.history.cell")).strong());
    for line in lines {
        ui.label(line);
    }
}

/// The line under a cell: how it reads, or why not.
fn reading_ui(ui: &mut egui::Ui, reading: &Reading, changed: bool, palette: &Palette, width: f32) {
    let (text, color) = match reading {
        Reading::Empty | Reading::Text => (String::new(), palette.reading),
        Reading::Value { shown, warnings } if !warnings.is_empty() => {
            (format!("{shown}: {}", warnings.join("; ")), palette.warning)
        }
        Reading::Value { .. } if !changed => (String::new(), palette.reading),
        Reading::Value { shown, .. } => (shown.clone(), palette.reading),
        Reading::Error(message) => (message.clone(), palette.error),
    };
    if text.is_empty() {
        return;
    }
    ui.set_max_width(width);
    ui.add(egui::Label::new(egui::RichText::new(text).small().color(color)).wrap());
}
