//! Imports: figures and plans from the tables people keep (CSV, Excel), checked row by row
//! before anything is written. The preview names every problem by sheet, row and column with
//! the reason; a file with any problem writes nothing, and a clean one is written in one
//! transaction through the store's change log.

mod columns;
mod read;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::domain::number::{self, NumberError};
use crate::domain::{Indicator, Lang, PlanTarget, Stage};
use crate::store::{Batch, FigureWrite, IndicatorId, PlanWrite, Store, StoreError, UnitId};

use columns::{Column, Columns};

/// A value slot a row writes: the plan, or one stage of the figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    Plan,
    Figure(Stage),
}

/// One problem that stops the import: where, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub sheet: String,
    /// 1-based, as a spreadsheet numbers its rows.
    pub row: usize,
    /// The column's heading as the file writes it; empty for a problem of the whole row.
    pub column: String,
    pub reason: String,
}

impl Problem {
    /// Where and why, in the user's language.
    pub fn describe(&self, lang: Lang) -> String {
        let locale = lang.code();
        if self.column.is_empty() {
            rust_i18n::t!(
                "import.where_row",
                locale = locale,
                sheet = self.sheet,
                row = self.row,
                reason = self.reason
            )
        } else {
            rust_i18n::t!(
                "import.where_cell",
                locale = locale,
                sheet = self.sheet,
                row = self.row,
                column = self.column,
                reason = self.reason
            )
        }
        .into_owned()
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.column.is_empty() {
            write!(f, "{}, row {}: {}", self.sheet, self.row, self.reason)
        } else {
            write!(
                f,
                "{}, row {}, column \"{}\": {}",
                self.sheet, self.row, self.column, self.reason
            )
        }
    }
}

/// One write the import would make, for the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub row: usize,
    pub ward: String,
    pub year: i16,
    pub indicator: String,
    pub slot: Slot,
    /// The value stored now, if any, as the file's language writes it.
    pub old: Option<String>,
    pub new: String,
}

/// What an import would do: the writes, or the problems that stop it.
#[derive(Debug, Default)]
pub struct Preview {
    pub changes: Vec<Change>,
    pub problems: Vec<Problem>,
    /// Cells read with a warning (mixed separators, …): they do not stop the import.
    pub warnings: Vec<Problem>,
    /// Rows that repeat what is stored: nothing to write.
    pub unchanged: usize,
    batch: Batch,
}

impl Preview {
    /// The writes, when there is no problem.
    pub fn batch(&self) -> Option<&Batch> {
        self.problems.is_empty().then_some(&self.batch)
    }
}

/// Why a file cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: {source}", path.display())]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a CSV file this program can read: {detail}", path.display())]
    Unreadable {
        path: std::path::PathBuf,
        detail: String,
    },
    #[error("{}: no header row: a row naming the indicator (\"Chỉ tiêu\" or \"indicator\") and at least one value column (\"Kế hoạch\", \"Ước đạt\", \"Thực hiện\", \"Quyết toán\", \"value\")", path.display())]
    NoHeader { path: std::path::PathBuf },
    #[error("{}: file type not supported (use .csv or .xlsx)", path.display())]
    Unsupported { path: std::path::PathBuf },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Defaults for what a file does not say.
#[derive(Clone, Debug, Default)]
pub struct Defaults {
    /// The ward of rows without a ward column (the database's ward when unset).
    pub ward: Option<String>,
    /// The year of rows without a year column.
    pub year: Option<i16>,
    /// The number style of the file's cells (our own CSV exports are always read as machine
    /// numbers, with a dot).
    pub lang: Lang,
}

/// Reads a file and works out what importing it would do, writing nothing.
pub fn preview(store: &Store, path: &Path, defaults: &Defaults) -> Result<Preview, ImportError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let (sheet, table) = match extension.as_str() {
        "csv" | "txt" => (file, read::csv(path)?),
        "xlsx" | "xlsm" | "xls" | "ods" => {
            let (name, rows) = read::xlsx(path, defaults.lang)?;
            (format!("{file}, {name}"), rows)
        }
        _ => {
            return Err(ImportError::Unsupported {
                path: path.to_path_buf(),
            });
        }
    };
    let (header_at, columns) = Columns::find(&table).ok_or_else(|| ImportError::NoHeader {
        path: path.to_path_buf(),
    })?;
    let mut planner = Planner::new(store, sheet, defaults, &columns)?;
    for (line, cells) in table.iter().skip(header_at + 1) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        planner.row(*line, cells)?;
    }
    Ok(planner.preview)
}

/// Works through the rows against the catalogue and the stored values.
struct Planner<'a> {
    store: &'a Store,
    sheet: String,
    defaults: &'a Defaults,
    columns: &'a Columns,
    /// The file's number style: our machine CSV uses a dot, whatever the language.
    style: Lang,
    indicators: Vec<(IndicatorId, Indicator)>,
    home_ward: Option<String>,
    units: HashMap<(String, i16), UnitId>,
    /// What each ward-year stores, read once per ward-year rather than once per row.
    stored: HashMap<(UnitId, i16), Stored>,
    seen: HashSet<(String, i16, String, Slot)>,
    preview: Preview,
}

impl<'a> Planner<'a> {
    fn new(
        store: &'a Store,
        sheet: String,
        defaults: &'a Defaults,
        columns: &'a Columns,
    ) -> Result<Self, ImportError> {
        Ok(Self {
            store,
            sheet,
            defaults,
            columns,
            style: if columns.machine {
                Lang::En
            } else {
                defaults.lang
            },
            indicators: store.indicators()?,
            home_ward: store.home_ward_code()?,
            units: HashMap::new(),
            stored: HashMap::new(),
            seen: HashSet::new(),
            preview: Preview::default(),
        })
    }

    fn problem(&mut self, row: usize, column: Option<Column>, reason: String) {
        let column = column
            .and_then(|c| self.columns.heading(c))
            .unwrap_or_default();
        self.preview.problems.push(Problem {
            sheet: self.sheet.clone(),
            row,
            column,
            reason,
        });
    }

    fn row(&mut self, row: usize, cells: &[String]) -> Result<(), ImportError> {
        let lang = self.defaults.lang;
        let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
        let cell = |column| self.columns.cell(cells, column).map(str::trim);
        // A row with no value to write (a category heading, a remark) is passed over.
        let has_value = self
            .columns
            .value_slots(cells)
            .iter()
            .any(|(column, _)| cell(*column).is_some_and(|c| !c.is_empty()));
        if !has_value {
            return Ok(());
        }

        // Which ward and year.
        let ward = match cell(Column::Ward).filter(|c| !c.is_empty()) {
            Some(code) => code.to_owned(),
            None => match self
                .defaults
                .ward
                .clone()
                .or_else(|| self.home_ward.clone())
            {
                Some(code) => code,
                None => {
                    self.problem(row, Some(Column::Ward), t("import.no_ward"));
                    return Ok(());
                }
            },
        };
        let year = match cell(Column::Year).filter(|c| !c.is_empty()) {
            Some(text) => match text.parse::<i16>() {
                Ok(year) if crate::domain::figure::YEARS.contains(&year) => year,
                _ => {
                    let reason =
                        rust_i18n::t!("import.bad_year", locale = lang.code(), text = text);
                    self.problem(row, Some(Column::Year), reason.into_owned());
                    return Ok(());
                }
            },
            None => match self.defaults.year {
                Some(year) => year,
                None => {
                    self.problem(row, Some(Column::Year), t("import.no_year"));
                    return Ok(());
                }
            },
        };
        let Some(unit) = self.unit(&ward, year)? else {
            let reason = rust_i18n::t!(
                "import.unknown_ward",
                locale = lang.code(),
                code = ward,
                year = year
            );
            self.problem(row, Some(Column::Ward), reason.into_owned());
            return Ok(());
        };

        // Which indicator: by code, else by its name in either language.
        let code = cell(Column::Indicator).unwrap_or_default();
        let name = cell(Column::Name).unwrap_or_default();
        let found = self.indicators.iter().find(|(_, i)| {
            (!code.is_empty() && i.code == code)
                || (!name.is_empty()
                    && (same_text(&i.name_vi, name) || same_text(&i.name_en, name)))
        });
        let Some((indicator_id, indicator)) = found.cloned() else {
            let what = if code.is_empty() { name } else { code };
            let column = if code.is_empty() {
                Column::Name
            } else {
                Column::Indicator
            };
            let reason = rust_i18n::t!(
                "import.unknown_indicator",
                locale = lang.code(),
                name = what
            );
            self.problem(row, Some(column), reason.into_owned());
            return Ok(());
        };

        let note = cell(Column::Note).map(str::to_owned);
        let stored = self.stored(unit, year)?;
        let stored_plans = stored.plans.get(&indicator_id).cloned().unwrap_or_default();
        let stored_figures = stored
            .figures
            .get(&indicator_id)
            .cloned()
            .unwrap_or_default();
        let default_source = stored.default_source;

        for (column, slot) in self.columns.value_slots(cells) {
            let text = cell(column).unwrap_or_default();
            if text.is_empty() {
                continue;
            }
            // Each value is read once; one that does not read is named for what it is, even on
            // a repeated row.
            let read = match slot {
                Slot::Plan => PlanTarget::parse(text, &indicator.unit, self.style)
                    .map(|(target, warnings)| (Value::Plan(target), warnings)),
                Slot::Figure(stage) => number::parse(text, &indicator.unit, self.style)
                    .map(|parsed| (Value::Figure(stage, parsed.value), parsed.warnings)),
            };
            let (value, warnings) = match read {
                Ok(read) => read,
                Err(error) => {
                    self.number_problem(row, column, &error);
                    continue;
                }
            };
            if !self
                .seen
                .insert((ward.clone(), year, indicator.code.clone(), slot))
            {
                self.problem(row, Some(column), t("import.duplicate"));
                continue;
            }
            self.warn(row, column, warnings);
            match value {
                Value::Plan(target) => {
                    let named =
                        cell(Column::PlanSource).and_then(crate::domain::PlanSource::from_code);
                    let source = match (named, stored_plans.iter().min_by_key(|p| p.source)) {
                        (Some(source), _) => source,
                        (None, Some(plan)) => plan.source,
                        (None, None) => default_source,
                    };
                    let derived = cell(Column::PlanDerived) == Some("true");
                    let old = stored_plans.iter().find(|p| p.source == source);
                    let same = old.is_some_and(|p| p.target == target && p.derived == derived);
                    self.record(
                        row,
                        &ward,
                        year,
                        &indicator,
                        slot,
                        old.map(|p| p.target.text(lang)),
                        target.text(lang),
                        same,
                    );
                    if !same {
                        self.preview.batch.plans.push(PlanWrite {
                            unit,
                            indicator: indicator_id,
                            year,
                            source,
                            target: Some(target),
                            text: text.to_owned(),
                            derived,
                            // The note column speaks of the figures; a plan keeps its own.
                            note: old.map(|p| p.note.clone()).unwrap_or_default(),
                        });
                    }
                }
                Value::Figure(stage, value) => {
                    let old = stored_figures.iter().find(|f| f.stage == stage);
                    // A changed note alone is a change too.
                    let same = old.is_some_and(|f| {
                        f.value == value && note.as_ref().is_none_or(|n| *n == f.note)
                    });
                    self.record(
                        row,
                        &ward,
                        year,
                        &indicator,
                        slot,
                        old.map(|f| number::format_exact(f.value, lang)),
                        number::format_exact(value, lang),
                        same,
                    );
                    if !same {
                        self.preview.batch.figures.push(FigureWrite {
                            unit,
                            indicator: indicator_id,
                            year,
                            stage,
                            value: Some((value, text.to_owned())),
                            note: note
                                .clone()
                                .or_else(|| old.map(|f| f.note.clone()))
                                .unwrap_or_default(),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &mut self,
        row: usize,
        ward: &str,
        year: i16,
        indicator: &Indicator,
        slot: Slot,
        old: Option<String>,
        new: String,
        same: bool,
    ) {
        if same {
            self.preview.unchanged += 1;
            return;
        }
        self.preview.changes.push(Change {
            row,
            ward: ward.to_owned(),
            year,
            indicator: indicator.code.clone(),
            slot,
            old,
            new,
        });
    }

    fn warn(&mut self, row: usize, column: Column, warnings: Vec<number::NumberWarning>) {
        let heading = self.columns.heading(column).unwrap_or_default();
        for warning in warnings {
            self.preview.warnings.push(Problem {
                sheet: self.sheet.clone(),
                row,
                column: heading.clone(),
                reason: warning.message(self.defaults.lang),
            });
        }
    }

    fn number_problem(&mut self, row: usize, column: Column, error: &NumberError) {
        let reason = error.message(self.defaults.lang);
        self.problem(row, Some(column), reason);
    }

    /// What a ward-year stores, read on first use.
    fn stored(&mut self, unit: UnitId, year: i16) -> Result<&Stored, ImportError> {
        if !self.stored.contains_key(&(unit, year)) {
            let admin_unit = self.store.unit(unit)?;
            let stored = Stored {
                plans: self.store.plans_of(unit, year)?,
                figures: self.store.figures_of(unit, year)?,
                default_source: self.store.default_plan_source(&admin_unit, year)?,
            };
            self.stored.insert((unit, year), stored);
        }
        Ok(&self.stored[&(unit, year)])
    }

    /// The unit with this code in this year, looked up once.
    fn unit(&mut self, code: &str, year: i16) -> Result<Option<UnitId>, ImportError> {
        if let Some(id) = self.units.get(&(code.to_owned(), year)) {
            return Ok(Some(*id));
        }
        match self.store.unit_for(code, year) {
            Ok((id, _)) => {
                self.units.insert((code.to_owned(), year), id);
                Ok(Some(id))
            }
            Err(StoreError::UnknownUnit { .. }) => Ok(None),
            Err(other) => Err(other.into()),
        }
    }
}

/// A value as read from a cell, before it is compared with what is stored.
enum Value {
    Plan(PlanTarget),
    Figure(Stage, rust_decimal::Decimal),
}

/// A ward-year as stored before the import.
struct Stored {
    plans: HashMap<IndicatorId, Vec<crate::domain::Plan>>,
    figures: HashMap<IndicatorId, Vec<crate::domain::Figure>>,
    default_source: crate::domain::PlanSource,
}

/// Names compared as people read them: case and surrounding blanks do not matter.
fn same_text(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}
