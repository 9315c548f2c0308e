//! Giao kế hoạch: what the entry view shows for a province (or, before 1/7/2025, a city): the
//! plans it hands down to each of its wards, typed in a grid of wards × indicators, a category
//! at a time, its own plan on the first line and the wards' plans added up against it on the
//! last ("thiếu 120 tấn"). Every cell reads as typed or says why not; Save writes through the
//! one write path; the plans go out as a workbook per ward, or one for all.

use std::collections::BTreeMap;

use crate::app::command::Command;
use crate::app::dialogs;
use crate::app::session::Session;
use crate::app::theme;
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::domain::allocation::{self, Handout};
use crate::domain::{Category, Lang, Locale, PlanTarget};
use crate::edit::{Given, RowEdit, SlotEdit, Write};

/// Where a typed plan sits: the grid's line (0: the unit's own plan, then each ward in order)
/// and the indicator's index in the handout.
pub type HandoutCell = (usize, usize);

/// The grid's own state: what was typed and not saved yet.
pub struct HandoutGrid {
    category: Category,
    /// Typed cells, by line and indicator, kept per unit and year until saved or discarded:
    /// looking at another unit or year loses nothing.
    typed: BTreeMap<(String, i16), BTreeMap<HandoutCell, String>>,
    /// The unit and year shown.
    shown: (String, i16),
    /// Cells typed for the unit and year shown.
    edits: BTreeMap<HandoutCell, String>,
    /// The file or folder to write, typed where no file dialog can open.
    path: String,
    no_dialog: bool,
    /// One workbook for every ward rather than a file each.
    one_workbook: bool,
}

impl Default for HandoutGrid {
    fn default() -> Self {
        Self {
            category: Category::Economy,
            typed: BTreeMap::new(),
            shown: (String::new(), 0),
            edits: BTreeMap::new(),
            path: String::new(),
            no_dialog: false,
            one_workbook: true,
        }
    }
}

/// A cell as the grid reads it: its text, and the plan it says (`None` for a blank cell) or why
/// it says none.
struct Cell {
    text: String,
    read: Result<Option<PlanTarget>, String>,
    typed: bool,
}

impl HandoutGrid {
    /// The store took the plans typed for the unit and year shown: they are now the stored
    /// ones.
    pub fn saved(&mut self) {
        self.edits.clear();
    }

    /// True while a typed plan is not saved.
    pub fn is_dirty(&self) -> bool {
        !self.edits.is_empty()
    }

    fn cell(&self, handout: &Handout, (line, at): HandoutCell, locale: Locale) -> Cell {
        let indicator = &handout.indicators[at];
        if let Some(text) = self.edits.get(&(line, at)) {
            let read = if text.trim().is_empty() {
                Ok(None)
            } else {
                PlanTarget::parse(text, &indicator.unit, locale.style)
                    .map(|(target, _)| Some(target))
                    .map_err(|e| e.message(locale.lang))
            };
            return Cell {
                text: text.clone(),
                read,
                typed: true,
            };
        }
        let stored = if line == 0 {
            handout.own.get(at).and_then(Option::as_ref)
        } else {
            handout
                .wards
                .get(line - 1)
                .and_then(|w| w.plans.get(at))
                .and_then(Option::as_ref)
        };
        Cell {
            text: stored
                .map(|p| p.shown(&indicator.unit, locale))
                .unwrap_or_default(),
            read: Ok(stored.map(|p| p.target)),
            typed: false,
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
        let Some(handout) = &session.handout else {
            return;
        };
        let lang = ctx.lang;
        let locale = ctx.locale();
        let key = (handout.parent.code.clone(), handout.year);
        if self.shown != key {
            let typed = std::mem::take(&mut self.edits);
            if !typed.is_empty() {
                self.typed.insert(self.shown.clone(), typed);
            }
            self.edits = self.typed.remove(&key).unwrap_or_default();
            self.shown = key;
        }
        ui.horizontal(|ui| {
            ui.heading(rust_i18n::t!(
                "handout.grid.title",
                locale = lang.code(),
                year = handout.year,
                unit = handout.parent.name
            ));
            ui.add_space(theme::GAP);
            self.save_ui(ui, ctx, session, handout);
        });
        ui.label(rust_i18n::t!(
            "handout.grid.hint",
            locale = lang.code(),
            wards = handout.wards.len()
        ));
        self.export_ui(ui, ctx, handout);
        ui.add_space(theme::GAP / 2.0);
        ui.horizontal_wrapped(|ui| {
            for category in Category::ALL {
                if handout.indicators.iter().any(|i| i.category == category) {
                    ui.selectable_value(&mut self.category, category, category.name(lang));
                }
            }
        });
        let columns: Vec<usize> = (0..handout.indicators.len())
            .filter(|&i| handout.indicators[i].category == self.category)
            .collect();
        ui.add_space(theme::GAP / 2.0);
        egui::ScrollArea::horizontal()
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.vertical(|ui| {
                    header_ui(ui, handout, &columns, lang);
                    let own = rust_i18n::t!(
                        "handout.grid.own",
                        locale = lang.code(),
                        unit = handout.parent.name
                    );
                    self.line_ui(ui, ctx, handout, &columns, 0, &own);
                    ui.separator();
                    let height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
                    let shown = ui.available_height() - 5.0 * height;
                    egui::ScrollArea::vertical()
                        .id_salt("handout-rows")
                        .max_height(shown.max(height * 4.0))
                        .auto_shrink([false, true])
                        .show_rows(ui, height, handout.wards.len(), |ui, range| {
                            for index in range {
                                let name = handout.wards[index].unit.name.clone();
                                self.line_ui(ui, ctx, handout, &columns, index + 1, &name);
                            }
                        });
                    ui.separator();
                    self.totals_ui(ui, handout, &columns, locale);
                });
            });
    }

    /// One line of the grid: its name, then a field per indicator of the category shown.
    fn line_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        handout: &Handout,
        columns: &[usize],
        line: usize,
        name: &str,
    ) {
        let locale = ctx.locale();
        ui.horizontal(|ui| {
            let label = name_cell(ui, name);
            for &at in columns {
                let cell = self.cell(handout, (line, at), locale);
                let mut text = cell.text.clone();
                let mut edit = egui::TextEdit::singleline(&mut text)
                    .desired_width(theme::CELL_WIDTH)
                    .align(egui::Align2::RIGHT_CENTER);
                if cell.read.is_err() {
                    edit = edit.text_color(ctx.palette.error);
                } else if cell.typed {
                    edit = edit.text_color(ctx.palette.dirty);
                }
                let indicator = handout.indicators[at].name(locale.lang);
                let response = ui
                    .add(edit)
                    .labelled_by(label.id)
                    .on_hover_text(match &cell.read {
                        Err(why) => format!("{indicator}: {why}"),
                        Ok(_) => indicator.to_owned(),
                    });
                if response.changed() {
                    self.edits.insert((line, at), text);
                }
            }
        });
    }

    /// The wards' plans added up under each column, and against the unit's own plan.
    fn totals_ui(&self, ui: &mut egui::Ui, handout: &Handout, columns: &[usize], locale: Locale) {
        let lang = locale.lang;
        let lines = [
            tr(lang, "handout.grid.total"),
            tr(lang, "handout.grid.against_own"),
        ];
        let allocations: Vec<allocation::Allocation> = columns
            .iter()
            .map(|&at| {
                let read = |line| self.cell(handout, (line, at), locale).read.ok().flatten();
                allocation::allocate(
                    &handout.indicators[at].aggregation,
                    read(0),
                    (1..=handout.wards.len()).map(read),
                )
            })
            .collect();
        for (index, title) in lines.iter().enumerate() {
            ui.horizontal(|ui| {
                name_cell(ui, title);
                for (allocation, &at) in allocations.iter().zip(columns) {
                    let indicator = &handout.indicators[at];
                    let text = if index == 0 {
                        match allocation.summed_total() {
                            Some(total) => {
                                crate::domain::number::format_exact(total.normalize(), locale.style)
                            }
                            None => "–".into(),
                        }
                    } else {
                        allocation.verdict(indicator, locale)
                    };
                    ui.allocate_ui_with_layout(
                        egui::vec2(theme::CELL_WIDTH, ui.spacing().interact_size.y),
                        egui::Layout::top_down(egui::Align::RIGHT),
                        |ui| {
                            ui.set_width(theme::CELL_WIDTH);
                            ui.add(egui::Label::new(egui::RichText::new(text).small()).wrap());
                        },
                    )
                    .response
                    .on_hover_text(allocation.verdict(indicator, locale));
                }
            });
        }
    }

    /// Save and discard; a cell that does not read blocks the save and says where.
    fn save_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        session: &Session,
        handout: &Handout,
    ) {
        let lang = ctx.lang;
        let locale = ctx.locale();
        let save = ui.add_enabled(
            self.is_dirty(),
            egui::Button::new(tr(lang, "app.entry.save")),
        );
        if self.is_dirty() && ui.button(tr(lang, "app.entry.discard")).clicked() {
            self.edits.clear();
        }
        if !save.clicked() {
            return;
        }
        let mut edits = Vec::new();
        for &(line, at) in self.edits.keys() {
            let cell = self.cell(handout, (line, at), locale);
            let indicator = &handout.indicators[at];
            let target = match cell.read {
                Ok(target) => target,
                Err(why) => {
                    let unit = if line == 0 {
                        &handout.parent.name
                    } else {
                        &handout.wards[line - 1].unit.name
                    };
                    ctx.commands.push(Command::ShowError(
                        rust_i18n::t!(
                            "handout.grid.blocked",
                            locale = lang.code(),
                            unit = unit,
                            indicator = indicator.name(lang),
                            why = why
                        )
                        .into_owned(),
                    ));
                    return;
                }
            };
            let Some(id) = session.indicator_id(&indicator.code) else {
                continue;
            };
            let (unit, source) = if line == 0 {
                (Some(session.unit_id), None)
            } else {
                (
                    session.handout_units.get(line - 1).copied(),
                    Some(handout.wards[line - 1].source),
                )
            };
            let Some(unit) = unit else { continue };
            edits.push(RowEdit {
                at: (line, at),
                unit,
                year: handout.year,
                indicator: id,
                slots: vec![SlotEdit {
                    at: (line, at),
                    write: Write::Plan {
                        source,
                        target: match target {
                            Some(value) => Given::Set {
                                value,
                                text: cell.text.trim().to_owned(),
                            },
                            None => Given::Clear,
                        },
                        derived: Some(false),
                    },
                    note: None,
                }],
                note: None,
            });
        }
        if !edits.is_empty() {
            ctx.commands.push(Command::SaveHandout(edits));
        }
    }

    /// Writes the plans handed down: a workbook per ward into a folder, or one for all.
    fn export_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, handout: &Handout) {
        let lang = ctx.lang;
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "handout.grid.export"));
            ui.checkbox(
                &mut self.one_workbook,
                tr(lang, "handout.grid.one_workbook"),
            );
            let name = if self.one_workbook {
                format!(
                    "giao-chi-tieu-{}-{}.xlsx",
                    handout.year, handout.parent.code
                )
            } else {
                format!("giao-chi-tieu-{}-{}", handout.year, handout.parent.code)
            };
            if ui.button(tr(lang, "app.export.save_as")).clicked() {
                match dialogs::export_file(&name, crate::export::Format::Xlsx) {
                    Some(path) => ctx.commands.push(Command::ExportHandout {
                        path,
                        one_workbook: self.one_workbook,
                    }),
                    None => self.no_dialog = true,
                }
            }
            if self.no_dialog {
                if self.path.is_empty() {
                    self.path = name;
                }
                ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(280.0))
                    .labelled_by(label.id)
                    .on_hover_text(tr(lang, "app.settings.no_dialog"));
                let path = self.path.trim().to_owned();
                if ui
                    .add_enabled(
                        !path.is_empty(),
                        egui::Button::new(tr(lang, "app.export.to_path")),
                    )
                    .clicked()
                {
                    ctx.commands.push(Command::ExportHandout {
                        path: path.into(),
                        one_workbook: self.one_workbook,
                    });
                }
            }
        });
    }
}

/// The first column: a line's name, at a fixed width.
fn name_cell(ui: &mut egui::Ui, name: &str) -> egui::Response {
    ui.allocate_ui_with_layout(
        egui::vec2(theme::NAME_WIDTH, ui.spacing().interact_size.y),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_width(theme::NAME_WIDTH);
            ui.add(egui::Label::new(name).truncate())
        },
    )
    .inner
}

/// The heading line: each indicator's name and unit over its column.
fn header_ui(ui: &mut egui::Ui, handout: &Handout, columns: &[usize], lang: Lang) {
    ui.horizontal(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(theme::NAME_WIDTH, 0.0),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_width(theme::NAME_WIDTH);
                ui.label(egui::RichText::new(tr(lang, "handout.grid.unit")).strong());
            },
        );
        for &at in columns {
            let indicator = &handout.indicators[at];
            ui.allocate_ui(egui::vec2(theme::CELL_WIDTH, 60.0), |ui| {
                ui.set_width(theme::CELL_WIDTH);
                ui.vertical(|ui| {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(indicator.name(lang)).strong().small(),
                        )
                        .wrap(),
                    );
                    ui.label(egui::RichText::new(indicator.unit.symbol_in(lang)).small());
                });
            });
        }
    });
}
