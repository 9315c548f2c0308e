//! The change log: who changed a plan or a figure, when, from where, and from what to what.
//!
//! The log is stored as versions (see the schema): every value a slot ever held is either a
//! `change_log` row (a past version: written by its `old_set_id`, replaced or removed by its
//! `set_id`) or the current `plan`/`figure` row (written by its `set_id`). The transitions are
//! rebuilt from them: each version's writing is a change from the version it replaced (or from
//! nothing), and a version replaced by a save that wrote no new one was removed by it.

use std::collections::HashMap;

use rusqlite::params;

use super::save::logged_target;
use super::schema::{source_from_number, source_number, stage_from_number, stage_number};
use super::{IndicatorId, Result, Store, UnitId};
use std::str::FromStr as _;

use rust_decimal::Decimal;

use crate::domain::number::{self, NumberStyle};
use crate::domain::{PlanSource, Stage, plan};

/// One logged change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeEntry {
    /// The save (`change_set`) that made it.
    pub set: i64,
    /// RFC 3339 timestamp, UTC.
    pub at: String,
    pub who: String,
    /// `window`, `cli`, `import`, `demo`, `synthetic`.
    pub origin: String,
    /// An import's file name; empty otherwise.
    pub detail: String,
    /// `plan:<source>` or `figure:<stage>`.
    pub slot: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub old_text: Option<String>,
    pub new_text: Option<String>,
    pub old_note: Option<String>,
    pub new_note: Option<String>,
}

impl ChangeEntry {
    /// The value before, in `style` ("2.809,8", a band "6,6–6,8", "–" for none).
    pub fn old_shown(&self, style: NumberStyle) -> String {
        shown(self.old_value.as_deref(), self.old_text.as_deref(), style)
    }

    /// The value after, in `style`.
    pub fn new_shown(&self, style: NumberStyle) -> String {
        shown(self.new_value.as_deref(), self.new_text.as_deref(), style)
    }

    /// The slot in words: "Thực hiện", "Kế hoạch được giao".
    pub fn slot_name(&self, lang: crate::domain::Lang) -> String {
        let (kind, which) = self.slot.split_once(':').unwrap_or((&self.slot, ""));
        rust_i18n::t!(format!("cli.slot.{kind}.{which}"), locale = lang.code()).into_owned()
    }

    /// Where it came from in words: "cửa sổ", "dòng lệnh", "nhập từ bieu-2023.xlsx".
    pub fn origin_name(&self, lang: crate::domain::Lang) -> String {
        origin_name(&self.origin, &self.detail, lang)
    }
}

/// A save's origin in words, with an import's file: "nhập từ bieu-2023.xlsx".
pub fn origin_name(origin: &str, detail: &str, lang: crate::domain::Lang) -> String {
    if origin == "import" && !detail.is_empty() {
        return rust_i18n::t!("history.imported_from", locale = lang.code(), file = detail)
            .into_owned();
    }
    rust_i18n::t!(format!("cli.origin.{origin}"), locale = lang.code()).into_owned()
}

/// A logged value in the output number style ("2.809,8", a band "6,6–6,8", "–" for none); a
/// plan in words as it was typed ("Dưới 3%"), its number alone saying less.
fn shown(value: Option<&str>, text: Option<&str>, style: NumberStyle) -> String {
    let Some(value) = value else {
        return "–".to_owned();
    };
    if let Some(text) = text.filter(|t| plan::is_worded(t)) {
        return text.to_owned();
    }
    value
        .split('–')
        .map(|part| {
            Decimal::from_str(part)
                .map_or_else(|_| part.to_owned(), |d| number::format_exact(d, style))
        })
        .collect::<Vec<_>>()
        .join("–")
}

/// One value a slot held: from the save that wrote it to the one that replaced it, if any.
struct Version {
    slot: String,
    value: String,
    text: String,
    note: String,
    written: i64,
    replaced: Option<i64>,
}

/// Where a slot sorts among the changes of one save: plans, then figures, as a save writes them.
fn slot_rank(slot: &str) -> i64 {
    let named = |prefix: &str| slot.strip_prefix(prefix);
    if let Some(code) = named("plan:")
        && let Some(source) = PlanSource::from_code(code)
    {
        source_number(source)
    } else if let Some(code) = named("figure:")
        && let Some(stage) = Stage::from_code(code)
    {
        100 + stage_number(stage)
    } else {
        1000
    }
}

/// A transition: the save that made it, the version it replaced and the one it wrote.
struct Transition<'v> {
    set: i64,
    old: Option<&'v Version>,
    new: Option<&'v Version>,
}

impl Store {
    /// The changes to one ward's value of one indicator in one year, oldest first.
    pub fn history(
        &self,
        unit: UnitId,
        indicator: IndicatorId,
        year: i16,
    ) -> Result<Vec<ChangeEntry>> {
        let mut versions = self.versions(unit, indicator, year)?;
        versions.sort_by(|a, b| {
            (slot_rank(&a.slot), &a.slot, a.written).cmp(&(slot_rank(&b.slot), &b.slot, b.written))
        });
        let mut transitions: Vec<Transition<'_>> = Vec::new();
        for (i, version) in versions.iter().enumerate() {
            let before = i
                .checked_sub(1)
                .and_then(|j| versions.get(j))
                .filter(|b| b.slot == version.slot);
            let after = versions.get(i + 1).filter(|a| a.slot == version.slot);
            transitions.push(Transition {
                set: version.written,
                old: before.filter(|b| b.replaced == Some(version.written)),
                new: Some(version),
            });
            if let Some(replaced) = version.replaced
                && after.is_none_or(|a| a.written != replaced)
            {
                transitions.push(Transition {
                    set: replaced,
                    old: Some(version),
                    new: None,
                });
            }
        }
        // Stable: within one save, plans before figures, as the versions were sorted.
        transitions.sort_by_key(|t| t.set);

        let mut sets: HashMap<i64, (String, String, String, String)> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT at, who, origin, {} FROM change_set WHERE id = ?1",
                self.detail_column()?
            ))
            .map_err(|e| self.sql(e))?;
        let mut entries = Vec::with_capacity(transitions.len());
        for t in transitions {
            let (at, who, origin, detail) = match sets.get(&t.set) {
                Some(set) => set.clone(),
                None => {
                    let set: (String, String, String, String) = stmt
                        .query_row([t.set], |r| {
                            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                        })
                        .map_err(|e| self.sql(e))?;
                    sets.insert(t.set, set.clone());
                    set
                }
            };
            let slot = t.new.or(t.old).map(|v| v.slot.clone()).unwrap_or_default();
            entries.push(ChangeEntry {
                set: t.set,
                at,
                who,
                origin,
                detail,
                slot,
                old_value: t.old.map(|v| v.value.clone()),
                new_value: t.new.map(|v| v.value.clone()),
                old_text: t.old.map(|v| v.text.clone()),
                new_text: t.new.map(|v| v.text.clone()),
                old_note: t.old.map(|v| v.note.clone()),
                new_note: t.new.map(|v| v.note.clone()),
            });
        }
        Ok(entries)
    }

    /// Every version of the plans and figures of one ward, indicator and year, unsorted.
    fn versions(&self, unit: UnitId, indicator: IndicatorId, year: i16) -> Result<Vec<Version>> {
        let key = params![unit.0, year, indicator.0];
        let sql = |e| self.sql(e);
        let mut versions = Vec::new();

        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT source, low, high, text, note, set_id FROM plan
                 WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3",
            )
            .map_err(sql)?;
        let mut rows = stmt.query(key).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            let source: i64 = r.get(0).map_err(sql)?;
            let source = source_from_number(source)
                .ok_or_else(|| self.bad("plan source", &source.to_string()))?;
            versions.push(Version {
                slot: format!("plan:{}", source.code()),
                value: logged_target(
                    &r.get::<_, String>(1).map_err(sql)?,
                    &r.get::<_, String>(2).map_err(sql)?,
                ),
                text: r.get(3).map_err(sql)?,
                note: r.get(4).map_err(sql)?,
                written: r.get(5).map_err(sql)?,
                replaced: None,
            });
        }

        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT stage, value, text, note, set_id FROM figure
                 WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3",
            )
            .map_err(sql)?;
        let mut rows = stmt.query(key).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            let stage: i64 = r.get(0).map_err(sql)?;
            let stage =
                stage_from_number(stage).ok_or_else(|| self.bad("stage", &stage.to_string()))?;
            versions.push(Version {
                slot: format!("figure:{}", stage.code()),
                value: r.get(1).map_err(sql)?,
                text: r.get(2).map_err(sql)?,
                note: r.get(3).map_err(sql)?,
                written: r.get(4).map_err(sql)?,
                replaced: None,
            });
        }

        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT slot, old_value, old_text, old_note, old_set_id, set_id FROM change_log
                 WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3",
            )
            .map_err(sql)?;
        let mut rows = stmt.query(key).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            versions.push(Version {
                slot: r.get(0).map_err(sql)?,
                value: r.get(1).map_err(sql)?,
                text: r.get(2).map_err(sql)?,
                note: r.get(3).map_err(sql)?,
                written: r.get(4).map_err(sql)?,
                replaced: Some(r.get(5).map_err(sql)?),
            });
        }
        Ok(versions)
    }
}
