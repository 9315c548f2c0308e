//! Imports: figures and plans from the tables people keep (CSV, Excel), checked row by row
//! before anything is written. The preview names every problem by sheet, row and column with
//! the reason; a file with any problem writes nothing, and a clean one is written in one
//! transaction through the store's change log.

mod columns;
mod read;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use rust_decimal::Decimal;

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
    pub ward: Arc<str>,
    pub year: i16,
    pub indicator: Arc<str>,
    pub slot: Slot,
    /// The value stored now, if any.
    pub old: Option<Value>,
    pub new: Value,
}

/// A value as the preview shows it (formatted only when shown: a file may hold 100,000 rows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Plan(PlanTarget),
    Figure(Decimal),
}

impl Value {
    /// The value as people read it in `lang`: "2.809,8", "6,6–6,8".
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Plan(target) => target.text(lang),
            Self::Figure(value) => number::format_exact(*value, lang),
        }
    }
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

    /// The writes, when there is no problem, taken out of the preview.
    pub fn into_batch(self) -> Option<Batch> {
        self.problems.is_empty().then_some(self.batch)
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
    preview_with_progress(store, path, defaults, |_, _| {})
}

/// [`preview`], telling `progress` (rows checked, rows in all) as it goes: after reading the
/// file, every thousand rows, and at the end.
pub fn preview_with_progress(
    store: &Store,
    path: &Path,
    defaults: &Defaults,
    mut progress: impl FnMut(usize, usize),
) -> Result<Preview, ImportError> {
    const EVERY: usize = 1000;
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
            let is_figures = |rows: &read::Rows| {
                Columns::find(rows).is_some_and(|(_, columns)| columns.has(Column::RowCode))
            };
            let (mut name, mut rows) = read::xlsx(path, defaults.lang, is_figures)?;
            // Our own CSV saved as a workbook: its numbers are machine numbers, so number cells
            // are written with a dot for the checks that read them so.
            let machine = Columns::find(&rows).is_some_and(|(_, columns)| columns.machine);
            if machine && defaults.lang != Lang::En {
                (name, rows) = read::xlsx(path, Lang::En, is_figures)?;
            }
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
    let rows = &table[header_at + 1..];
    progress(0, rows.len());
    store.snapshot(|| {
        let mut planner = Planner::new(store, sheet, defaults, &columns)?;
        for (done, (line, cells)) in rows.iter().enumerate() {
            if done % EVERY == 0 && done > 0 {
                progress(done, rows.len());
            }
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            planner.row(*line, cells)?;
        }
        progress(rows.len(), rows.len());
        Ok(planner.preview)
    })
}

/// Works through the rows against the catalogue and the stored values.
struct Planner<'a> {
    store: &'a Store,
    sheet: String,
    defaults: &'a Defaults,
    columns: &'a Columns,
    /// The file's number style: our machine CSV uses a dot, whatever the language.
    style: Lang,
    indicators: Vec<(IndicatorId, Indicator, Arc<str>)>,
    /// Indicators by code, and by name (either language, lower case).
    by_code: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    home_ward: Option<String>,
    /// Units by code, then by year (`None`: no such unit that year).
    units: HashMap<String, Vec<(i16, Option<Ward>)>>,
    /// What each ward-year stores, read once per ward-year rather than once per row.
    stored: HashMap<(UnitId, i16), Rc<Stored>>,
    seen: HashSet<(UnitId, i16, IndicatorId, Slot)>,
    preview: Preview,
}

impl<'a> Planner<'a> {
    fn new(
        store: &'a Store,
        sheet: String,
        defaults: &'a Defaults,
        columns: &'a Columns,
    ) -> Result<Self, ImportError> {
        let indicators: Vec<_> = store
            .indicators()?
            .into_iter()
            .map(|(id, indicator)| {
                let code = Arc::from(indicator.code.as_str());
                (id, indicator, code)
            })
            .collect();
        let mut by_code = HashMap::new();
        let mut by_name = HashMap::new();
        for (index, (_, indicator, _)) in indicators.iter().enumerate() {
            by_code.entry(indicator.code.clone()).or_insert(index);
            for name in [&indicator.name_vi, &indicator.name_en] {
                by_name.entry(name_key(name)).or_insert(index);
            }
        }
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
            indicators,
            by_code,
            by_name,
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
        let columns = self.columns;
        let cell = |column| columns.cell(cells, column).map(str::trim);
        // A row with no value to write (a category heading, a remark) is passed over.
        let slots = columns.value_slots(cells);
        let has_value = slots
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
        let Some((unit, ward)) = self.unit(&ward, year)? else {
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
        let found = if code.is_empty() {
            None
        } else {
            self.by_code.get(code)
        }
        .or_else(|| {
            (!name.is_empty())
                .then(|| self.by_name.get(&name_key(name)))
                .flatten()
        })
        .copied();
        let Some(found) = found else {
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
        let indicator_id = self.indicators[found].0;

        // A blank note cell of a hand-made table says nothing (a workbook has every cell): the
        // stored note stays. In this program's own files a blank note is the note.
        let own_file = self.columns.machine || self.columns.has(Column::RowCode);
        let note = cell(Column::Note)
            .filter(|n| own_file || !n.is_empty())
            .map(str::to_owned);
        // The text as typed, where the file keeps it beside the value (our figures sheet).
        let typed = cell(Column::Typed).filter(|c| !c.is_empty());
        let stored = self.stored(unit, year)?;
        let no_plans = Vec::new();
        let no_figures = Vec::new();
        let stored_plans = stored.plans.get(&indicator_id).unwrap_or(&no_plans);
        let stored_figures = stored.figures.get(&indicator_id).unwrap_or(&no_figures);

        for (column, slot) in slots {
            let text = cell(column).unwrap_or_default();
            if text.is_empty() {
                continue;
            }
            let Some(slot) = slot else {
                // A value whose stage (or row code) this program does not know: never dropped
                // in silence.
                let (named, what) = match cell(Column::RowCode).filter(|c| !c.is_empty()) {
                    Some(code) => (Column::RowCode, code),
                    None => (Column::Stage, cell(Column::Stage).unwrap_or_default()),
                };
                let reason =
                    rust_i18n::t!("import.unknown_stage", locale = lang.code(), text = what);
                self.problem(row, Some(named), reason.into_owned());
                continue;
            };
            let indicator = &self.indicators[found].1;
            // Each value is read once; one that does not read is named for what it is, even on
            // a repeated row.
            let read = match slot {
                Slot::Plan => match cell(Column::AmountHigh).filter(|c| !c.is_empty()) {
                    // A band on the figures sheet: its two ends in two cells.
                    Some(high) => {
                        number::parse(text, &indicator.unit, self.style).and_then(|low| {
                            number::parse(high, &indicator.unit, self.style).map(|high| {
                                let mut warnings = low.warnings;
                                warnings.extend(high.warnings);
                                (
                                    Read::Plan(PlanTarget::range(low.value, high.value)),
                                    warnings,
                                )
                            })
                        })
                    }
                    None => PlanTarget::parse(text, &indicator.unit, self.style)
                        .map(|(target, warnings)| (Read::Plan(target), warnings)),
                },
                Slot::Figure(stage) => number::parse(text, &indicator.unit, self.style)
                    .map(|parsed| (Read::Figure(stage, parsed.value), parsed.warnings)),
            };
            let (value, warnings) = match read {
                Ok(read) => read,
                Err(error) => {
                    self.number_problem(row, column, &error);
                    continue;
                }
            };
            if !self.seen.insert((unit, year, indicator_id, slot)) {
                self.problem(row, Some(column), t("import.duplicate"));
                continue;
            }
            if !warnings.is_empty() {
                self.warn(row, column, warnings);
            }
            let (same, old, new) = match value {
                Read::Plan(target) => {
                    let named = cell(Column::PlanSource)
                        .and_then(crate::domain::PlanSource::from_code)
                        .or_else(|| {
                            cell(Column::RowCode).and_then(columns::plan_source_of_row_code)
                        });
                    let source = match (named, stored_plans.iter().min_by_key(|p| p.source)) {
                        (Some(source), _) => source,
                        (None, Some(plan)) => plan.source,
                        (None, None) => stored.default_source,
                    };
                    let derived = matches!(cell(Column::PlanDerived), Some("true" | "x" | "X"));
                    let old = stored_plans.iter().find(|p| p.source == source);
                    let same = old.is_some_and(|p| p.target == target && p.derived == derived);
                    if !same {
                        self.preview.batch.plans.push(PlanWrite {
                            unit,
                            indicator: indicator_id,
                            year,
                            source,
                            target: Some(target),
                            text: typed.unwrap_or(text).to_owned(),
                            derived,
                            // A table's note column speaks of the figures, and a plan keeps its
                            // own; on the figures sheet each row's note is its own.
                            note: if self.columns.has(Column::RowCode) {
                                note.clone().unwrap_or_default()
                            } else {
                                old.map(|p| p.note.clone()).unwrap_or_default()
                            },
                        });
                    }
                    (
                        same,
                        old.map(|p| Value::Plan(p.target)),
                        Value::Plan(target),
                    )
                }
                Read::Figure(stage, value) => {
                    let old = stored_figures.iter().find(|f| f.stage == stage);
                    // A changed note alone is a change too.
                    let same = old.is_some_and(|f| {
                        f.value == value && note.as_ref().is_none_or(|n| *n == f.note)
                    });
                    if !same {
                        self.preview.batch.figures.push(FigureWrite {
                            unit,
                            indicator: indicator_id,
                            year,
                            stage,
                            value: Some((value, typed.unwrap_or(text).to_owned())),
                            note: note
                                .clone()
                                .or_else(|| old.map(|f| f.note.clone()))
                                .unwrap_or_default(),
                        });
                    }
                    (
                        same,
                        old.map(|f| Value::Figure(f.value)),
                        Value::Figure(value),
                    )
                }
            };
            if same {
                self.preview.unchanged += 1;
            } else {
                self.preview.changes.push(Change {
                    row,
                    ward: ward.clone(),
                    year,
                    indicator: self.indicators[found].2.clone(),
                    slot,
                    old,
                    new,
                });
            }
        }
        Ok(())
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
    fn stored(&mut self, unit: UnitId, year: i16) -> Result<Rc<Stored>, ImportError> {
        if let Some(stored) = self.stored.get(&(unit, year)) {
            return Ok(Rc::clone(stored));
        }
        let admin_unit = self.store.unit(unit)?;
        let stored = Rc::new(Stored {
            plans: self.store.plans_of(unit, year)?,
            figures: self.store.figures_of(unit, year)?,
            default_source: self.store.default_plan_source(&admin_unit, year)?,
        });
        self.stored.insert((unit, year), Rc::clone(&stored));
        Ok(stored)
    }

    /// The unit with this code in this year, looked up once.
    fn unit(&mut self, code: &str, year: i16) -> Result<Option<Ward>, ImportError> {
        if let Some(found) = self
            .units
            .get(code)
            .and_then(|years| years.iter().find(|(y, _)| *y == year))
        {
            return Ok(found.1.clone());
        }
        let found = match self.store.unit_for(code, year) {
            Ok((id, _)) => Some((id, Arc::from(code))),
            Err(StoreError::UnknownUnit { .. }) => {
                // A ward code typed into an ordinary Excel cell loses its leading zero (03142
                // becomes 3142): ward codes have five digits.
                let padded = format!("{code:0>5}");
                let digits = !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit());
                match self.store.unit_for(&padded, year) {
                    Ok((id, _)) if digits && code.len() < 5 => Some((id, Arc::from(padded))),
                    Ok(_) | Err(StoreError::UnknownUnit { .. }) => None,
                    Err(other) => return Err(other.into()),
                }
            }
            Err(other) => return Err(other.into()),
        };
        self.units
            .entry(code.to_owned())
            .or_default()
            .push((year, found.clone()));
        Ok(found)
    }
}

/// A ward found for a year: its row id and its code, shared by every change of the ward.
type Ward = (UnitId, Arc<str>);

/// A value as read from a cell, before it is compared with what is stored.
enum Read {
    Plan(PlanTarget),
    Figure(Stage, Decimal),
}

/// A ward-year as stored before the import.
struct Stored {
    plans: HashMap<IndicatorId, Vec<crate::domain::Plan>>,
    figures: HashMap<IndicatorId, Vec<crate::domain::Figure>>,
    default_source: crate::domain::PlanSource,
}

/// A name as people compare it: case, blanks (line breaks in a cell included) and where the
/// tone mark sits in "oa", "oe", "uy" (hoá and hóa, thuỷ and thủy: both spellings are in use)
/// do not matter.
fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    /// Old-style placements and the new style they compare as.
    const TONES: [(&str, &str); 15] = [
        ("oá", "óa"),
        ("oà", "òa"),
        ("oả", "ỏa"),
        ("oã", "õa"),
        ("oạ", "ọa"),
        ("oé", "óe"),
        ("oè", "òe"),
        ("oẻ", "ỏe"),
        ("oẽ", "õe"),
        ("oẹ", "ọe"),
        ("uý", "úy"),
        ("uỳ", "ùy"),
        ("uỷ", "ủy"),
        ("uỹ", "ũy"),
        ("uỵ", "ụy"),
    ];
    let mut key = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect::<String>()
        .to_lowercase();
    for (old, new) in TONES {
        if key.contains(old) {
            key = key.replace(old, new);
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn names_compare_whatever_the_blanks_and_the_tone_placement() {
        assert_eq!(
            name_key("Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa"),
            name_key("  tỷ lệ hộ gia đình đạt\ndanh hiệu gia đình văn  hoá ")
        );
        assert_eq!(name_key("Thuỷ sản"), name_key("Thủy sản"));
        assert_ne!(name_key("Thu ngân sách"), name_key("Chi ngân sách"));
    }
}
