//! A file's row read into an edit for the write path, step by step: the ward and the year, the
//! indicator, then each value and the note. What a row says is read here; what may be written
//! is decided by [`crate::edit`] alone. Every cell that does not read becomes a problem naming
//! its row and column, never a guess.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::columns::{self, Column, Columns, Slot};
use super::names::Catalogue;
use super::preview::Problem;
use super::style::{CellRef, Found};
use super::{Defaults, ImportError};
use crate::domain::number::{self, NumberStyle, NumberWarning, StyleEvidence, style_evidence};
use crate::domain::plan::PlanError;
use crate::domain::{Lang, PlanSource, PlanTarget, Unit};
use crate::edit::{Given, RowEdit, SlotEdit, Write};
use crate::store::{IndicatorId, Store, StoreError, UnitId};

/// Where in the file an edit came from: a row, and the column of a value or note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct At {
    pub row: usize,
    pub column: Option<Column>,
}

/// A row read: its edit, and its ward's code for the preview.
pub type RowRead = (RowEdit<At>, Arc<str>);

/// A ward found for a year: its row id and its code, shared by every change of the ward.
pub type Ward = (UnitId, Arc<str>);

/// Reads rows against the catalogue and the administrative units.
pub struct RowReader<'a> {
    store: &'a Store,
    columns: &'a Columns,
    defaults: &'a Defaults,
    pub catalogue: Catalogue,
    home_ward: Option<String>,
    /// Units by code, then by year (`None`: no such unit that year).
    units: HashMap<String, Vec<(i16, Option<Ward>)>>,
    pub sink: Sink<'a>,
}

/// Where the problems and warnings of the rows go, each named by sheet, row and column.
pub struct Sink<'a> {
    columns: &'a Columns,
    sheet: String,
    lang: Lang,
    /// The style the file's cells are written in.
    style: NumberStyle,
    /// The user's style, for values a message shows.
    user_style: NumberStyle,
    /// The cell that settled the file's style, when one did.
    settled_by: Option<CellRef>,
    /// The first cell written in the other style, if any: then nothing is read.
    pub conflict: Option<CellRef>,
    /// Problems that stop the import, and warnings that do not.
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Sink<'_> {
    /// The cells of both styles, when the reading found one in the style the file's deciding
    /// cell is not written in.
    pub fn both_styles(&self) -> Option<(CellRef, CellRef)> {
        let settled = self.settled_by.clone()?;
        let other = self.conflict.clone()?;
        Some(match self.style {
            NumberStyle::Vi => (settled, other),
            NumberStyle::En => (other, settled),
        })
    }

    /// A problem at a row (and column, when named).
    pub fn problem(&mut self, at: At, reason: String) {
        let column = self.heading(at);
        self.problems.push(Problem {
            sheet: self.sheet.clone(),
            row: at.row,
            column,
            reason,
        });
    }

    /// Warnings of a cell read. A number that reads two ways is read in the file's style,
    /// settled once for the whole file and shown in the preview: no warning per cell.
    fn warn(&mut self, at: At, warnings: &[NumberWarning]) {
        let shown = |w: &NumberWarning| !matches!(w, NumberWarning::AmbiguousSeparator { .. });
        if !warnings.iter().any(shown) {
            return;
        }
        let column = self.heading(at);
        for warning in warnings.iter().filter(|w| shown(w)) {
            self.warnings.push(Problem {
                sheet: self.sheet.clone(),
                row: at.row,
                column: column.clone(),
                reason: warning.message(self.lang, self.user_style),
            });
        }
    }

    fn heading(&self, at: At) -> String {
        at.column
            .and_then(|c| self.columns.heading(c))
            .unwrap_or_default()
    }

    fn t(&self, key: &str) -> String {
        rust_i18n::t!(key, locale = self.lang.code()).into_owned()
    }

    /// A plan's target: a number or a band in one cell, or a band's two ends in two cells.
    fn plan_target(
        &mut self,
        at: At,
        unit: &Unit,
        text: &str,
        high: Option<&str>,
    ) -> Option<PlanTarget> {
        let style = self.style;
        let read = match high.filter(|c| !c.is_empty()) {
            Some(high) => number::parse(text, unit, style)
                .and_then(|low| {
                    number::parse(high, unit, style).map(|high| {
                        let mut warnings = low.warnings;
                        warnings.extend(high.warnings);
                        (PlanTarget::range(low.value, high.value), warnings)
                    })
                })
                .map_err(PlanError::from),
            None => PlanTarget::parse(text, unit, style),
        };
        let doubtful = read
            .as_ref()
            .map_or(true, |(_, w)| w.contains(&NumberWarning::OtherStyle));
        if doubtful
            && (self.in_other_style(at, text) || high.is_some_and(|h| self.in_other_style(at, h)))
        {
            return None;
        }
        match read {
            Ok((target, warnings)) => {
                self.warn(at, &warnings);
                Some(target)
            }
            Err(error) => {
                self.problem(at, error.message(self.lang));
                None
            }
        }
    }

    /// A figure's value.
    fn number(&mut self, at: At, unit: &Unit, text: &str) -> Option<Decimal> {
        let read = number::parse(text, unit, self.style);
        let doubtful = read
            .as_ref()
            .map_or(true, |p| p.warnings.contains(&NumberWarning::OtherStyle));
        if doubtful && self.in_other_style(at, text) {
            return None;
        }
        match read {
            Ok(parsed) => {
                self.warn(at, &parsed.warnings);
                Some(parsed.value)
            }
            Err(error) => {
                self.problem(at, error.message(self.lang));
                None
            }
        }
    }

    /// Whether a cell that did not read cleanly in the file's style is written in the other
    /// one, when a cell settled the style: then the file holds both styles (the style search
    /// stops at its first deciding cell, and the reading of every cell finds any other). The
    /// first such cell is kept, to be named.
    fn in_other_style(&mut self, at: At, text: &str) -> bool {
        if self.settled_by.is_none()
            || style_evidence(text) != StyleEvidence::Decides(self.style.other())
        {
            return false;
        }
        if self.conflict.is_none() {
            self.conflict = Some(CellRef {
                row: at.row,
                column: self.heading(at),
                text: text.trim().to_owned(),
            });
        }
        true
    }

    /// Whether a plan is derived, as its cell says: yes (`true`, `x`, `1`, `có`), no (`false`,
    /// `0`, `không`), or (blank, no column) nothing; anything else is a problem, never a guess.
    fn derived(&mut self, row: usize, text: Option<&str>) -> Result<Option<bool>, ()> {
        let Some(text) = text.filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        match text.to_lowercase().as_str() {
            "true" | "x" | "1" | "có" | "yes" => Ok(Some(true)),
            "false" | "0" | "không" | "no" => Ok(Some(false)),
            _ => {
                let reason =
                    rust_i18n::t!("import.bad_derived", locale = self.lang.code(), text = text);
                let at = At {
                    row,
                    column: Some(Column::PlanDerived),
                };
                self.problem(at, reason.into_owned());
                Err(())
            }
        }
    }

    /// The plan source a row names (its source column, else its row code), `None` when it
    /// names none; an unknown one is a problem, never a silent default.
    fn plan_source(
        &mut self,
        row: usize,
        named: Option<&str>,
        row_code: Option<&str>,
    ) -> Result<Option<PlanSource>, ()> {
        let Some(code) = named.filter(|c| !c.is_empty()) else {
            return Ok(row_code.and_then(columns::plan_source_of_row_code));
        };
        PlanSource::from_code(code).map(Some).ok_or_else(|| {
            let all: Vec<_> = PlanSource::ALL.iter().map(|s| s.code()).collect();
            let reason = rust_i18n::t!(
                "import.unknown_plan_source",
                locale = self.lang.code(),
                text = code,
                all = all.join(", ")
            );
            let at = At {
                row,
                column: Some(Column::PlanSource),
            };
            self.problem(at, reason.into_owned());
        })
    }
}

impl<'a> RowReader<'a> {
    pub fn new(
        store: &'a Store,
        columns: &'a Columns,
        defaults: &'a Defaults,
        sheet: String,
        found: &Found,
    ) -> Result<Self, ImportError> {
        let style = found.style();
        let settled_by = match found {
            Found::Cell { at, .. } => Some(at.clone()),
            _ => None,
        };
        Ok(Self {
            store,
            columns,
            defaults,
            catalogue: Catalogue::new(store.indicators()?),
            home_ward: store.home_ward_code()?,
            units: HashMap::new(),
            sink: Sink {
                columns,
                sheet,
                lang: defaults.lang,
                style,
                user_style: defaults.user_style,
                settled_by,
                conflict: None,
                problems: Vec::new(),
                warnings: Vec::new(),
            },
        })
    }

    /// What a row says, as an edit with its ward's code; `None` for a row with no value (a
    /// category heading, a remark) or one whose ward, year or indicator does not read. A row
    /// of a hand-made table with a note and no value is a note for a known indicator, else a
    /// remark passed over.
    pub fn read(&mut self, row: usize, cells: &[String]) -> Result<Option<RowRead>, ImportError> {
        let columns = self.columns;
        let cell = |column| columns.cell(cells, column).map(str::trim);
        let filled = |column| cell(column).is_some_and(|c| !c.is_empty());
        let slots = columns.value_slots(cells);
        let has_value =
            slots.iter().any(|(column, _)| filled(*column)) || filled(Column::AmountHigh);
        if !has_value {
            let own_file = columns.machine || columns.has(Column::RowCode);
            let known = || {
                let code = cell(Column::Indicator).unwrap_or_default();
                let name = cell(Column::Name).unwrap_or_default();
                self.catalogue.find(code, name).is_some()
            };
            if own_file || !filled(Column::Note) || !known() {
                return Ok(None);
            }
        }
        let Some((unit, ward, year)) = self.ward_and_year(row, &cell)? else {
            return Ok(None);
        };
        let Some(indicator) = self.indicator(row, &cell) else {
            return Ok(None);
        };
        let (slots, note) = self.values(row, cells, indicator, &slots);
        let edit = RowEdit {
            at: At { row, column: None },
            unit,
            year,
            indicator,
            slots,
            note,
        };
        Ok(Some((edit, ward)))
    }

    /// The row's ward and year: from its cells, else the defaults.
    fn ward_and_year<'c>(
        &mut self,
        row: usize,
        cell: &impl Fn(Column) -> Option<&'c str>,
    ) -> Result<Option<(UnitId, Arc<str>, i16)>, ImportError> {
        let lang = self.defaults.lang;
        let at = |column| At {
            row,
            column: Some(column),
        };
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
                    let reason = self.sink.t("import.no_ward");
                    self.sink.problem(at(Column::Ward), reason);
                    return Ok(None);
                }
            },
        };
        let year = match cell(Column::Year).filter(|c| !c.is_empty()) {
            Some(text) => match text.parse::<i16>() {
                Ok(year) if crate::domain::figure::YEARS.contains(&year) => year,
                _ => {
                    let reason =
                        rust_i18n::t!("import.bad_year", locale = lang.code(), text = text);
                    self.sink.problem(at(Column::Year), reason.into_owned());
                    return Ok(None);
                }
            },
            None => match self.defaults.year {
                Some(year) => year,
                None => {
                    let reason = self.sink.t("import.no_year");
                    self.sink.problem(at(Column::Year), reason);
                    return Ok(None);
                }
            },
        };
        let Some((unit, code)) = self.unit(&ward, year)? else {
            let reason = rust_i18n::t!(
                "import.unknown_ward",
                locale = lang.code(),
                code = ward,
                year = year
            );
            self.sink.problem(at(Column::Ward), reason.into_owned());
            return Ok(None);
        };
        Ok(Some((unit, code, year)))
    }

    /// The row's indicator: by code, else by its name in either language.
    fn indicator<'c>(
        &mut self,
        row: usize,
        cell: &impl Fn(Column) -> Option<&'c str>,
    ) -> Option<IndicatorId> {
        let code = cell(Column::Indicator).unwrap_or_default();
        let name = cell(Column::Name).unwrap_or_default();
        if let Some(id) = self.catalogue.find(code, name) {
            return Some(id);
        }
        let (what, column) = if code.is_empty() {
            (name, Column::Name)
        } else {
            (code, Column::Indicator)
        };
        let reason = rust_i18n::t!(
            "import.unknown_indicator",
            locale = self.defaults.lang.code(),
            name = what
        );
        self.sink.problem(
            At {
                row,
                column: Some(column),
            },
            reason.into_owned(),
        );
        None
    }

    /// The row's values, each read once in the file's style, and its note. This program's
    /// own files keep a note per value (a blank one is the note); in a hand-made table the note
    /// is the row's (it goes where the grid's note column does), and a blank note cell says
    /// nothing.
    fn values(
        &mut self,
        row: usize,
        cells: &[String],
        indicator: IndicatorId,
        slots: &[(Column, Option<Slot>)],
    ) -> (Vec<SlotEdit<At>>, Option<(At, String)>) {
        let columns = self.columns;
        let cell = |column| columns.cell(cells, column).map(str::trim);
        let at = |column| At {
            row,
            column: Some(column),
        };
        let Some(unit) = self.catalogue.unit(indicator) else {
            return (Vec::new(), None);
        };
        let sink = &mut self.sink;
        // Whose note the note cell is: on the figures sheet each row's own slot's; where a row
        // holds one value (a value column with its stage: our CSV, a table listing one figure a
        // row) that value's, the plan keeping its own; in a wide hand-made table the row's,
        // which goes where the grid's note column does. This program's files write a blank note
        // as the note; in a hand-made table a blank note cell says nothing.
        let own_file = columns.machine || columns.has(Column::RowCode);
        let note = cell(Column::Note)
            .map(|n| undefused(n).to_owned())
            .filter(|n| own_file || !n.is_empty());
        let per_slot = columns.has(Column::RowCode);
        let per_value = columns.has(Column::Value);
        // The text as typed, where the file keeps it beside the value (our figures sheet).
        let typed = cell(Column::Typed).filter(|c| !c.is_empty()).map(undefused);
        let high = cell(Column::AmountHigh).filter(|c| !c.is_empty());
        let mut edits = Vec::new();
        for &(column, slot) in slots {
            let text = cell(column).unwrap_or_default();
            if text.is_empty() {
                if slot == Some(Slot::Plan) && high.is_some() {
                    let reason = sink.t("import.band_without_low");
                    sink.problem(at(column), reason);
                }
                continue;
            }
            let Some(slot) = slot else {
                // A value whose stage (or row code) this program does not know: never dropped
                // in silence.
                let (named, what) = match cell(Column::RowCode).filter(|c| !c.is_empty()) {
                    Some(code) => (Column::RowCode, code),
                    None => (Column::Stage, cell(Column::Stage).unwrap_or_default()),
                };
                let reason = rust_i18n::t!(
                    "import.unknown_stage",
                    locale = sink.lang.code(),
                    text = what
                );
                sink.problem(at(named), reason.into_owned());
                continue;
            };
            let text_as_typed = typed.unwrap_or(text).to_owned();
            let write = match slot {
                Slot::Plan => {
                    let target = sink.plan_target(at(column), unit, text, high);
                    let source =
                        sink.plan_source(row, cell(Column::PlanSource), cell(Column::RowCode));
                    let (Some(target), Ok(source)) = (target, source) else {
                        continue;
                    };
                    let Ok(derived) = sink.derived(row, cell(Column::PlanDerived)) else {
                        continue;
                    };
                    Write::Plan {
                        source,
                        target: Given::Set {
                            value: target,
                            text: text_as_typed,
                        },
                        derived,
                    }
                }
                Slot::Figure(stage) => {
                    let Some(value) = sink.number(at(column), unit, text) else {
                        continue;
                    };
                    Write::Figure {
                        stage,
                        value: Given::Set {
                            value,
                            text: text_as_typed,
                        },
                    }
                }
            };
            let own_note = per_slot || per_value && column == Column::Value;
            edits.push(SlotEdit {
                at: at(column),
                write,
                note: own_note.then(|| note.clone()).flatten(),
            });
        }
        // A note with no value beside it is the row's (a note for the value the report shows).
        let row_note = note
            .filter(|_| !per_slot && !per_value || edits.is_empty())
            .map(|n| (at(Column::Note), n));
        (edits, row_note)
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

/// A text as written before this program's CSV export defused it: the export puts an
/// apostrophe before a text a spreadsheet would run as a formula (`= + - @`, tab, carriage
/// return), and the import takes it off again.
pub fn undefused(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}
