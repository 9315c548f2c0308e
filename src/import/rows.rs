//! A file's row read into an edit for the write path, step by step: the ward and the year, the
//! indicator, then each value and the note. What a row says is read here; what may be written
//! is decided by [`crate::edit`] alone. Every cell that does not read becomes a problem naming
//! its row and column, never a guess.

use std::collections::HashMap;
use std::sync::Arc;

use super::checks::{self, Traits, YearValues};
use super::columns::{Columns, ValueColumn};
use super::headings::{Key, Slot};
use super::names::{Catalogue, Lookup};
use super::sink::Sink;
use super::style::Found;
use super::{Defaults, ImportError};
use crate::domain::{Lang, Unit};
use crate::edit::{Given, RowEdit, SlotEdit, Write};
use crate::store::{IndicatorId, Store, StoreError, UnitId};

/// Where in the file an edit came from: a row, and the position of the column of a value or
/// note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct At {
    pub row: usize,
    pub column: Option<usize>,
}

/// A row read for one year: its edit, and its ward's code for the preview.
pub type RowRead = (RowEdit<At>, Arc<str>);

/// A row's values read, the year each goes to, and the row's note.
type RowValues = (Vec<SlotEdit<At>>, Vec<i16>, Option<(At, String)>);

/// A ward found for a year: its row id and its code, shared by every change of the ward.
pub type Ward = (UnitId, Arc<str>);

/// Reads rows against the catalogue and the administrative units.
pub struct RowReader<'a> {
    store: &'a Store,
    columns: &'a Columns,
    defaults: &'a Defaults,
    pub catalogue: Catalogue,
    /// What judging each indicator takes, by id.
    traits: Vec<Option<Traits>>,
    /// The user's picks, by the name's key: the indicator, or the code that names none.
    map: HashMap<String, Result<IndicatorId, String>>,
    /// Names the catalogue does not settle, each once.
    pub unresolved: Vec<super::Unresolved>,
    /// Picks used, to be learnt as aliases.
    pub learnt: Vec<(String, IndicatorId)>,
    /// The edits of the row read last, for the caller to take (a buffer kept across rows).
    pub reads: Vec<RowRead>,
    /// The value columns of the row being read (a buffer kept across rows).
    slot_buffer: Vec<(ValueColumn, Option<Slot>)>,
    home_ward: Option<String>,
    /// The unit of the last row: its code as written, its year, and what it was.
    last_unit: Option<(String, i16, Option<Ward>)>,
    /// Units by code, then by year (`None`: no such unit that year).
    units: crate::edit::ids::IdMap<String, Vec<(i16, Option<Ward>)>>,
    pub sink: Sink<'a>,
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
        let indicators = store.indicators()?;
        let mut traits = Vec::new();
        for (id, indicator) in &indicators {
            if let Ok(slot) = usize::try_from(id.0) {
                if traits.len() <= slot {
                    traits.resize(slot + 1, None);
                }
                traits[slot] = Some(Traits {
                    direction: indicator.direction,
                    kind: indicator.kind,
                    precision: indicator.precision,
                });
            }
        }
        let catalogue = Catalogue::new(indicators, store.aliases()?);
        let map = defaults
            .map
            .iter()
            .map(|(name, code)| {
                let id = catalogue.find(code.trim(), "").ok_or_else(|| code.clone());
                (crate::domain::name_key(name), id)
            })
            .collect();
        Ok(Self {
            store,
            columns,
            defaults,
            map,
            unresolved: Vec::new(),
            learnt: Vec::new(),
            reads: Vec::new(),
            slot_buffer: Vec::new(),
            catalogue,
            traits,
            home_ward: store.home_ward_code()?,
            units: crate::edit::ids::IdMap::default(),
            last_unit: None,
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

    /// What a row says, as edits (one per year its values go to) with its ward's code; none
    /// for a row with no value (a category heading, a remark) or one whose ward, year or
    /// indicator does not read. A row of a hand-made table with a note and no value is a note
    /// for a known indicator, else a remark passed over.
    pub fn read(&mut self, row: usize, cells: &[String]) -> Result<(), ImportError> {
        let mut slots = std::mem::take(&mut self.slot_buffer);
        self.columns.value_slots(cells, &mut slots);
        let read = self.read_slots(row, cells, &slots);
        self.slot_buffer = slots;
        read
    }

    /// [`Self::read`], with the row's value columns and their slots.
    fn read_slots(
        &mut self,
        row: usize,
        cells: &[String],
        slots: &[(ValueColumn, Option<Slot>)],
    ) -> Result<(), ImportError> {
        let columns = self.columns;
        let cell = |key| columns.cell(cells, key).map(str::trim);
        let filled = |key| cell(key).is_some_and(|c| !c.is_empty());
        let filled_at = |position: usize| cells.get(position).is_some_and(|c| !c.trim().is_empty());
        let has_value =
            slots.iter().any(|(column, _)| filled_at(column.position)) || filled(Key::AmountHigh);
        if !has_value {
            let own_file = columns.machine || columns.has(Key::RowCode);
            let known = || {
                let code = cell(Key::Indicator).unwrap_or_default();
                let name = cell(Key::Name).unwrap_or_default();
                self.catalogue.find(code, name).is_some()
            };
            if own_file || !filled(Key::Note) || !known() {
                return Ok(());
            }
        }
        let Some((ward, year)) = self.ward_and_year(row, &cell) else {
            return Ok(());
        };
        let Some(indicator) = self.indicator(row, &cell) else {
            return Ok(());
        };
        let (slots, slot_years, note) = self.values(row, cells, (indicator, year), slots);
        // A row of one year (most rows of most files): its edit as it is.
        let one_year = match slot_years.first() {
            Some(&first) if slot_years.iter().all(|y| *y == first) => Some(first),
            // No column names its own year: every value is the row's.
            None if !slots.is_empty() || note.is_some() => year,
            _ => None,
        };
        if let Some(at_year) = one_year {
            let slots = if columns.checks.is_empty() {
                slots
            } else {
                let mut years = vec![(at_year, slots)];
                self.check(row, cells, indicator, year, &years);
                years.pop().map(|(_, slots)| slots).unwrap_or_default()
            };
            if let Some((unit, code)) = self.ward_unit(row, &ward, at_year)? {
                let edit = RowEdit {
                    at: At { row, column: None },
                    unit,
                    year: at_year,
                    indicator,
                    slots,
                    note,
                };
                self.reads.push((edit, code));
            }
            return Ok(());
        }
        if slot_years.is_empty() {
            // No value read (each one that failed is named already), or a note alone, of a
            // row whose year nothing says.
            if note.is_none() {
                return Ok(());
            }
            let reason = self.sink.t("import.no_year");
            let at = At {
                row,
                column: columns.position(Key::Year),
            };
            self.sink.problem(at, reason);
            return Ok(());
        }
        // Values of several years: each to the year its column names, else the row's.
        let mut years: Vec<(i16, Vec<SlotEdit<At>>)> = Vec::new();
        for (at_year, edit) in slot_years.into_iter().zip(slots) {
            match years.iter_mut().find(|(y, _)| *y == at_year) {
                Some((_, edits)) => edits.push(edit),
                None => years.push((at_year, vec![edit])),
            }
        }
        self.check(row, cells, indicator, year, &years);
        // The note goes with the row's own year, else with its first year.
        let note_year = year
            .filter(|y| years.iter().any(|(x, _)| x == y))
            .or_else(|| years.first().map(|(y, _)| *y));
        let mut note = note;
        for (at_year, slots) in years {
            let Some((unit, code)) = self.ward_unit(row, &ward, at_year)? else {
                continue;
            };
            let edit = RowEdit {
                at: At { row, column: None },
                unit,
                year: at_year,
                indicator,
                slots,
                note: if Some(at_year) == note_year {
                    note.take()
                } else {
                    None
                },
            };
            self.reads.push((edit, code));
        }
        Ok(())
    }

    /// The row's ward code and year: from its cells, else the defaults (the command line, then
    /// the sheet's title, then the database's ward). The year may be unknown when every value
    /// column names its own.
    fn ward_and_year<'c>(
        &mut self,
        row: usize,
        cell: &impl Fn(Key) -> Option<&'c str>,
    ) -> Option<(std::borrow::Cow<'c, str>, Option<i16>)> {
        use std::borrow::Cow;
        let lang = self.defaults.lang;
        let at = |key| At {
            row,
            column: self.columns.position(key),
        };
        let ward = match cell(Key::Ward).filter(|c| !c.is_empty()) {
            Some(code) => Cow::Borrowed(code),
            None => match self.defaults.ward.clone().or_else(|| {
                (!self.defaults.no_home_ward)
                    .then(|| self.home_ward.clone())
                    .flatten()
            }) {
                Some(code) => Cow::Owned(code),
                None => {
                    let reason = self.sink.t("import.no_ward");
                    self.sink.problem(at(Key::Ward), reason);
                    return None;
                }
            },
        };
        let year = match cell(Key::Year).filter(|c| !c.is_empty()) {
            Some(text) => match text.parse::<i16>() {
                Ok(year) if crate::domain::figure::YEARS.contains(&year) => Some(year),
                _ => {
                    let reason =
                        rust_i18n::t!("import.bad_year", locale = lang.code(), text = text);
                    self.sink.problem(at(Key::Year), reason.into_owned());
                    return None;
                }
            },
            None => self.defaults.year,
        };
        Some((ward, year))
    }

    /// The ward's unit in a year, or a problem naming it.
    fn ward_unit(
        &mut self,
        row: usize,
        ward: &str,
        year: i16,
    ) -> Result<Option<Ward>, ImportError> {
        let found = self.unit(ward, year)?;
        if found.is_none() {
            let reason = rust_i18n::t!(
                "import.unknown_ward",
                locale = self.defaults.lang.code(),
                code = ward,
                year = year
            );
            let at = At {
                row,
                column: self.columns.position(Key::Ward),
            };
            self.sink.problem(at, reason.into_owned());
        }
        Ok(found)
    }

    /// The row's indicator: by code, else by its name in either language or an alias, else
    /// as the user mapped the name. A name that fits several indicators, or none, is a problem
    /// that lists the candidates to pick from: never a guess.
    fn indicator<'c>(
        &mut self,
        row: usize,
        cell: &impl Fn(Key) -> Option<&'c str>,
    ) -> Option<IndicatorId> {
        let code = cell(Key::Indicator).unwrap_or_default();
        let name = cell(Key::Name).unwrap_or_default();
        let lookup = self.catalogue.lookup(code, name);
        let locale = self.defaults.lang.code();
        let at_name = At {
            row,
            column: self.columns.position(Key::Name),
        };
        let found = lookup.found();
        if !name.is_empty()
            && let Some(picked) = self.map.get(&crate::domain::name_key(name)).cloned()
        {
            match picked {
                Ok(id) if found.is_none() || found == Some(id) => {
                    if found.is_none() && !self.learnt.iter().any(|(n, _)| n == name) {
                        self.learnt.push((name.to_owned(), id));
                    }
                    return Some(id);
                }
                Ok(_) => {
                    let holder = found
                        .and_then(|id| self.catalogue.code(id))
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    let reason = rust_i18n::t!(
                        "import.map_taken",
                        locale = locale,
                        name = name,
                        holder = holder
                    );
                    self.sink.problem(at_name, reason.into_owned());
                    return None;
                }
                Err(code) => {
                    let reason =
                        rust_i18n::t!("import.map_unknown_code", locale = locale, code = code);
                    self.sink.problem(at_name, reason.into_owned());
                    return None;
                }
            }
        }
        let candidates = match lookup {
            Lookup::Found(id) => return Some(id),
            Lookup::Candidates(ids) => ids,
            Lookup::Unknown => Vec::new(),
        };
        if !code.is_empty() && name.is_empty() {
            let reason = rust_i18n::t!("import.unknown_indicator", locale = locale, name = code);
            let at = At {
                row,
                column: self.columns.position(Key::Indicator),
            };
            self.sink.problem(at, reason.into_owned());
            return None;
        }
        let lang = self.defaults.lang;
        let named: Vec<(String, String)> = candidates
            .iter()
            .filter_map(|id| {
                Some((
                    self.catalogue.code(*id)?.to_string(),
                    self.catalogue.name(*id, lang)?.to_owned(),
                ))
            })
            .collect();
        let listed = named
            .iter()
            .map(|(code, name)| format!("{code} ({name})"))
            .collect::<Vec<_>>()
            .join("; ");
        let reason = if named.is_empty() {
            rust_i18n::t!("import.unknown_name", locale = locale, name = name)
        } else {
            rust_i18n::t!(
                "import.candidates",
                locale = locale,
                name = name,
                candidates = listed,
                code = named[0].0
            )
        };
        self.sink.problem(at_name, reason.into_owned());
        if !self.unresolved.iter().any(|u| u.name == name) {
            self.unresolved.push(super::Unresolved {
                row,
                name: name.to_owned(),
                candidates: named,
            });
        }
        None
    }

    /// The computed columns of a row, each worked out again from the values it imports: a
    /// disagreement is a warning naming the cell.
    fn check(
        &mut self,
        row: usize,
        cells: &[String],
        indicator: IndicatorId,
        year: Option<i16>,
        years: &[(i16, Vec<SlotEdit<At>>)],
    ) {
        let columns = self.columns;
        if columns.checks.is_empty() {
            return;
        }
        let Some(traits) = usize::try_from(indicator.0)
            .ok()
            .and_then(|i| self.traits.get(i).copied().flatten())
        else {
            return;
        };
        let values: Vec<YearValues> = years
            .iter()
            .map(|(y, edits)| {
                let mut values = YearValues {
                    year: *y,
                    ..YearValues::default()
                };
                for edit in edits {
                    match &edit.write {
                        Write::Plan {
                            target: Given::Set { value, .. },
                            ..
                        } => values.plan = Some(*value),
                        Write::Figure {
                            stage,
                            value: Given::Set { value, .. },
                        } => values.stages[checks::stage_index(*stage)] = Some(*value),
                        Write::Plan { .. } | Write::Figure { .. } => {}
                    }
                }
                values
            })
            .collect();
        let style = (self.sink.style, self.sink.user_style);
        for column in &columns.checks {
            let Some(text) = cells.get(column.position) else {
                continue;
            };
            if let Some(reason) = checks::check(
                column,
                text,
                year,
                &values,
                traits,
                style,
                self.defaults.lang,
            ) {
                let at = At {
                    row,
                    column: Some(column.position),
                };
                self.sink.warning(at, reason);
            }
        }
    }

    /// The row's values, each read once in the file's style with the year it goes to, and its
    /// note. This program's own files keep a note per value (a blank one is the note); in a
    /// hand-made table the note is the row's (it goes where the grid's note column does), and a
    /// blank note cell says nothing.
    fn values(
        &mut self,
        row: usize,
        cells: &[String],
        (indicator, year): (IndicatorId, Option<i16>),
        slots: &[(ValueColumn, Option<Slot>)],
    ) -> RowValues {
        let columns = self.columns;
        let cell = |key| columns.cell(cells, key).map(str::trim);
        let at = |position| At {
            row,
            column: Some(position),
        };
        let at_key = |key| At {
            row,
            column: columns.position(key),
        };
        let Some(unit) = self.catalogue.unit(indicator) else {
            return (Vec::new(), Vec::new(), None);
        };
        let sink = &mut self.sink;
        // Whose note the note cell is: on the figures sheet each row's own slot's; where a row
        // holds one value (a value column with its stage: our CSV, a table listing one figure a
        // row) that value's, the plan keeping its own; in a wide hand-made table the row's,
        // which goes where the grid's note column does. This program's files write a blank note
        // as the note; in a hand-made table a blank note cell says nothing.
        let own_file = columns.machine || columns.has(Key::RowCode);
        let note = cell(Key::Note)
            .map(|n| undefused(n).to_owned())
            .filter(|n| own_file || !n.is_empty());
        let per_slot = columns.has(Key::RowCode);
        let value_at = columns.position(Key::Value);
        // The text as typed, where the file keeps it beside the value (our figures sheet).
        let typed = cell(Key::Typed).filter(|c| !c.is_empty()).map(undefused);
        let high = cell(Key::AmountHigh).filter(|c| !c.is_empty());
        // The unit the row's values are written in, where it is not the catalogue's own.
        let written_in = cell(Key::Unit)
            .filter(|u| !u.is_empty())
            .map(unit_words)
            .filter(|u| !same_unit(u, unit));
        let mut edits = Vec::new();
        // The year of each value, kept only where a column names its own (else every value
        // goes to the row's year).
        let mut years = Vec::new();
        let own_years = columns.values.iter().any(|v| v.year.is_some());
        for &(column, slot) in slots {
            let position = column.position;
            let text = cells.get(position).map_or("", |c| c.trim());
            if text.is_empty() {
                if slot == Some(Slot::Plan) && high.is_some() {
                    let reason = sink.t("import.band_without_low");
                    sink.problem(at(position), reason);
                }
                continue;
            }
            let Some(slot) = slot else {
                // A value whose stage (or row code) this program does not know: never dropped
                // in silence.
                let (named, what) = match cell(Key::RowCode).filter(|c| !c.is_empty()) {
                    Some(code) => (Key::RowCode, code),
                    None => (Key::Stage, cell(Key::Stage).unwrap_or_default()),
                };
                let reason = rust_i18n::t!(
                    "import.unknown_stage",
                    locale = sink.lang.code(),
                    text = what
                );
                sink.problem(at_key(named), reason.into_owned());
                continue;
            };
            let Some(value_year) = column.year.or(year) else {
                let reason = sink.t("import.no_year");
                sink.problem(at(position), reason);
                continue;
            };
            let with_unit;
            let read_text = match &written_in {
                Some(words) if !has_suffix(text) => {
                    with_unit = format!("{text} {words}");
                    with_unit.as_str()
                }
                _ => text,
            };
            let text_as_typed = typed.unwrap_or(text).to_owned();
            let write = match slot {
                Slot::Plan => {
                    let high = high.map(|h| match &written_in {
                        Some(words) if !has_suffix(h) => format!("{h} {words}"),
                        _ => h.to_owned(),
                    });
                    let target = sink.plan_target(at(position), unit, read_text, high.as_deref());
                    let source = match column.source {
                        Some(source) => Ok(Some(source)),
                        None => sink.plan_source(row, cell(Key::PlanSource), cell(Key::RowCode)),
                    };
                    let (Some(target), Ok(source)) = (target, source) else {
                        continue;
                    };
                    let Ok(derived) = sink.derived(row, cell(Key::PlanDerived)) else {
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
                    let Some(value) = sink.number(at(position), unit, read_text) else {
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
            let own_note = per_slot || value_at == Some(position);
            if own_years {
                years.push(value_year);
            }
            edits.push(SlotEdit {
                at: at(position),
                write,
                note: own_note.then(|| note.clone()).flatten(),
            });
        }
        // A note with no value beside it is the row's (a note for the value the report shows).
        let row_note = note
            .filter(|_| !per_slot && value_at.is_none() || edits.is_empty())
            .map(|n| (at_key(Key::Note), n));
        (edits, years, row_note)
    }

    /// The unit with this code in this year, looked up once.
    fn unit(&mut self, code: &str, year: i16) -> Result<Option<Ward>, ImportError> {
        // Files list a ward's rows together: the last row's answer, without hashing the code.
        if let Some((last_code, last_year, found)) = &self.last_unit
            && *last_year == year
            && last_code.as_str() == code
        {
            return Ok(found.clone());
        }
        let found = self.unit_uncached(code, year)?;
        match &mut self.last_unit {
            Some((last_code, last_year, last)) => {
                last_code.clear();
                last_code.push_str(code);
                *last_year = year;
                last.clone_from(&found);
            }
            None => self.last_unit = Some((code.to_owned(), year, found.clone())),
        }
        Ok(found)
    }

    /// [`Self::unit`], looked up in the map of units seen, else in the store.
    fn unit_uncached(&mut self, code: &str, year: i16) -> Result<Option<Ward>, ImportError> {
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

/// A unit as an annex's "ĐVT" writes it, in the words the number parser reads after a number:
/// "Tr.đồng", "Trđ" and "tr.đ" are "triệu đồng".
fn unit_words(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    for (short, long) in [
        ("tr.đồng", "triệu đồng"),
        ("trđồng", "triệu đồng"),
        ("tr.đ", "triệu đồng"),
        ("trđ", "triệu đồng"),
        ("tr.vnđ", "triệu đồng"),
        ("ng.đồng", "nghìn đồng"),
        ("ngđ", "nghìn đồng"),
        ("1000đ", "nghìn đồng"),
        ("1.000đ", "nghìn đồng"),
        ("tỷđ", "tỷ đồng"),
        ("tỷđồng", "tỷ đồng"),
    ] {
        if compact == short {
            return long.to_owned();
        }
    }
    lower
}

/// Whether a unit as written is the catalogue's own (either language, any case).
fn same_unit(words: &str, unit: &Unit) -> bool {
    words == unit.symbol().to_lowercase() || words == unit.symbol_in(Lang::En).to_lowercase()
}

/// Whether a value cell carries words or a sign of its own after the number ("17 tỷ", "95%"):
/// then the unit column is not added to it.
fn has_suffix(text: &str) -> bool {
    text.trim_end()
        .chars()
        .last()
        .is_some_and(|c| !c.is_ascii_digit())
}
