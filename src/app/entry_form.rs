//! The data-entry form without the window: one row per indicator with the text of each cell as
//! typed (in the user's number style), read as it changes, and turned on save into the edits of
//! the changed rows for the one write path ([`crate::edit`]), or into the list of cells that
//! stop the save. Plain Rust, so it is tested without a window.

use rust_decimal::Decimal;

use crate::domain::number::{self, NumberStyle, NumberWarning};
use crate::domain::{Figure, Indicator, Lang, Locale, Plan, PlanTarget, Stage};
use crate::edit::{Given, RowEdit, SlotEdit, Write};
use crate::store::{IndicatorId, Store, StoreError, UnitId};

/// The columns of the grid, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Plan,
    Estimate,
    Actual,
    Final,
    Note,
}

impl Column {
    /// Every column, left to right.
    pub const ALL: [Self; 5] = [
        Self::Plan,
        Self::Estimate,
        Self::Actual,
        Self::Final,
        Self::Note,
    ];

    fn index(self) -> usize {
        match self {
            Self::Plan => 0,
            Self::Estimate => 1,
            Self::Actual => 2,
            Self::Final => 3,
            Self::Note => 4,
        }
    }

    /// The stage a figure column holds.
    pub fn stage(self) -> Option<Stage> {
        match self {
            Self::Estimate => Some(Stage::Estimate),
            Self::Actual => Some(Stage::Actual),
            Self::Final => Some(Stage::Final),
            Self::Plan | Self::Note => None,
        }
    }

    /// The change log's slot of the column's values ("figure:actual"; "plan:" for any plan);
    /// `None` for the note, whose changes are its value's.
    pub fn slot_prefix(self) -> Option<&'static str> {
        match self {
            Self::Plan => Some("plan:"),
            Self::Estimate => Some("figure:estimate"),
            Self::Actual => Some("figure:actual"),
            Self::Final => Some("figure:final"),
            Self::Note => None,
        }
    }

    /// The column heading.
    pub fn title(self, lang: Lang) -> String {
        match self.stage() {
            Some(stage) => stage.name(lang),
            None => {
                let key = if self == Self::Plan {
                    "app.entry.plan"
                } else {
                    "app.entry.note"
                };
                rust_i18n::t!(key, locale = lang.code()).into_owned()
            }
        }
    }
}

/// How a cell reads now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Nothing typed: the value is (or will be) absent.
    Empty,
    /// A note: free text.
    Text,
    /// A number or a band, with how it reads ("= 17.416.889.536 đồng") and any warnings.
    Value {
        shown: String,
        warnings: Vec<String>,
    },
    /// Why the text cannot be read.
    Error(String),
}

/// One cell: the text as typed, the text as loaded, and its reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    original: String,
    pub reading: Reading,
}

impl Cell {
    /// True when the text differs from what was loaded.
    pub fn is_changed(&self) -> bool {
        self.text.trim() != self.original.trim()
    }
}

/// One indicator's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub indicator_id: IndicatorId,
    pub indicator: Indicator,
    /// The plan the report uses, which the row shows and edits.
    plan: Option<Plan>,
    figures: Vec<Figure>,
    /// Last year's value (its latest stage), which a plan relative to last year comes from.
    last: Option<Decimal>,
    cells: [Cell; 5],
}

impl Row {
    /// The cell of a column.
    pub fn cell(&self, column: Column) -> &Cell {
        &self.cells[column.index()]
    }

    /// True when any cell of the row was changed.
    pub fn is_changed(&self) -> bool {
        self.cells.iter().any(Cell::is_changed)
    }
}

/// A cell that stops the save, named for the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    pub row: usize,
    pub column: Column,
    pub indicator: String,
    pub message: String,
}

/// Where an edit of the form came from: a row (by index) and a column.
pub type CellAt = (usize, Column);

/// The form of one ward and year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryForm {
    pub unit: UnitId,
    pub year: i16,
    /// The language of the messages.
    pub lang: Lang,
    /// The style the cells are written and read in.
    pub style: NumberStyle,
    pub rows: Vec<Row>,
    /// Cells whose value a plausibility rule doubted at the last save, and why: marked in the
    /// grid until retyped.
    flagged: Vec<(CellAt, String)>,
}

impl EntryForm {
    /// Loads the form of a ward-year: every indicator that is not archived, with the stored
    /// plan and figures written in `style`.
    pub fn load(
        store: &Store,
        unit: UnitId,
        year: i16,
        (lang, style): (Lang, NumberStyle),
    ) -> Result<Self, StoreError> {
        let mut plans = store.plans_of(unit, year)?;
        let mut figures = store.figures_of(unit, year)?;
        let previous = store.figures_of(unit, year - 1)?;
        let rows = store
            .indicators()?
            .into_iter()
            .filter(|(_, i)| !i.archived)
            .map(|(id, indicator)| {
                let all_plans = plans.remove(&id).unwrap_or_default();
                let plan = crate::domain::plan::preferred(&all_plans).cloned();
                let figures = figures.remove(&id).unwrap_or_default();
                let last = previous
                    .get(&id)
                    .and_then(|f| crate::domain::figure::current(f))
                    .map(|f| f.value);
                let mut row = Row {
                    indicator_id: id,
                    plan,
                    figures,
                    last,
                    indicator,
                    cells: std::array::from_fn(|_| Cell {
                        text: String::new(),
                        original: String::new(),
                        reading: Reading::Empty,
                    }),
                };
                row.reset(lang, style);
                row
            })
            .collect();
        Ok(Self {
            unit,
            year,
            lang,
            style,
            rows,
            flagged: Vec::new(),
        })
    }

    /// True when anything was typed that is not saved.
    pub fn is_dirty(&self) -> bool {
        self.rows.iter().any(Row::is_changed)
    }

    /// Marks a cell's value as doubted by a plausibility rule, and why.
    pub fn flag(&mut self, at: CellAt, why: String) {
        self.flagged.push((at, why));
    }

    /// Why a cell's value is doubted (empty when it is not).
    pub fn flags(&self, row: usize, column: Column) -> impl Iterator<Item = &str> {
        self.flagged
            .iter()
            .filter(move |(at, _)| *at == (row, column))
            .map(|(_, why)| why.as_str())
    }

    /// Replaces a cell's text and reads it again.
    pub fn set_text(&mut self, row: usize, column: Column, text: String) {
        self.flagged.retain(|(at, _)| *at != (row, column));
        let (lang, style) = (self.lang, self.style);
        if let Some(r) = self.rows.get_mut(row) {
            r.cells[column.index()].text = text;
            r.cells[column.index()].reading = r.read(column, lang, style);
        }
    }

    /// Switches the language of the messages and the number style: unchanged cells are
    /// rewritten in the style, changed ones (as typed) read again.
    pub fn set_format(&mut self, lang: Lang, style: NumberStyle) {
        self.lang = lang;
        self.style = style;
        for row in &mut self.rows {
            let edits: Vec<(usize, String)> = row
                .cells
                .iter()
                .enumerate()
                .filter(|(_, c)| c.is_changed())
                .map(|(i, c)| (i, c.text.clone()))
                .collect();
            row.reset(lang, style);
            for (index, text) in edits {
                row.cells[index].text = text;
                row.cells[index].reading = row.read(Column::ALL[index], lang, style);
            }
        }
    }

    /// Every cell that stops the save, top to bottom.
    pub fn errors(&self) -> Vec<CellError> {
        let mut errors = Vec::new();
        for (index, row) in self.rows.iter().enumerate() {
            for column in Column::ALL {
                if let Reading::Error(message) = &row.cell(column).reading {
                    errors.push(CellError {
                        row: index,
                        column,
                        indicator: row.indicator.name(self.lang).to_owned(),
                        message: message.clone(),
                    });
                }
            }
        }
        errors
    }

    /// The edits of every changed row, or the cells that stop the save. A cell in error stops
    /// everything: nothing is half-saved.
    pub fn edits(&self) -> Result<Vec<RowEdit<CellAt>>, Vec<CellError>> {
        let errors = self.errors();
        if !errors.is_empty() {
            return Err(errors);
        }
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_changed())
            .map(|(index, row)| {
                row.edit(index, self.unit, self.year, (self.lang, self.style))
                    .map_err(|(column, message)| {
                        vec![CellError {
                            row: index,
                            column,
                            indicator: row.indicator.name(self.lang).to_owned(),
                            message,
                        }]
                    })
            })
            .collect()
    }
}

impl Row {
    /// Puts the stored values back into the cells, written in `style`.
    fn reset(&mut self, lang: Lang, style: NumberStyle) {
        // A plan in words as typed, where it reads the same in this language and style.
        let plan_text = self
            .plan
            .as_ref()
            .map(|p| p.shown(&self.indicator.unit, Locale { lang, style }))
            .unwrap_or_default();
        let figure_text = |stage: Stage| {
            self.figures
                .iter()
                .find(|f| f.stage == stage)
                .map(|f| number::format_exact(f.value, style))
                .unwrap_or_default()
        };
        // The note of the value the report shows: the latest figure's, else the plan's.
        let note = crate::domain::figure::current(&self.figures)
            .map(|f| f.note.clone())
            .or_else(|| self.plan.as_ref().map(|p| p.note.clone()))
            .unwrap_or_default();
        let texts = [
            plan_text,
            figure_text(Stage::Estimate),
            figure_text(Stage::Actual),
            figure_text(Stage::Final),
            note,
        ];
        for (index, text) in texts.into_iter().enumerate() {
            self.cells[index].original.clone_from(&text);
            self.cells[index].text = text;
            self.cells[index].reading = self.read(Column::ALL[index], lang, style);
        }
    }

    /// Reads a cell's text against the indicator's unit, in `style`.
    fn read(&self, column: Column, lang: Lang, style: NumberStyle) -> Reading {
        let text = self.cell(column).text.trim();
        if text.is_empty() {
            return Reading::Empty;
        }
        let unit = &self.indicator.unit;
        // A stored value is written by the program in the style it is read in: whatever a
        // reader could doubt in "3.500", the program's own writing is not in doubt. Only what
        // was typed is questioned.
        let typed = self.cell(column).text != self.cell(column).original;
        let warnings = |w: Vec<NumberWarning>| {
            if typed {
                w.iter().map(|w| w.message(lang, style)).collect()
            } else {
                Vec::new()
            }
        };
        match column {
            Column::Note => Reading::Text,
            Column::Plan => match PlanTarget::parse(text, unit, style) {
                Ok((target, w)) => {
                    let locale = Locale { lang, style };
                    let mut shown = format!("= {}", target.text_with_unit(unit, locale));
                    // A plan relative to last year: what it comes to, or that it cannot be told.
                    let precision = self.indicator.precision;
                    if let Some(note) =
                        target.resolution_note(self.last, precision, Some(unit), locale)
                    {
                        shown = format!("{shown} {note}");
                    }
                    Reading::Value {
                        shown,
                        warnings: warnings(w),
                    }
                }
                Err(e) => Reading::Error(e.message(lang)),
            },
            Column::Estimate | Column::Actual | Column::Final => {
                match number::parse(text, unit, style) {
                    Ok(parsed) => Reading::Value {
                        shown: format!(
                            "= {}",
                            number::format_with_unit(parsed.value, unit, lang, style)
                        ),
                        warnings: warnings(parsed.warnings),
                    },
                    Err(e) => Reading::Error(e.message(lang)),
                }
            }
        }
    }

    /// This row's edit: its changed cells, and its note when it changed or when the value it
    /// shows beside (the latest stage typed, else the plan) changed: the grid shows one note a
    /// row, and re-states it for the value it stands beside. Where each goes is the write
    /// path's rule. A cell that does not read is returned with why, in `lang`.
    fn edit(
        &self,
        index: usize,
        unit: UnitId,
        year: i16,
        (lang, style): (Lang, NumberStyle),
    ) -> Result<RowEdit<CellAt>, (Column, String)> {
        let indicator_unit = &self.indicator.unit;
        let plan = |text: &str| {
            PlanTarget::parse(text, indicator_unit, style)
                .map(|(t, _)| t)
                .map_err(|e| e.message(lang))
        };
        let figure = |text: &str| {
            number::parse(text, indicator_unit, style)
                .map(|p| p.value)
                .map_err(|e| e.message(lang))
        };
        let mut slots = Vec::new();
        if self.cell(Column::Plan).is_changed() {
            slots.push(SlotEdit {
                at: (index, Column::Plan),
                write: Write::Plan {
                    source: None,
                    target: given(self.cell(Column::Plan), plan).map_err(|e| (Column::Plan, e))?,
                    derived: None,
                },
                note: None,
            });
        }
        for stage in Stage::ALL {
            let column = Column::ALL[1 + stage_index(stage)];
            if !self.cell(column).is_changed() {
                continue;
            }
            slots.push(SlotEdit {
                at: (index, column),
                write: Write::Figure {
                    stage,
                    value: given(self.cell(column), figure).map_err(|e| (column, e))?,
                },
                note: None,
            });
        }
        // The note cell shows the note of the latest value typed in the row.
        let carrier = [
            Column::Final,
            Column::Actual,
            Column::Estimate,
            Column::Plan,
        ]
        .into_iter()
        .find(|c| !self.cell(*c).text.trim().is_empty());
        let note = self.cell(Column::Note);
        let note_goes = note.is_changed() || carrier.is_some_and(|c| self.cell(c).is_changed());
        Ok(RowEdit {
            at: (index, Column::Note),
            unit,
            year,
            indicator: self.indicator_id,
            slots,
            note: note_goes.then(|| ((index, Column::Note), note.text.trim().to_owned())),
        })
    }
}

/// What a changed cell says: its value, or (blank) that the value goes; or why it does not read.
fn given<T, E>(cell: &Cell, read: impl Fn(&str) -> Result<T, E>) -> Result<Given<T>, E> {
    let text = cell.text.trim();
    if text.is_empty() {
        return Ok(Given::Clear);
    }
    read(text).map(|value| Given::Set {
        value,
        text: text.to_owned(),
    })
}

fn stage_index(stage: Stage) -> usize {
    match stage {
        Stage::Estimate => 0,
        Stage::Actual => 1,
        Stage::Final => 2,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn form(lang: Lang) -> (tempfile::TempDir, Store, EntryForm) {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::demo::create_demo(&dir.path().join("f.db")).unwrap();
        let (unit, _) = store.unit_for("03142", 2021).unwrap();
        let format = (lang, lang.into());
        let form = EntryForm::load(&store, unit, 2021, format).unwrap();
        (dir, store, form)
    }

    /// The writes the form's edits make, through the one write path.
    fn batch(store: &Store, form: &EntryForm) -> crate::store::Batch {
        crate::edit::plan(store, form.edits().unwrap())
            .unwrap()
            .into_batch()
            .unwrap()
    }

    fn row_of(form: &EntryForm, code: &str) -> usize {
        form.rows
            .iter()
            .position(|r| r.indicator.code == code)
            .unwrap()
    }

    #[test]
    fn stored_values_load_in_the_language_style() {
        let (_dir, _store, form) = form(Lang::Vi);
        let budget = &form.rows[row_of(&form, "budget_revenue")];
        assert_eq!(budget.cell(Column::Estimate).text, "17.416.889.536");
        assert_eq!(budget.cell(Column::Plan).text, "16.909.601.491");
        assert!(budget.cell(Column::Note).text.contains("lẫn lộn"));
        assert!(!form.is_dirty());
        let (_dir, _store, form) = self::form(Lang::En);
        let crop = &form.rows[row_of(&form, "crop_output")];
        assert_eq!(crop.cell(Column::Actual).text, "2,809.8");
    }

    /// "2.451,8" is the program's writing; "3.500" typed is a reader's doubt ("3,5" in English?)
    /// until saved, then it is the program's writing too.
    #[test]
    fn only_typed_text_is_questioned_never_the_stored_value() {
        let (_dir, mut store, mut form) = form(Lang::Vi);
        let livestock = row_of(&form, "livestock");
        form.set_text(livestock, Column::Actual, "3.500".into());
        let warned = |form: &EntryForm| match &form.rows[livestock].cell(Column::Actual).reading {
            Reading::Value { warnings, .. } => !warnings.is_empty(),
            other => panic!("{other:?}"),
        };
        assert!(warned(&form), "typed: questioned");
        store
            .apply(&batch(&store, &form), crate::store::Origin::Window)
            .unwrap();
        let form = EntryForm::load(&store, form.unit, 2021, (Lang::Vi, Lang::Vi.into())).unwrap();
        assert_eq!(form.rows[livestock].cell(Column::Actual).text, "3.500");
        assert!(!warned(&form), "stored: not questioned");
    }

    #[test]
    fn a_cell_reads_as_you_type() {
        let (_dir, _store, mut form) = form(Lang::Vi);
        let row = row_of(&form, "budget_revenue");
        form.set_text(row, Column::Actual, "17.416,889,536".into());
        match &form.rows[row].cell(Column::Actual).reading {
            Reading::Value { shown, warnings } => {
                assert_eq!(shown, "= 17.416.889.536 đồng");
                assert_eq!(warnings.len(), 1);
            }
            other => panic!("{other:?}"),
        }
        form.set_text(row, Column::Actual, "17 tỷ đồng".into());
        assert!(
            matches!(&form.rows[row].cell(Column::Actual).reading, Reading::Value { shown, .. } if shown == "= 17.000.000.000 đồng")
        );
        form.set_text(row, Column::Actual, "mười bảy".into());
        assert!(matches!(
            form.rows[row].cell(Column::Actual).reading,
            Reading::Error(_)
        ));
        assert!(form.is_dirty());
    }

    #[test]
    fn an_error_anywhere_stops_the_whole_save() {
        let (_dir, _store, mut form) = form(Lang::Vi);
        let crop = row_of(&form, "crop_output");
        let works = row_of(&form, "construction_works");
        form.set_text(crop, Column::Final, "2.810".into());
        form.set_text(works, Column::Actual, "3,5".into());
        let errors = form.edits().unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].row, works);
        assert_eq!(errors[0].column, Column::Actual);
        assert!(
            errors[0].message.contains("công trình"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn only_changed_cells_are_written() {
        let (_dir, mut store, mut form) = form(Lang::Vi);
        let crop = row_of(&form, "crop_output");
        form.set_text(crop, Column::Final, "2.810,2".into());
        form.set_text(crop, Column::Note, "Quyết toán tháng 3".into());
        let batch = batch(&store, &form);
        assert!(batch.plans.is_empty());
        assert_eq!(batch.figures.len(), 1);
        let write = &batch.figures[0];
        assert_eq!(write.stage, Stage::Final);
        assert_eq!(
            write.value.as_ref().unwrap().0,
            rust_decimal::Decimal::new(28102, 1)
        );
        assert_eq!(write.note, "Quyết toán tháng 3");
        let summary = store.apply(&batch, crate::store::Origin::Window).unwrap();
        assert_eq!(summary.figures_changed, 1);
    }

    #[test]
    fn clearing_a_cell_removes_the_value() {
        let (_dir, store, mut form) = form(Lang::Vi);
        let trade = row_of(&form, "trade_services_turnover");
        form.set_text(trade, Column::Estimate, "  ".into());
        let batch = batch(&store, &form);
        assert_eq!(batch.figures.len(), 1);
        assert!(batch.figures[0].value.is_none());
    }

    #[test]
    fn a_new_plan_uses_the_default_source_and_is_not_derived() {
        let (_dir, store, mut form) = form(Lang::Vi);
        let crop = row_of(&form, "crop_output");
        let area = row_of(&form, "sown_area");
        form.set_text(crop, Column::Plan, "2.500".into());
        form.set_text(area, Column::Plan, "120,5".into());
        let batch = batch(&store, &form);
        assert_eq!(batch.plans.len(), 2);
        assert!(batch.plans.iter().all(|p| !p.derived));
        assert!(
            batch
                .plans
                .iter()
                .all(|p| p.source == crate::domain::PlanSource::City)
        );
        // A revised derived plan keeps its note.
        assert!(batch.plans[0].note.contains("Suy ra"));
    }

    #[test]
    fn switching_language_rewrites_unchanged_cells_and_keeps_edits() {
        let (_dir, _store, mut form) = form(Lang::Vi);
        let crop = row_of(&form, "crop_output");
        form.set_text(crop, Column::Final, "2.810,5".into());
        form.set_format(Lang::En, NumberStyle::En);
        assert_eq!(form.rows[crop].cell(Column::Actual).text, "2,809.8");
        assert_eq!(form.rows[crop].cell(Column::Final).text, "2.810,5");
        assert!(form.is_dirty());
    }

    #[test]
    fn cells_are_written_and_read_in_the_users_style_whatever_the_language() {
        // An English-speaking clerk who types Vietnamese numbers.
        let (_dir, store, mut form) = form(Lang::Vi);
        form.set_format(Lang::En, NumberStyle::Vi);
        let crop = row_of(&form, "crop_output");
        assert_eq!(form.rows[crop].cell(Column::Actual).text, "2.809,8");
        form.set_text(crop, Column::Final, "2.600".into());
        match &form.rows[crop].cell(Column::Final).reading {
            Reading::Value { shown, warnings } => {
                assert_eq!(shown, "= 2.600 tonnes");
                assert!(warnings[0].contains("2.600"), "{warnings:?}");
            }
            other => panic!("{other:?}"),
        }
        let batch = batch(&store, &form);
        assert_eq!(
            batch.figures[0].value.as_ref().unwrap().0,
            rust_decimal::Decimal::from(2600)
        );
    }

    #[test]
    fn a_note_alone_is_saved_to_the_value_it_shows_beside() {
        let (_dir, mut store, mut form) = form(Lang::Vi);
        let budget = row_of(&form, "budget_revenue");
        form.set_text(budget, Column::Note, "Số ước tháng 12".into());
        let batch = batch(&store, &form);
        assert!(batch.plans.is_empty());
        assert_eq!(batch.figures.len(), 1);
        assert_eq!(batch.figures[0].stage, Stage::Estimate);
        assert_eq!(batch.figures[0].note, "Số ước tháng 12");
        // The value and the text as typed stay as stored.
        assert_eq!(batch.figures[0].value.as_ref().unwrap().1, "17.416,889,536");
        store.apply(&batch, crate::store::Origin::Window).unwrap();
    }
}
