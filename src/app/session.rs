//! The open database as the window sees it: the store, the ward and year shown, and what the
//! views read, loaded once and reloaded only after a change, so a frame never queries SQLite.

use crate::domain::number::NumberStyle;
use crate::domain::report::{Report, ReportRow};
use crate::domain::{AdminUnit, Indicator, Lang, Level, Lock, LockPart, Stage};
use std::collections::HashMap;

use crate::store::{
    BackupInfo, ChangeEntry, IndicatorId, RestoreRecord, SaveChange, SaveEntry, SaveFilter, Store,
    StoreError, UnitId,
};

use super::entry_form::EntryForm;

/// One indicator's years, computed by the core.
pub type Trend = Vec<(i16, ReportRow)>;

/// An open database and the slice of it on screen.
pub struct Session {
    pub store: Store,
    pub unit_id: UnitId,
    pub unit: AdminUnit,
    pub year: i16,
    /// Wards valid in the year, for the picker.
    pub wards: Vec<(UnitId, AdminUnit)>,
    /// Provinces and cities standing at the end of the year, whose reports add up their wards:
    /// the picker offers them first.
    pub parents: Vec<(UnitId, AdminUnit)>,
    /// Years the ward holds data for, newest first, plus the shown year.
    pub years: Vec<i16>,
    pub indicators: Vec<(IndicatorId, Indicator)>,
    /// Every indicator's aliases, as written, by indicator.
    pub aliases: Vec<(String, IndicatorId)>,
    /// Indicators that hold data, which can be archived but not deleted.
    pub with_data: Vec<IndicatorId>,
    pub report: Report,
    pub form: EntryForm,
    /// The indicator whose trend is shown, and its years.
    pub trend: Option<(IndicatorId, Trend)>,
    /// True when the file holds synthetic data: every view says so.
    pub synthetic: bool,
    /// The last lock of the year lifted, and how many values changed since it was made, while
    /// no lock holds the year.
    pub since_unlock: Option<(Lock, usize)>,
    /// Counts the reloads after changes: views that keep their own reading of the database
    /// (So sánh) read it again when it moves.
    pub revision: u64,
    /// The copies in the backups folder beside the database, newest first: read when the
    /// settings show them (each copy is opened to count its figures), dropped after a change.
    pub backups: Option<Vec<BackupInfo>>,
    /// Every change to the shown year's values, by indicator (the grid's cell history).
    pub cell_history: HashMap<IndicatorId, Vec<ChangeEntry>>,
    /// The restores recorded in the file, oldest first (they changed every value).
    pub restores: Vec<RestoreRecord>,
    /// The history view's page, once it was shown.
    pub history: Option<HistoryPage>,
    /// For a province or a city: the plans it hands down to its wards that year, every
    /// indicator (the grid the entry view shows for it).
    pub handout: Option<crate::domain::allocation::Handout>,
    /// The row ids of the handout's wards, in its order.
    pub handout_units: Vec<UnitId>,
}

/// The history view's lines under its filter, and the saves opened to their values.
pub struct HistoryPage {
    pub filter: SaveFilter,
    pub rows: Vec<HistoryRow>,
    pub opened: HashMap<i64, Vec<SaveChange>>,
}

/// A line of the history: a save, or a lock, an unlock or a restore in words.
#[derive(Clone, Debug)]
pub enum HistoryRow {
    Save(SaveEntry),
    Event(String),
}

impl Session {
    /// Opens the view of a store on a ward (by code; else the home ward) and a year (else the
    /// newest year with data), its form written in `lang`'s words and `style`'s numbers. On
    /// failure the store comes back with the error, to try again.
    pub fn new(
        store: Store,
        ward: Option<&str>,
        year: Option<i16>,
        (lang, style): (Lang, NumberStyle),
    ) -> Result<Self, Box<(Store, StoreError)>> {
        let placed = Self::place(&store, ward, year).and_then(|(unit_id, unit, year)| {
            let report = store.report(unit_id, year)?;
            let form = EntryForm::load(&store, unit_id, year, (lang, style))?;
            Ok((unit_id, unit, year, report, form))
        });
        let (unit_id, unit, year, report, form) = match placed {
            Ok(placed) => placed,
            Err(error) => return Err(Box::new((store, error))),
        };
        let mut session = Self {
            store,
            unit_id,
            unit,
            year,
            wards: Vec::new(),
            parents: Vec::new(),
            years: Vec::new(),
            indicators: Vec::new(),
            aliases: Vec::new(),
            with_data: Vec::new(),
            report,
            form,
            trend: None,
            synthetic: false,
            since_unlock: None,
            revision: 0,
            backups: None,
            cell_history: HashMap::new(),
            restores: Vec::new(),
            history: None,
            handout: None,
            handout_units: Vec::new(),
        };
        match session.reload(lang) {
            Ok(()) => Ok(session),
            Err(error) => Err(Box::new((session.store, error))),
        }
    }

    /// The ward (by code, else the home ward) and year (else the newest with data) to show.
    fn place(
        store: &Store,
        ward: Option<&str>,
        year: Option<i16>,
    ) -> Result<(UnitId, AdminUnit, i16), StoreError> {
        let code = match ward {
            Some(code) => code.to_owned(),
            None => store.home_ward_code()?.ok_or(StoreError::UnknownUnit {
                code: String::new(),
                year: year.unwrap_or_else(this_year),
            })?,
        };
        // Codes are reused across mergers: the newest unit of the code, unless the year asked
        // for is another's.
        let (any_id, any) = store
            .units()?
            .into_iter()
            .filter(|(_, u)| u.code == code)
            .max_by_key(|(_, u)| (year.is_some_and(|y| u.valid_in(y)), u.valid_from))
            .ok_or_else(|| StoreError::UnknownUnit {
                code: code.clone(),
                year: year.unwrap_or_else(this_year),
            })?;
        // Its newest year with data within its own validity (a merged ward's list goes on
        // with its predecessors' years, which the code names other units in).
        let newest = store
            .years_with_data(any_id)?
            .into_iter()
            .find(|y| any.valid_in(*y));
        let year = year
            .filter(|y| any.valid_in(*y))
            .or(newest)
            .unwrap_or_else(|| {
                this_year().min(any.valid_to.map_or(i16::MAX, jiff::civil::Date::year))
            });
        let (unit_id, unit) = store.unit_for(&code, year)?;
        Ok((unit_id, unit, year))
    }

    /// Reads again everything the views show, after a change.
    pub fn reload(&mut self, lang: Lang) -> Result<(), StoreError> {
        self.revision += 1;
        let units = self.store.units()?;
        self.parents = units
            .iter()
            .filter(|(_, u)| u.is_parent() && u.reports_for(self.year))
            .cloned()
            .collect();
        self.wards = units
            .into_iter()
            .filter(|(_, u)| u.level == Level::Ward && u.valid_in(self.year))
            .collect();
        let mut years = self.store.years_with_data(self.unit_id)?;
        if !years.contains(&self.year) {
            years.push(self.year);
            years.sort_unstable_by(|a, b| b.cmp(a));
        }
        self.years = years;
        self.indicators = self.store.indicators()?;
        self.aliases = self.store.aliases()?;
        self.with_data = Vec::new();
        for (id, _) in &self.indicators {
            if self.store.indicator_has_data(*id)? {
                self.with_data.push(*id);
            }
        }
        self.synthetic = self.store.setting("synthetic")?.is_some();
        self.report = self.store.report(self.unit_id, self.year)?;
        (self.handout, self.handout_units) = if self.unit.is_parent() {
            let handout = self.store.handout_grid(&self.unit.code, self.year)?;
            let ids = self
                .store
                .wards_under(&self.unit.code, self.year)?
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            (Some(handout), ids)
        } else {
            (None, Vec::new())
        };
        self.since_unlock = None;
        if self.report.locks.is_empty()
            && let Some(last) = self
                .store
                .locks(Some(self.year), Some(self.unit_id))?
                .into_iter()
                .max_by_key(|l| l.lock.locked.at)
        {
            let changed = self
                .store
                .changed_since(self.unit_id, self.year, last.mark)?;
            self.since_unlock = Some((last.lock, changed));
        }
        self.form = EntryForm::load(
            &self.store,
            self.unit_id,
            self.year,
            (lang, self.form.style),
        )?;
        self.backups = None;
        self.cell_history = self.store.year_history(self.unit_id, self.year)?;
        self.restores = self.store.restores()?;
        if let Some(page) = self.history.take() {
            let opened: Vec<i64> = page.opened.keys().copied().collect();
            self.load_history(page.filter, lang)?;
            for set in opened {
                self.open_save(set)?;
            }
        }
        if let Some((indicator, _)) = self.trend.take() {
            self.trend = Some((indicator, self.store.trend(self.unit_id, indicator)?));
        }
        Ok(())
    }

    /// Moves to another year of the same ward (or of its successor or predecessor with the
    /// same code in that year).
    pub fn set_year(&mut self, year: i16, lang: Lang) -> Result<(), StoreError> {
        let (unit_id, unit) = self.store.unit_for(&self.unit.code, year)?;
        self.unit_id = unit_id;
        self.unit = unit;
        self.year = year;
        self.history = None;
        self.reload(lang)
    }

    /// Shows another ward in the same year.
    pub fn set_ward(&mut self, code: &str, lang: Lang) -> Result<(), StoreError> {
        let (unit_id, unit) = self.store.unit_for(code, self.year)?;
        self.unit_id = unit_id;
        self.unit = unit;
        self.trend = None;
        self.history = None;
        self.reload(lang)
    }

    /// Shows another ward in another year (a ward of the comparison, whose year may not be
    /// the one shown).
    pub fn open_ward(&mut self, code: &str, year: i16, lang: Lang) -> Result<(), StoreError> {
        let (unit_id, unit) = self.store.unit_for(code, year)?;
        self.unit_id = unit_id;
        self.unit = unit;
        self.year = year;
        self.trend = None;
        self.history = None;
        self.reload(lang)
    }

    /// Loads the trend of one indicator.
    pub fn open_trend(&mut self, indicator: IndicatorId) -> Result<(), StoreError> {
        self.trend = Some((indicator, self.store.trend(self.unit_id, indicator)?));
        Ok(())
    }

    /// Reads the history view's page under `filter`: the saves, and (unless the filter keeps
    /// one origin or one indicator) the locks, unlocks and restores among them, newest first.
    pub fn load_history(&mut self, filter: SaveFilter, lang: Lang) -> Result<(), StoreError> {
        let mut timed: Vec<(jiff::Timestamp, HistoryRow)> = self
            .store
            .saves(self.unit_id, &filter)?
            .into_iter()
            .map(|save| (save.at, HistoryRow::Save(save)))
            .collect();
        if filter.origin.is_none() && filter.indicator.is_none() {
            let when = |at: jiff::Timestamp| {
                at.to_zoned(jiff::tz::TimeZone::system())
                    .strftime("%d/%m/%Y %H:%M")
                    .to_string()
            };
            for stored in self.store.locks(filter.year, Some(self.unit_id))? {
                let lock = stored.lock;
                let part = format!("{} {}", lock.part.name(lang), lock.year);
                let event = |key: &str, e: &crate::domain::LockEvent| {
                    rust_i18n::t!(
                        key,
                        locale = lang.code(),
                        part = part,
                        when = when(e.at),
                        who = e.who,
                        reason = e.reason
                    )
                    .into_owned()
                };
                timed.push((
                    lock.locked.at,
                    HistoryRow::Event(event("app.history.locked", &lock.locked)),
                ));
                if let Some(unlocked) = &lock.unlocked {
                    timed.push((
                        unlocked.at,
                        HistoryRow::Event(event("app.history.unlocked", unlocked)),
                    ));
                }
            }
            for restore in self.store.restores()? {
                let text = rust_i18n::t!(
                    "app.history.restored",
                    locale = lang.code(),
                    source = restore.source,
                    when = when(restore.at),
                    who = restore.who
                )
                .into_owned();
                timed.push((restore.at, HistoryRow::Event(text)));
            }
        }
        timed.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        self.history = Some(HistoryPage {
            filter,
            rows: timed.into_iter().map(|(_, row)| row).collect(),
            opened: HashMap::new(),
        });
        Ok(())
    }

    /// Reads the values of one save of the history's page.
    pub fn open_save(&mut self, set: i64) -> Result<(), StoreError> {
        let changes = self.store.save_changes(self.unit_id, set)?;
        if let Some(page) = &mut self.history {
            page.opened.insert(set, changes);
        }
        Ok(())
    }

    /// The lock that holds a part of the shown year: the plans (`None`) or a stage's figures.
    pub fn lock_of(&self, stage: Option<Stage>) -> Option<&Lock> {
        self.report.locks.iter().find(|lock| match stage {
            None => lock.part.holds_plans(),
            Some(stage) => lock.part.holds_stage(stage),
        })
    }

    /// The lock on the whole shown year, if any.
    pub fn whole_year_lock(&self) -> Option<&Lock> {
        self.report.locks.iter().find(|l| l.part == LockPart::All)
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: IndicatorId) -> Option<&Indicator> {
        self.indicators
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, indicator)| indicator)
    }

    /// An indicator's aliases, as written.
    pub fn aliases_of(&self, id: IndicatorId) -> impl Iterator<Item = &str> {
        self.aliases
            .iter()
            .filter(move |(_, of)| *of == id)
            .map(|(alias, _)| alias.as_str())
    }

    /// The id of the indicator with this code.
    pub fn indicator_id(&self, code: &str) -> Option<IndicatorId> {
        self.indicators
            .iter()
            .find(|(_, i)| i.code == code)
            .map(|(id, _)| *id)
    }
}

/// A database open before its home ward is chosen (a new one): the wards it holds, for the
/// settings view to offer. No other view shows until one is chosen.
pub struct WardChoice {
    pub store: Store,
    /// The database's wards, one line a code (the newest period of a ward merged or renamed).
    pub wards: Vec<AdminUnit>,
}

impl WardChoice {
    /// Reads the wards a store offers.
    pub fn new(store: Store) -> Result<Self, StoreError> {
        let mut wards: Vec<AdminUnit> = Vec::new();
        for (_, unit) in store.units()? {
            if unit.level != Level::Ward {
                continue;
            }
            match wards.iter_mut().find(|w| w.code == unit.code) {
                Some(known) if known.valid_from < unit.valid_from => *known = unit,
                Some(_) => {}
                None => wards.push(unit),
            }
        }
        Ok(Self { store, wards })
    }
}

/// The current calendar year.
pub fn this_year() -> i16 {
    jiff::Zoned::now().year()
}
