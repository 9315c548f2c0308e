//! Danh mục: the indicator catalogue. Add, edit, reorder within a category, archive. An
//! indicator that holds data is archived, never deleted; one that never held data can be.
//! Each indicator's aliases (the names imported tables write for it) are listed under its
//! name, and added or removed in its edit form. What is typed stays until the store took it.
//! Each indicator's plausibility rules (bounds, warning thresholds) are listed under its name and
//! typed in its edit form, in the user's number style; blank is no rule.

use crate::app::command::Command;
use crate::app::session::Session;
use crate::app::theme;
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::domain::number::{self, NumberStyle};
use crate::domain::{
    Aggregation, Category, Direction, Indicator, Kind, Lang, Rules, Unit, name_key,
};
use crate::store::IndicatorId;

/// The catalogue view's own state: the indicator being edited, as typed.
#[derive(Default)]
pub struct Catalogue {
    editing: Option<Draft>,
}

/// An indicator being added or edited, its fields as typed.
struct Draft {
    new: bool,
    code: String,
    name_vi: String,
    name_en: String,
    category: Category,
    unit: String,
    direction: Direction,
    kind: Kind,
    precision: u32,
    archived: bool,
    order: i64,
    error: Option<String>,
    /// A new alias as typed, kept until the store took it.
    alias: String,
    /// The rules as typed, in [`RULE_FIELDS`] order; blank: not checked.
    rules: [String; 5],
    /// How the indicator adds up across wards.
    aggregation: Aggregation,
}

/// The rules' fields in the form: the label's key, and the rule each one sets.
const RULE_FIELDS: [&str; 5] = [
    "app.catalogue.rule_min",
    "app.catalogue.rule_max",
    "app.catalogue.rule_change",
    "app.catalogue.rule_times_plan",
    "app.catalogue.rule_stage_gap",
];

/// Rules as the form's texts, in `style`.
fn rule_texts(rules: &Rules, style: NumberStyle) -> [String; 5] {
    [
        rules.min,
        rules.max,
        rules.max_change,
        rules.max_times_plan,
        rules.max_stage_gap,
    ]
    .map(|rule| {
        rule.map(|v| number::format_exact(v, style))
            .unwrap_or_default()
    })
}

/// A rule as typed: blank is none; a number in `style`, a sign allowed, a trailing % dropped.
fn read_rule(
    text: &str,
    lang: Lang,
    style: NumberStyle,
) -> Result<Option<rust_decimal::Decimal>, String> {
    let text = text.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    number::parse_plain(text, style)
        .map(|parsed| Some(parsed.value))
        .map_err(|e| e.message(lang))
}

impl Draft {
    fn of(indicator: &Indicator, style: NumberStyle) -> Self {
        Self {
            rules: rule_texts(&indicator.rules, style),
            aggregation: indicator.aggregation.clone(),
            new: false,
            code: indicator.code.clone(),
            name_vi: indicator.name_vi.clone(),
            name_en: indicator.name_en.clone(),
            category: indicator.category,
            unit: indicator.unit.symbol().to_owned(),
            direction: indicator.direction,
            kind: indicator.kind,
            precision: indicator.precision,
            archived: indicator.archived,
            order: indicator.order,
            error: None,
            alias: String::new(),
        }
    }

    fn blank(order: i64, style: NumberStyle) -> Self {
        Self {
            rules: rule_texts(&Rules::default_for(Kind::Flow, &Unit::new("")), style),
            aggregation: Aggregation::Sum,
            new: true,
            code: String::new(),
            name_vi: String::new(),
            name_en: String::new(),
            category: Category::Economy,
            unit: String::new(),
            direction: Direction::HigherIsBetter,
            kind: Kind::Flow,
            precision: 0,
            archived: false,
            order,
            error: None,
            alias: String::new(),
        }
    }

    /// The indicator as typed, or which rule field does not read and why.
    fn indicator(&self, lang: Lang, style: NumberStyle) -> Result<Indicator, String> {
        let mut rules = [None; 5];
        for ((rule, text), key) in rules.iter_mut().zip(&self.rules).zip(RULE_FIELDS) {
            *rule = read_rule(text, lang, style)
                .map_err(|reason| format!("{}: {reason}", tr(lang, key)))?;
        }
        let [min, max, max_change, max_times_plan, max_stage_gap] = rules;
        Ok(Indicator {
            rules: Rules {
                min,
                max,
                max_change,
                max_times_plan,
                max_stage_gap,
            },
            code: self.code.trim().to_owned(),
            name_vi: self.name_vi.trim().to_owned(),
            name_en: self.name_en.trim().to_owned(),
            category: self.category,
            unit: Unit::new(self.unit.clone()),
            direction: self.direction,
            kind: self.kind,
            precision: self.precision,
            archived: self.archived,
            order: self.order,
            aggregation: self.aggregation.clone(),
        })
    }
}

impl Catalogue {
    /// The store took an indicator's definition: its form closes.
    pub fn indicator_saved(&mut self, code: &str) {
        if self.editing.as_ref().is_some_and(|d| d.code.trim() == code) {
            self.editing = None;
        }
    }

    /// The store took an alias: the field it was typed in empties.
    pub fn alias_added(&mut self, alias: &str) {
        if let Some(draft) = &mut self.editing
            && name_key(&draft.alias) == name_key(alias)
        {
            draft.alias.clear();
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
        let lang = ctx.lang;
        ui.horizontal(|ui| {
            ui.heading(tr(lang, "app.view.catalogue"));
            ui.add_space(theme::GAP);
            if ui.button(tr(lang, "app.catalogue.add")).clicked() {
                let last = session
                    .indicators
                    .iter()
                    .map(|(_, i)| i.order)
                    .max()
                    .unwrap_or(0);
                self.editing = Some(Draft::blank(last + 1, ctx.style));
            }
        });
        ui.add_space(theme::GAP / 2.0);
        if let Some(draft) = &mut self.editing {
            let mut close = false;
            egui::Frame::group(ui.style()).show(ui, |ui| {
                close = draft_ui(ui, ctx, session, draft);
            });
            if close {
                self.editing = None;
            }
            ui.add_space(theme::GAP);
        }
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("catalogue")
                    .striped(true)
                    .num_columns(7)
                    .spacing([12.0, 6.0])
                    .show(ui, |ui| {
                        for key in [
                            "app.catalogue.order",
                            "app.table.indicator",
                            "app.table.unit",
                            "app.catalogue.direction",
                            "app.catalogue.kind",
                            "app.catalogue.precision",
                            "app.catalogue.actions",
                        ] {
                            ui.label(egui::RichText::new(tr(lang, key)).strong());
                        }
                        ui.end_row();
                        for category in Category::ALL {
                            let members: Vec<&Indicator> = session
                                .indicators
                                .iter()
                                .map(|(_, i)| i)
                                .filter(|i| i.category == category)
                                .collect();
                            if members.is_empty() {
                                continue;
                            }
                            ui.label("");
                            ui.label(egui::RichText::new(category.name(lang)).strong());
                            ui.end_row();
                            for (position, indicator) in members.iter().enumerate() {
                                self.row_ui(ui, ctx, session, &members, position, indicator);
                            }
                        }
                    });
            });
    }

    fn row_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        session: &Session,
        members: &[&Indicator],
        position: usize,
        indicator: &Indicator,
    ) {
        let lang = ctx.lang;
        ui.horizontal(|ui| {
            let reorder = |from: usize, to: usize| {
                let mut codes: Vec<String> = members.iter().map(|i| i.code.clone()).collect();
                codes.swap(from, to);
                Command::Reorder(codes)
            };
            if ui
                .add_enabled(
                    position > 0,
                    egui::Button::new(tr(lang, "app.catalogue.up")).small(),
                )
                .clicked()
            {
                ctx.commands.push(reorder(position, position - 1));
            }
            if ui
                .add_enabled(
                    position + 1 < members.len(),
                    egui::Button::new(tr(lang, "app.catalogue.down")).small(),
                )
                .clicked()
            {
                ctx.commands.push(reorder(position, position + 1));
            }
        });
        let mut name = egui::RichText::new(indicator.name(lang));
        if indicator.archived {
            name = egui::RichText::new(format!(
                "{} ({})",
                indicator.name(lang),
                tr(lang, "app.catalogue.archived")
            ))
            .color(ctx.palette.missing);
        }
        let aliases = session
            .indicator_id(&indicator.code)
            .map(|id| session.aliases_of(id).collect::<Vec<_>>())
            .unwrap_or_default();
        ui.vertical(|ui| {
            ui.set_max_width(theme::NAME_WIDTH);
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            ui.label(name);
            if !aliases.is_empty() {
                let text = format!(
                    "{}: {}",
                    tr(lang, "app.catalogue.aliases"),
                    aliases.join("; ")
                );
                ui.label(egui::RichText::new(text).small().color(ctx.palette.missing));
            }
            // Its checks under its name: a column of their own would push the actions off a
            // 1280-pixel screen.
            let weight = indicator.aggregation.weight().and_then(|code| {
                session
                    .indicators
                    .iter()
                    .find(|(_, i)| i.code == code)
                    .map(|(_, i)| i.name(lang))
            });
            let rules = format!(
                "{}: {}",
                tr(lang, "app.catalogue.rules"),
                indicator.rules.text(indicator.kind, ctx.locale())
            );
            let aggregation = format!(
                "{}: {}",
                tr(lang, "app.catalogue.aggregation"),
                indicator.aggregation.describe(lang, weight)
            );
            for line in [rules, aggregation] {
                ui.label(egui::RichText::new(line).small().color(ctx.palette.missing));
            }
        });
        ui.label(indicator.unit.symbol_in(lang));
        ui.label(tr(
            lang,
            &format!("direction.{}", indicator.direction.code()),
        ));
        ui.label(tr(lang, &format!("kind.{}", indicator.kind.code())));
        ui.label(indicator.precision.to_string());
        ui.horizontal(|ui| {
            if ui.small_button(tr(lang, "app.catalogue.edit")).clicked() {
                self.editing = Some(Draft::of(indicator, ctx.style));
            }
            let archive_key = if indicator.archived {
                "app.catalogue.unarchive"
            } else {
                "app.catalogue.archive"
            };
            if ui.small_button(tr(lang, archive_key)).clicked() {
                let mut changed = indicator.clone();
                changed.archived = !changed.archived;
                ctx.commands.push(Command::UpdateIndicator(changed));
            }
            let has_data = session
                .indicator_id(&indicator.code)
                .is_some_and(|id| session.with_data.contains(&id));
            if !has_data && ui.small_button(tr(lang, "app.catalogue.delete")).clicked() {
                ctx.commands
                    .push(Command::DeleteIndicator(indicator.code.clone()));
            }
        });
        ui.end_row();
    }
}

/// The add / edit form; true when it should close (cancelled: a save closes it once the store
/// took it).
fn draft_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    session: &Session,
    draft: &mut Draft,
) -> bool {
    let lang = ctx.lang;
    let mut close = false;
    let title = if draft.new {
        "app.catalogue.add"
    } else {
        "app.catalogue.edit"
    };
    ui.label(egui::RichText::new(tr(lang, title)).strong());
    egui::Grid::new("indicator-form")
        .num_columns(2)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            let text_field = |ui: &mut egui::Ui, key: &str, value: &mut String, enabled: bool| {
                let label = ui.label(tr(lang, key));
                ui.add_enabled(
                    enabled,
                    egui::TextEdit::singleline(value).desired_width(360.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            };
            text_field(ui, "app.catalogue.code", &mut draft.code, draft.new);
            text_field(ui, "app.catalogue.name_vi", &mut draft.name_vi, true);
            text_field(ui, "app.catalogue.name_en", &mut draft.name_en, true);
            text_field(ui, "app.table.unit", &mut draft.unit, true);

            let label = ui.label(tr(lang, "app.catalogue.category"));
            egui::ComboBox::from_id_salt("draft-category")
                .selected_text(draft.category.name(lang))
                .show_ui(ui, |ui| {
                    for category in Category::ALL {
                        ui.selectable_value(&mut draft.category, category, category.name(lang));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(tr(lang, "app.catalogue.direction"));
            egui::ComboBox::from_id_salt("draft-direction")
                .selected_text(tr(lang, &format!("direction.{}", draft.direction.code())))
                .show_ui(ui, |ui| {
                    for direction in Direction::ALL {
                        let text = tr(lang, &format!("direction.{}", direction.code()));
                        ui.selectable_value(&mut draft.direction, direction, text);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(tr(lang, "app.catalogue.kind"));
            egui::ComboBox::from_id_salt("draft-kind")
                .selected_text(tr(lang, &format!("kind.{}", draft.kind.code())))
                .show_ui(ui, |ui| {
                    for kind in Kind::ALL {
                        let text = tr(lang, &format!("kind.{}", kind.code()));
                        ui.selectable_value(&mut draft.kind, kind, text);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(tr(lang, "app.catalogue.precision"));
            ui.add(egui::DragValue::new(&mut draft.precision).range(0..=6))
                .labelled_by(label.id);
            ui.end_row();
            aggregation_ui(ui, ctx, session, draft);
            rules_ui(ui, ctx, draft);
        });
    let stored = (!draft.new)
        .then(|| session.indicator_id(&draft.code))
        .flatten();
    if let Some(id) = stored {
        ui.add_space(theme::GAP / 2.0);
        aliases_ui(ui, ctx, session, id, draft);
    }
    if let Some(error) = &draft.error {
        ui.label(egui::RichText::new(error).color(ctx.palette.error));
    }
    ui.horizontal(|ui| {
        if ui.button(tr(lang, "app.catalogue.save")).clicked() {
            let indicator = match draft.indicator(lang, ctx.style) {
                Ok(indicator) => indicator,
                Err(error) => {
                    draft.error = Some(error);
                    return;
                }
            };
            match indicator.validate() {
                Ok(()) => {
                    // An alias typed and not yet added is saved with the rest, first: if the
                    // store refuses it, nothing after it is applied and the form stays open.
                    if let Some(id) = stored
                        && !draft.alias.trim().is_empty()
                    {
                        ctx.commands.push(Command::AddAlias {
                            indicator: id,
                            alias: draft.alias.clone(),
                        });
                    }
                    draft.error = None;
                    ctx.commands.push(if draft.new {
                        Command::AddIndicator(indicator)
                    } else {
                        Command::UpdateIndicator(indicator)
                    });
                }
                Err(error) => draft.error = Some(crate::messages::indicator_error(&error, lang)),
            }
        }
        if ui.button(tr(lang, "app.catalogue.cancel")).clicked() {
            close = true;
        }
    });
    close
}

/// How the indicator adds up across wards (rows of the form's grid): sum, weighted by another
/// indicator (one that sums), or not added up.
fn aggregation_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, session: &Session, draft: &mut Draft) {
    let lang = ctx.lang;
    let weights: Vec<&Indicator> = session
        .indicators
        .iter()
        .map(|(_, i)| i)
        .filter(|i| i.aggregation == Aggregation::Sum && !i.archived && i.code != draft.code)
        .collect();
    let name_of = |code: &str| {
        weights
            .iter()
            .find(|i| i.code == code)
            .map(|i| i.name(lang).to_owned())
    };
    let label = ui.label(tr(lang, "app.catalogue.aggregation"));
    let shown = draft.aggregation.describe(
        lang,
        draft.aggregation.weight().and_then(name_of).as_deref(),
    );
    egui::ComboBox::from_id_salt("draft-aggregation")
        .selected_text(shown)
        .width(FIELD_WIDTH)
        .show_ui(ui, |ui| {
            let first_weight = weights
                .iter()
                .find(|i| i.code == "households" || i.code == "population")
                .or(weights.first())
                .map(|i| i.code.clone());
            let mut choices = vec![Aggregation::Sum, Aggregation::Distribution];
            if let Some(weight) = draft
                .aggregation
                .weight()
                .map(str::to_owned)
                .or(first_weight)
            {
                choices.push(Aggregation::Weighted { weight });
            }
            for choice in choices {
                let text = choice.describe(lang, choice.weight().and_then(name_of).as_deref());
                ui.selectable_value(&mut draft.aggregation, choice, text);
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    if let Aggregation::Weighted { weight } = &mut draft.aggregation {
        let label = ui.label(tr(lang, "app.catalogue.weight"));
        egui::ComboBox::from_id_salt("draft-weight")
            .selected_text(name_of(weight).unwrap_or_else(|| weight.clone()))
            .width(FIELD_WIDTH)
            .show_ui(ui, |ui| {
                for indicator in &weights {
                    ui.selectable_value(weight, indicator.code.clone(), indicator.name(lang));
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
    }
}

/// Width of the form's text fields.
const FIELD_WIDTH: f32 = 360.0;

/// The rules' fields (rows of the form's grid): the bounds, then the warning thresholds, and a
/// button that puts back the defaults of the kind and unit chosen.
fn rules_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, draft: &mut Draft) {
    let lang = ctx.lang;
    ui.label(egui::RichText::new(tr(lang, "app.catalogue.rules_title")).strong());
    if ui
        .small_button(tr(lang, "app.catalogue.rules_default"))
        .clicked()
    {
        let defaults = Rules::default_for(draft.kind, &Unit::new(draft.unit.clone()));
        draft.rules = rule_texts(&defaults, ctx.style);
    }
    ui.end_row();
    ui.label("");
    ui.scope(|ui| {
        ui.set_max_width(FIELD_WIDTH);
        let hint = egui::RichText::new(tr(lang, "app.catalogue.rules_hint")).small();
        ui.add(egui::Label::new(hint).wrap());
    });
    ui.end_row();
    for (text, key) in draft.rules.iter_mut().zip(RULE_FIELDS) {
        let label = ui.label(tr(lang, key));
        ui.add(egui::TextEdit::singleline(text).desired_width(theme::CELL_WIDTH))
            .labelled_by(label.id);
        ui.end_row();
    }
}

/// An indicator's aliases, each with its remove button, and the field to add one.
fn aliases_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    session: &Session,
    id: IndicatorId,
    draft: &mut Draft,
) {
    let lang = ctx.lang;
    ui.label(egui::RichText::new(tr(lang, "app.catalogue.aliases_title")).strong());
    ui.label(egui::RichText::new(tr(lang, "app.catalogue.aliases_hint")).small());
    let aliases: Vec<&str> = session.aliases_of(id).collect();
    if aliases.is_empty() {
        ui.label(
            egui::RichText::new(tr(lang, "app.catalogue.no_aliases")).color(ctx.palette.missing),
        );
    }
    for alias in aliases {
        ui.horizontal(|ui| {
            ui.label(alias);
            let remove = ui.small_button(tr(lang, "app.catalogue.delete"));
            // Its name for a screen reader (and a test) says which alias it removes.
            let name = rust_i18n::t!(
                "app.catalogue.remove_alias",
                locale = lang.code(),
                alias = alias
            )
            .into_owned();
            remove
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name.clone()));
            if remove.clicked() {
                ctx.commands.push(Command::RemoveAlias(alias.to_owned()));
            }
        });
    }
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, "app.catalogue.new_alias"));
        let field = ui
            .add(egui::TextEdit::singleline(&mut draft.alias).desired_width(360.0))
            .labelled_by(label.id);
        let typed = !draft.alias.trim().is_empty();
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let add = ui.add_enabled(
            typed,
            egui::Button::new(tr(lang, "app.catalogue.add_alias")),
        );
        if typed && (add.clicked() || entered) {
            ctx.commands.push(Command::AddAlias {
                indicator: id,
                alias: draft.alias.clone(),
            });
        }
    });
}
