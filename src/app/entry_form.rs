//! The data-entry form without the window: one row per indicator with the text of each cell as
//! typed, parsed as it changes, and turned into one [`Batch`] on save, or into the list of cells
//! that stop the save. Plain Rust, so its rules are tested without a window.

use crate::domain::number::{self, NumberWarning};
use crate::domain::{Figure, Indicator, Lang, Plan, PlanSource, PlanTarget, Stage};
use crate::store::{Batch, FigureWrite, IndicatorId, PlanWrite, Store, StoreError, UnitId};

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
    /// The plan this row edits: the stored one the report uses, else the default source.
    pub plan_source: PlanSource,
    plan: Option<Plan>,
    figures: Vec<Figure>,
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

/// The form of one ward and year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryForm {
    pub unit: UnitId,
    pub year: i16,
    pub lang: Lang,
    pub rows: Vec<Row>,
}

impl EntryForm {
    /// Loads the form of a ward-year: every indicator that is not archived, with the stored
    /// plan and figures written in the language's number style.
    pub fn load(
        store: &Store,
        unit: UnitId,
        year: i16,
        default_source: PlanSource,
        lang: Lang,
    ) -> Result<Self, StoreError> {
        let mut plans = store.plans_of(unit, year)?;
        let mut figures = store.figures_of(unit, year)?;
        let rows = store
            .indicators()?
            .into_iter()
            .filter(|(_, i)| !i.archived)
            .map(|(id, indicator)| {
                let all_plans = plans.remove(&id).unwrap_or_default();
                let plan = crate::domain::plan::preferred(&all_plans).cloned();
                let figures = figures.remove(&id).unwrap_or_default();
                let mut row = Row {
                    indicator_id: id,
                    plan_source: plan.as_ref().map_or(default_source, |p| p.source),
                    plan,
                    figures,
                    indicator,
                    cells: std::array::from_fn(|_| Cell {
                        text: String::new(),
                        original: String::new(),
                        reading: Reading::Empty,
                    }),
                };
                row.reset(lang);
                row
            })
            .collect();
        Ok(Self {
            unit,
            year,
            lang,
            rows,
        })
    }

    /// True when anything was typed that is not saved.
    pub fn is_dirty(&self) -> bool {
        self.rows.iter().any(Row::is_changed)
    }

    /// Replaces a cell's text and reads it again.
    pub fn set_text(&mut self, row: usize, column: Column, text: String) {
        let lang = self.lang;
        if let Some(r) = self.rows.get_mut(row) {
            r.cells[column.index()].text = text;
            r.cells[column.index()].reading = r.read(column, lang);
        }
    }

    /// Switches the number style: unchanged cells are rewritten in it, changed ones re-read.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        for row in &mut self.rows {
            let edits: Vec<(usize, String)> = row
                .cells
                .iter()
                .enumerate()
                .filter(|(_, c)| c.is_changed())
                .map(|(i, c)| (i, c.text.clone()))
                .collect();
            row.reset(lang);
            for (index, text) in edits {
                row.cells[index].text = text;
                row.cells[index].reading = row.read(Column::ALL[index], lang);
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

    /// The writes of every changed row, or the cells that stop the save. A cell in error stops
    /// everything: nothing is half-saved.
    pub fn to_batch(&self) -> Result<Batch, Vec<CellError>> {
        let errors = self.errors();
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut batch = Batch::default();
        for row in self.rows.iter().filter(|r| r.is_changed()) {
            row.writes(self.unit, self.year, self.lang, &mut batch);
        }
        Ok(batch)
    }
}

impl Row {
    /// Puts the stored values back into the cells, written in the language's style.
    fn reset(&mut self, lang: Lang) {
        let plan_text = self
            .plan
            .as_ref()
            .map(|p| p.target.text(lang))
            .unwrap_or_default();
        let figure_text = |stage: Stage| {
            self.figures
                .iter()
                .find(|f| f.stage == stage)
                .map(|f| number::format_exact(f.value, lang))
                .unwrap_or_default()
        };
        let note = crate::domain::figure::current(&self.figures)
            .map(|f| f.note.clone())
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
            self.cells[index].reading = self.read(Column::ALL[index], lang);
        }
    }

    /// Reads a cell's text against the indicator's unit.
    fn read(&self, column: Column, lang: Lang) -> Reading {
        let text = self.cell(column).text.trim();
        if text.is_empty() {
            return Reading::Empty;
        }
        let unit = &self.indicator.unit;
        let warnings = |w: Vec<NumberWarning>| w.iter().map(|w| w.message(lang)).collect();
        match column {
            Column::Note => Reading::Text,
            Column::Plan => match PlanTarget::parse(text, unit, lang) {
                Ok((target, w)) => Reading::Value {
                    shown: format!("= {}", target.text_with_unit(unit, lang)),
                    warnings: warnings(w),
                },
                Err(e) => Reading::Error(e.message(lang)),
            },
            Column::Estimate | Column::Actual | Column::Final => {
                match number::parse(text, unit, lang) {
                    Ok(parsed) => Reading::Value {
                        shown: format!("= {}", number::format_with_unit(parsed.value, unit, lang)),
                        warnings: warnings(parsed.warnings),
                    },
                    Err(e) => Reading::Error(e.message(lang)),
                }
            }
        }
    }

    /// Adds this row's changes to a batch; the cells are known to read without error.
    fn writes(&self, unit: UnitId, year: i16, lang: Lang, batch: &mut Batch) {
        let note = self.cell(Column::Note);
        let value_of = |column: Column| -> Option<rust_decimal::Decimal> {
            number::parse(&self.cell(column).text, &self.indicator.unit, lang)
                .ok()
                .map(|p| p.value)
        };
        // The row's note belongs to its latest figure, as the report shows it; without any
        // figure it is the plan's note.
        let note_stage = [Stage::Final, Stage::Actual, Stage::Estimate]
            .into_iter()
            .find(|s| {
                let column = Column::ALL[1 + stage_index(*s)];
                !self.cell(column).text.trim().is_empty()
            });
        let plan_cell = self.cell(Column::Plan);
        let plan_note_changes = note_stage.is_none() && note.is_changed();
        if plan_cell.is_changed() || plan_note_changes {
            let target = PlanTarget::parse(&plan_cell.text, &self.indicator.unit, lang)
                .ok()
                .map(|(t, _)| t);
            let old = self.plan.as_ref();
            batch.plans.push(PlanWrite {
                unit,
                indicator: self.indicator_id,
                year,
                source: self.plan_source,
                target,
                text: plan_cell.text.trim().to_owned(),
                derived: old.is_some_and(|p| p.derived) && !plan_cell.is_changed(),
                note: if note_stage.is_none() {
                    note.text.trim().to_owned()
                } else {
                    old.map(|p| p.note.clone()).unwrap_or_default()
                },
            });
        }
        for stage in Stage::ALL {
            let column = Column::ALL[1 + stage_index(stage)];
            let cell = self.cell(column);
            let carries_note = note_stage == Some(stage);
            if !(cell.is_changed() || carries_note && note.is_changed()) {
                continue;
            }
            let old_note = self
                .figures
                .iter()
                .find(|f| f.stage == stage)
                .map(|f| f.note.clone())
                .unwrap_or_default();
            batch.figures.push(FigureWrite {
                unit,
                indicator: self.indicator_id,
                year,
                stage,
                value: value_of(column).map(|v| (v, cell.text.trim().to_owned())),
                note: if carries_note {
                    note.text.trim().to_owned()
                } else {
                    old_note
                },
            });
        }
    }
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
        let form = EntryForm::load(&store, unit, 2021, PlanSource::City, lang).unwrap();
        (dir, store, form)
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
        let errors = form.to_batch().unwrap_err();
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
        let batch = form.to_batch().unwrap();
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
        let (_dir, _store, mut form) = form(Lang::Vi);
        let trade = row_of(&form, "trade_services_turnover");
        form.set_text(trade, Column::Estimate, "  ".into());
        let batch = form.to_batch().unwrap();
        assert_eq!(batch.figures.len(), 1);
        assert!(batch.figures[0].value.is_none());
    }

    #[test]
    fn a_new_plan_uses_the_default_source_and_is_not_derived() {
        let (_dir, _store, mut form) = form(Lang::Vi);
        let crop = row_of(&form, "crop_output");
        let area = row_of(&form, "sown_area");
        form.set_text(crop, Column::Plan, "2.500".into());
        form.set_text(area, Column::Plan, "120,5".into());
        let batch = form.to_batch().unwrap();
        assert_eq!(batch.plans.len(), 2);
        assert!(batch.plans.iter().all(|p| !p.derived));
        assert!(batch.plans.iter().all(|p| p.source == PlanSource::City));
        // A revised derived plan keeps its note.
        assert!(batch.plans[0].note.contains("Suy ra"));
    }

    #[test]
    fn switching_language_rewrites_unchanged_cells_and_keeps_edits() {
        let (_dir, _store, mut form) = form(Lang::Vi);
        let crop = row_of(&form, "crop_output");
        form.set_text(crop, Column::Final, "2.810,5".into());
        form.set_lang(Lang::En);
        assert_eq!(form.rows[crop].cell(Column::Actual).text, "2,809.8");
        assert_eq!(form.rows[crop].cell(Column::Final).text, "2.810,5");
        assert!(form.is_dirty());
    }
}
