//! The rules of the module doc applied to edits, one row at a time, against what each ward-year
//! stores (read once per ward-year, however many rows name it).

use std::collections::HashMap;
use std::rc::Rc;

use rust_decimal::Decimal;

use super::ids::{IdMap, IdSet};
use super::{
    Change, Flag, Given, OutOfBounds, Planned, Reason, Refusal, RowEdit, Slot, SlotEdit, Value,
    Write,
};
use crate::domain::rules::{self, Rules};
use crate::domain::{Figure, Indicator, Kind, Lock, Plan, PlanSource, PlanTarget, Stage};
use crate::store::{FigureWrite, IndicatorId, PlanWrite, Store, StoreError, UnitId};

/// Checks every edit and plans its writes, writing nothing.
pub fn plan<W: Clone>(
    store: &Store,
    edits: impl IntoIterator<Item = RowEdit<W>>,
) -> Result<Planned<W>, StoreError> {
    let mut planner = Planner::new(store)?;
    let mut refusals = Vec::new();
    for edit in edits {
        refusals.extend(planner.row(edit)?);
    }
    let mut planned = planner.finish();
    planned.refusals = refusals;
    Ok(planned)
}

/// Plans edits row by row, for faces that read many rows (an import) and report refusals in
/// their own order.
pub struct Planner<'s, W> {
    store: &'s Store,
    /// Whether each indicator is archived, and its code, by id (row ids are small and dense:
    /// a lookup every row costs an index, not a hash).
    indicators: Vec<Option<(bool, String)>>,
    /// Each indicator's plausibility rules, by id like `indicators`.
    checks: Vec<Option<Checks>>,
    stored: IdMap<(UnitId, i16), Rc<Stored>>,
    seen: IdSet<(UnitId, i16, IndicatorId, Slot)>,
    planned: Planned<W>,
    /// The resolved slots of the row being planned, kept between rows for its capacity.
    buffer: Vec<Resolved<W>>,
}

/// A ward-year as stored before the edits.
struct Stored {
    plans: HashMap<IndicatorId, Vec<Plan>>,
    figures: HashMap<IndicatorId, Vec<Figure>>,
    default_source: PlanSource,
    /// The value each indicator reported the year before (its latest stage), which the soft
    /// rules compare with.
    last: HashMap<IndicatorId, Decimal>,
    /// The locks that hold the ward-year.
    locks: Vec<Lock>,
}

/// What the rules need of an indicator: its kind and rules, and (for a refusal) its names.
struct Checks {
    kind: Kind,
    rules: Rules,
    indicator: Indicator,
}

impl Stored {
    /// The lock that holds `slot`, if any.
    fn lock_of(&self, slot: Slot) -> Option<&Lock> {
        self.locks.iter().find(|lock| match slot {
            Slot::Plan(_) => lock.part.holds_plans(),
            Slot::Figure(stage) => lock.part.holds_stage(stage),
        })
    }
}

/// An indicator's stored values in one ward-year.
struct Values<'a> {
    plans: &'a [Plan],
    figures: &'a [Figure],
}

impl<'s, W: Clone> Planner<'s, W> {
    /// A planner over the store as it is now.
    pub fn new(store: &'s Store) -> Result<Self, StoreError> {
        let mut indicators = Vec::new();
        let mut checks: Vec<Option<Checks>> = Vec::new();
        for (id, indicator) in store.indicators()? {
            let Ok(index) = usize::try_from(id.0) else {
                continue;
            };
            if indicators.len() <= index {
                indicators.resize(index + 1, None);
            }
            if checks.len() <= index {
                checks.resize_with(index + 1, || None);
            }
            checks[index] = Some(Checks {
                kind: indicator.kind,
                rules: indicator.rules,
                indicator: indicator.clone(),
            });
            indicators[index] = Some((indicator.archived, indicator.code));
        }
        Ok(Self {
            store,
            indicators,
            checks,
            stored: IdMap::default(),
            seen: IdSet::default(),
            planned: Planned::default(),
            buffer: Vec::new(),
        })
    }

    /// Plans one row's writes and returns what of it is refused (nothing of a refused slot is
    /// written; the rest of the row is).
    pub fn row(&mut self, edit: RowEdit<W>) -> Result<Vec<Refusal<W>>, StoreError> {
        let mut refusals = Vec::new();
        let known = usize::try_from(edit.indicator.0)
            .ok()
            .and_then(|i| self.indicators.get(i))
            .and_then(Option::as_ref);
        match known {
            None => {
                refusals.push(Refusal {
                    at: edit.at,
                    reason: Reason::UnknownIndicator,
                });
                return Ok(refusals);
            }
            Some((true, code)) => {
                refusals.push(Refusal {
                    at: edit.at,
                    reason: Reason::Archived {
                        indicator: code.clone(),
                    },
                });
                return Ok(refusals);
            }
            Some((false, _)) => {}
        }
        let stored = self.stored(edit.unit, edit.year)?;
        let values = Values {
            plans: stored.plans.get(&edit.indicator).map_or(&[], Vec::as_slice),
            figures: stored
                .figures
                .get(&edit.indicator)
                .map_or(&[], Vec::as_slice),
        };
        let key = |slot| (edit.unit, edit.year, edit.indicator, slot);

        // Each slot resolved, once per save.
        let mut slots = std::mem::take(&mut self.buffer);
        slots.clear();
        for SlotEdit { at, write, note } in edit.slots {
            let resolved = match write {
                Write::Plan {
                    source,
                    target,
                    derived,
                } => Resolved::Plan {
                    at,
                    source: source.unwrap_or_else(|| {
                        crate::domain::plan::preferred(values.plans)
                            .map_or(stored.default_source, |p| p.source)
                    }),
                    target,
                    derived,
                    note,
                },
                Write::Figure { stage, value } => Resolved::Figure {
                    at,
                    stage,
                    value,
                    note,
                },
            };
            if let Some(reason) = self.out_of_bounds(edit.indicator, &resolved) {
                refusals.push(Refusal {
                    at: resolved.into_at(),
                    reason,
                });
                continue;
            }
            if self.seen.insert(key(resolved.slot())) {
                slots.push(resolved);
            } else {
                refusals.push(Refusal {
                    at: resolved.into_at(),
                    reason: Reason::Duplicate,
                });
            }
        }

        // The row's note goes to the value the report will show.
        let mut row_note = None;
        if let Some((at, note)) = edit.note {
            match note_slot(&slots, &values) {
                Some(slot) => {
                    if !slots.iter().any(|r| r.slot() == slot) {
                        // A note alone: its slot keeps its value, and stays open to a value
                        // given on a later row.
                        slots.push(match slot {
                            Slot::Plan(source) => Resolved::Plan {
                                at: at.clone(),
                                source,
                                target: Given::Keep,
                                derived: None,
                                note: None,
                            },
                            Slot::Figure(stage) => Resolved::Figure {
                                at: at.clone(),
                                stage,
                                value: Given::Keep,
                                note: None,
                            },
                        });
                    }
                    row_note = Some((slot, note));
                }
                None if note.trim().is_empty() => {}
                None => refusals.push(Refusal {
                    at,
                    reason: Reason::NoteWithoutValue,
                }),
            }
        }

        let target = (edit.unit, edit.year, edit.indicator);
        let first_change = self.planned.changes.len();
        for resolved in slots.drain(..) {
            let slot = resolved.slot();
            let row_note = || {
                row_note
                    .as_ref()
                    .filter(|(s, _)| *s == slot)
                    .map(|(_, n)| n.clone())
            };
            match resolved {
                Resolved::Plan {
                    at,
                    source,
                    target: given,
                    derived,
                    note,
                } => {
                    let old = values.plans.iter().find(|p| p.source == source);
                    let note = note.or_else(row_note);
                    let lock = stored.lock_of(slot);
                    refusals.extend(self.plan(at, target, source, old, given, derived, note, lock));
                }
                Resolved::Figure {
                    at,
                    stage,
                    value,
                    note,
                } => {
                    let old = values.figures.iter().find(|f| f.stage == stage);
                    let note = note.or_else(row_note);
                    let lock = stored.lock_of(slot);
                    refusals.extend(self.figure(at, target, stage, old, value, note, lock));
                }
            }
        }
        self.buffer = slots;
        let last = stored.last.get(&edit.indicator).copied();
        self.flag(first_change, edit.indicator, &values, last);
        Ok(refusals)
    }

    /// The values flagged so far, taken out (a face that names each flag as it goes, like the
    /// changes).
    pub fn take_flags(&mut self) -> std::vec::Drain<'_, Flag<W>> {
        self.planned.flags.drain(..)
    }

    /// Why a slot's value is refused by its indicator's hard bounds, if it is.
    fn out_of_bounds(&self, indicator: IndicatorId, resolved: &Resolved<W>) -> Option<Reason> {
        let checks = self.checks(indicator)?;
        let (value, bound, plan) = match resolved {
            Resolved::Figure {
                value: Given::Set { value, .. },
                ..
            } => (*value, checks.rules.bound(*value)?, false),
            Resolved::Plan {
                target: Given::Set { value, .. },
                ..
            } => {
                let bound = checks.rules.plan_bound(*value)?;
                let broken = match bound {
                    rules::Bound::Min(_) => value.low(),
                    rules::Bound::Max(_) => value.high(),
                };
                (broken, bound, true)
            }
            _ => return None,
        };
        let indicator = &checks.indicator;
        Some(Reason::OutOfBounds(Box::new(OutOfBounds {
            indicator: indicator.code.clone(),
            name_vi: indicator.name_vi.clone(),
            name_en: indicator.name_en.clone(),
            unit: indicator.unit.clone(),
            value,
            bound,
            plan,
        })))
    }

    fn checks(&self, indicator: IndicatorId) -> Option<&Checks> {
        usize::try_from(indicator.0)
            .ok()
            .and_then(|i| self.checks.get(i))
            .and_then(Option::as_ref)
    }

    /// Flags the values of the row's changes (from `first`) that its indicator's soft rules
    /// doubt, against the row's values once its edits are made and `last` year's value.
    fn flag(
        &mut self,
        first: usize,
        indicator: IndicatorId,
        values: &Values<'_>,
        last: Option<Decimal>,
    ) {
        let Some(&Checks { kind, rules, .. }) = self.checks(indicator) else {
            return;
        };
        let changes = &self.planned.changes[first..];
        if changes.is_empty() {
            return;
        }
        let figure = |stage: Stage| match changes.iter().find(|c| c.slot == Slot::Figure(stage)) {
            Some(change) => match change.new {
                Some(Value::Figure(value)) => Some(value),
                _ => None,
            },
            None => values
                .figures
                .iter()
                .find(|f| f.stage == stage)
                .map(|f| f.value),
        };
        let plan = changes
            .iter()
            .find_map(|c| match (&c.slot, &c.new) {
                (Slot::Plan(_), Some(Value::Plan(target))) => Some(*target),
                _ => None,
            })
            .or_else(|| crate::domain::plan::preferred(values.plans).map(|p| p.target))
            .and_then(|target| rules::plan_number(target, last));
        let reported = Stage::ALL.into_iter().rev().find_map(figure);
        let actual_changed = changes
            .iter()
            .any(|c| c.slot == Slot::Figure(Stage::Actual));
        let figure_changed = changes
            .iter()
            .any(|c| matches!(c.slot, Slot::Figure(_)) && c.new.is_some() && c.new != c.old);
        let mut flags = Vec::new();
        for change in changes {
            // A note alone, or a value removed, is not doubted.
            if change.new.is_none() || change.new == change.old {
                continue;
            }
            let mut doubts = Vec::new();
            let value = match (change.slot, &change.new) {
                (Slot::Figure(stage), Some(Value::Figure(value))) => {
                    let value = *value;
                    doubts.extend(last.and_then(|last| rules.check_change(kind, value, last)));
                    // A stored value replaced by one far from it, when last year says nothing.
                    if doubts.is_empty()
                        && let Some(Value::Figure(old)) = change.old
                    {
                        doubts.extend(rules.check_correction(kind, value, old));
                    }
                    doubts.extend(plan.and_then(|plan| rules.check_plan(value, plan)));
                    // The estimate and the actual compared once, at the actual when it changed.
                    let compares =
                        stage == Stage::Actual || (stage == Stage::Estimate && !actual_changed);
                    if compares
                        && let (Some(estimate), Some(actual)) =
                            (figure(Stage::Estimate), figure(Stage::Actual))
                    {
                        doubts.extend(rules.check_stages(estimate, actual));
                    }
                    value
                }
                (Slot::Plan(_), Some(Value::Plan(target))) => {
                    let Some(number) = rules::plan_number(*target, last) else {
                        continue;
                    };
                    // Asked at the value instead when the row gives one too.
                    if let Some(reported) = reported
                        && !figure_changed
                    {
                        doubts.extend(rules.check_plan_typed(reported, number));
                    }
                    number
                }
                _ => continue,
            };
            flags.extend(doubts.into_iter().map(|doubt| Flag {
                at: change.at.clone(),
                unit: change.unit,
                year: change.year,
                indicator: change.indicator,
                slot: change.slot,
                value,
                doubt,
            }));
        }
        self.planned.flags.append(&mut flags);
    }

    /// The changes of the rows planned since the last call, taken out (a face that shows each
    /// change with its own names takes them row by row, not all at the end).
    pub fn take_changes(&mut self) -> std::vec::Drain<'_, Change<W>> {
        self.planned.changes.drain(..)
    }

    /// The writes and changes planned so far (refusals are the caller's).
    pub fn finish(self) -> Planned<W> {
        self.planned
    }

    /// Plans a plan's write; a change a lock holds is refused instead.
    #[allow(clippy::too_many_arguments)]
    fn plan(
        &mut self,
        at: W,
        (unit, year, indicator): (UnitId, i16, IndicatorId),
        source: PlanSource,
        old: Option<&Plan>,
        given: Given<PlanTarget>,
        derived: Option<bool>,
        note: Option<String>,
        lock: Option<&Lock>,
    ) -> Option<Refusal<W>> {
        let new = match given {
            // The form the text words, as the store will read it back.
            Given::Set { value, text } => Some((value.with_wording(&text), text)),
            Given::Keep => old.map(|p| (p.target, p.text.clone())),
            Given::Clear => None,
        };
        let new_target = new.as_ref().map(|(t, _)| *t);
        let same_target = old.map(|p| p.target) == new_target;
        let derived = derived.unwrap_or_else(|| same_target && old.is_some_and(|p| p.derived));
        let note = note.unwrap_or_else(|| old.map(|p| p.note.clone()).unwrap_or_default());
        let same = match old {
            Some(p) => same_target && p.note == note && p.derived == derived,
            None => new.is_none(),
        };
        if same {
            self.planned.unchanged += 1;
            return None;
        }
        if let Some(lock) = lock {
            return Some(locked(at, lock));
        }
        let (target, text) = new.unzip();
        let text = text.unwrap_or_default();
        self.planned.batch.plans.push(PlanWrite {
            unit,
            indicator,
            year,
            source,
            target,
            text,
            derived,
            note,
        });
        self.planned.changes.push(Change {
            at,
            unit,
            year,
            indicator,
            slot: Slot::Plan(source),
            old: old.map(|p| Value::Plan(p.target)),
            new: target.map(Value::Plan),
        });
        None
    }

    /// Plans a figure's write; a change a lock holds is refused instead.
    #[allow(clippy::too_many_arguments)]
    fn figure(
        &mut self,
        at: W,
        (unit, year, indicator): (UnitId, i16, IndicatorId),
        stage: Stage,
        old: Option<&Figure>,
        given: Given<rust_decimal::Decimal>,
        note: Option<String>,
        lock: Option<&Lock>,
    ) -> Option<Refusal<W>> {
        let new = match given {
            Given::Set { value, text } => Some((value, text)),
            Given::Keep => old.map(|f| (f.value, f.text.clone())),
            Given::Clear => None,
        };
        let note = note.unwrap_or_else(|| old.map(|f| f.note.clone()).unwrap_or_default());
        let same = match old {
            Some(f) => new.as_ref().is_some_and(|(v, _)| *v == f.value) && f.note == note,
            None => new.is_none(),
        };
        if same {
            self.planned.unchanged += 1;
            return None;
        }
        if let Some(lock) = lock {
            return Some(locked(at, lock));
        }
        let value = new.as_ref().map(|(v, _)| *v);
        self.planned.batch.figures.push(FigureWrite {
            unit,
            indicator,
            year,
            stage,
            value: new,
            note,
        });
        self.planned.changes.push(Change {
            at,
            unit,
            year,
            indicator,
            slot: Slot::Figure(stage),
            old: old.map(|f| Value::Figure(f.value)),
            new: value.map(Value::Figure),
        });
        None
    }

    /// What a ward-year stores, read on first use.
    fn stored(&mut self, unit: UnitId, year: i16) -> Result<Rc<Stored>, StoreError> {
        if let Some(stored) = self.stored.get(&(unit, year)) {
            return Ok(Rc::clone(stored));
        }
        let admin_unit = self.store.unit(unit)?;
        let stored = Rc::new(Stored {
            plans: self.store.plans_of(unit, year)?,
            figures: self.store.figures_of(unit, year)?,
            default_source: self.store.default_plan_source(&admin_unit, year)?,
            last: self
                .store
                .figures_of(unit, year - 1)?
                .into_iter()
                .filter_map(|(id, figures)| {
                    crate::domain::figure::current(&figures).map(|f| (id, f.value))
                })
                .collect(),
            locks: self
                .store
                .locks_holding(unit, year)?
                .into_iter()
                .map(|l| l.lock)
                .collect(),
        });
        self.stored.insert((unit, year), Rc::clone(&stored));
        Ok(stored)
    }
}

/// The refusal of a change a lock holds.
fn locked<W>(at: W, lock: &Lock) -> Refusal<W> {
    Refusal {
        at,
        reason: Reason::Locked(Box::new(lock.clone())),
    }
}

/// A slot edit with its slot resolved.
enum Resolved<W> {
    Plan {
        at: W,
        source: PlanSource,
        target: Given<PlanTarget>,
        derived: Option<bool>,
        note: Option<String>,
    },
    Figure {
        at: W,
        stage: Stage,
        value: Given<rust_decimal::Decimal>,
        note: Option<String>,
    },
}

impl<W> Resolved<W> {
    fn slot(&self) -> Slot {
        match self {
            Self::Plan { source, .. } => Slot::Plan(*source),
            Self::Figure { stage, .. } => Slot::Figure(*stage),
        }
    }

    fn into_at(self) -> W {
        match self {
            Self::Plan { at, .. } | Self::Figure { at, .. } => at,
        }
    }

    /// Whether the slot holds a value once the edit is made (`stored`: whether it does now).
    fn present(&self, stored: bool) -> bool {
        match self {
            Self::Plan { target: given, .. } => present(given, stored),
            Self::Figure { value: given, .. } => present(given, stored),
        }
    }
}

/// Whether a slot holds a value once `given` is applied to it.
fn present<T>(given: &Given<T>, stored: bool) -> bool {
    match given {
        Given::Keep => stored,
        Given::Clear => false,
        Given::Set { .. } => true,
    }
}

/// The slot a row's note belongs to: the latest stage present once the row's edits are made,
/// else the plan the row edits or the stored plan the report uses.
fn note_slot<W>(slots: &[Resolved<W>], values: &Values<'_>) -> Option<Slot> {
    let edited = |slot: Slot| slots.iter().find(|r| r.slot() == slot);
    let figure = Stage::ALL.into_iter().rev().find(|stage| {
        let stored = values.figures.iter().any(|f| f.stage == *stage);
        edited(Slot::Figure(*stage)).map_or(stored, |r| r.present(stored))
    });
    if let Some(stage) = figure {
        return Some(Slot::Figure(stage));
    }
    let edited_plan = slots.iter().find(|r| matches!(r, Resolved::Plan { .. }));
    match edited_plan {
        Some(plan) => {
            let slot = plan.slot();
            let stored = values.plans.iter().any(|p| Slot::Plan(p.source) == slot);
            plan.present(stored).then_some(slot)
        }
        None => crate::domain::plan::preferred(values.plans).map(|p| Slot::Plan(p.source)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use rust_decimal::Decimal;

    use super::super::{Given, Planned, Reason, RowEdit, Slot, SlotEdit, Write, plan};
    use crate::domain::{PlanSource, PlanTarget, Stage};
    use crate::store::{IndicatorId, Store, UnitId};

    fn demo() -> (tempfile::TempDir, Store, UnitId) {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::demo::create_demo(&dir.path().join("e.db")).unwrap();
        let (unit, _) = store.unit_for("03142", 2021).unwrap();
        (dir, store, unit)
    }

    fn edit(
        store: &Store,
        unit: UnitId,
        code: &str,
        slots: Vec<Write>,
        note: Option<&str>,
    ) -> RowEdit<&'static str> {
        let (indicator, _) = store.indicator(code).unwrap();
        RowEdit {
            at: "row",
            unit,
            year: 2021,
            indicator,
            slots: slots
                .into_iter()
                .map(|write| SlotEdit {
                    at: "value",
                    write,
                    note: None,
                })
                .collect(),
            note: note.map(|n| ("note", n.to_owned())),
        }
    }

    fn figure(stage: Stage, value: i64, text: &str) -> Write {
        Write::Figure {
            stage,
            value: Given::Set {
                value: Decimal::from(value),
                text: text.into(),
            },
        }
    }

    fn plan_of(value: Decimal, derived: Option<bool>) -> Write {
        Write::Plan {
            source: None,
            target: Given::Set {
                value: PlanTarget::Value(value),
                text: value.to_string(),
            },
            derived,
        }
    }

    fn run(store: &Store, edits: Vec<RowEdit<&'static str>>) -> Planned<&'static str> {
        plan(store, edits).unwrap()
    }

    #[test]
    fn a_note_alone_goes_to_the_value_the_report_shows() {
        let (_dir, store, unit) = demo();
        let note_only = edit(&store, unit, "budget_revenue", vec![], Some("ước tháng 12"));
        let planned = run(&store, vec![note_only]);
        assert!(planned.refusals.is_empty());
        assert!(planned.batch.plans.is_empty());
        let write = &planned.batch.figures[0];
        assert_eq!(write.stage, Stage::Estimate);
        assert_eq!(write.note, "ước tháng 12");
        assert_eq!(
            write
                .value
                .as_ref()
                .map(|(v, t)| (v.to_string(), t.as_str())),
            Some(("17416889536".to_owned(), "17.416,889,536"))
        );
        // A final figure typed with the note: the note goes to the final, the estimate keeps its
        // own.
        let with_final = edit(
            &store,
            unit,
            "budget_revenue",
            vec![figure(Stage::Final, 17_500_000_000, "17,5 tỷ")],
            Some("quyết toán"),
        );
        let planned = run(&store, vec![with_final]);
        assert_eq!(planned.batch.figures.len(), 1);
        assert_eq!(planned.batch.figures[0].stage, Stage::Final);
        assert_eq!(planned.batch.figures[0].note, "quyết toán");
    }

    #[test]
    fn a_note_with_nothing_to_belong_to_and_a_second_value_are_refused() {
        let (_dir, store, unit) = demo();
        let lonely = edit(&store, unit, "sown_area", vec![], Some("chưa có số"));
        let twice = edit(
            &store,
            unit,
            "crop_output",
            vec![
                figure(Stage::Final, 2810, "2.810"),
                figure(Stage::Final, 2811, "2.811"),
            ],
            None,
        );
        let planned = run(&store, vec![lonely, twice]);
        let reasons: Vec<_> = planned.refusals.iter().map(|r| (r.at, &r.reason)).collect();
        assert_eq!(
            reasons,
            [
                ("note", &Reason::NoteWithoutValue),
                ("value", &Reason::Duplicate)
            ]
        );
        assert!(planned.into_batch().is_err());
    }

    #[test]
    fn the_derived_flag_stays_while_the_target_does() {
        let (_dir, store, unit) = demo();
        let stored = Decimal::new(16_909_601_491, 0);
        let same = edit(
            &store,
            unit,
            "budget_revenue",
            vec![plan_of(stored, None)],
            None,
        );
        let planned = run(&store, vec![same]);
        assert!(planned.batch.plans.is_empty(), "{:?}", planned.batch);
        assert_eq!(planned.unchanged, 1);
        let revised = edit(
            &store,
            unit,
            "budget_revenue",
            vec![plan_of(Decimal::new(17_000_000_000, 0), None)],
            None,
        );
        let planned = run(&store, vec![revised]);
        let write = &planned.batch.plans[0];
        assert!(!write.derived);
        // The source of the stored plan the report uses ("KH được giao" in the article).
        assert_eq!(write.source, PlanSource::Assigned);
        // The plan keeps its own note ("Suy ra …") when no note is given.
        assert!(write.note.contains("Suy ra"), "{}", write.note);
        assert_eq!(planned.changes[0].slot, Slot::Plan(PlanSource::Assigned));
    }

    #[test]
    fn the_text_as_typed_alone_is_no_change_and_an_archived_indicator_takes_nothing() {
        let (_dir, store, unit) = demo();
        let retyped = edit(
            &store,
            unit,
            "construction_works",
            vec![figure(Stage::Actual, 8, "8 công trình")],
            None,
        );
        let planned = run(&store, vec![retyped]);
        assert!(planned.changes.is_empty());
        assert_eq!(planned.unchanged, 1);

        let (_, mut indicator) = store.indicator("sown_area").unwrap();
        indicator.archived = true;
        store.update_indicator(&indicator).unwrap();
        let archived = edit(
            &store,
            unit,
            "sown_area",
            vec![figure(Stage::Actual, 120, "120")],
            None,
        );
        let planned = run(&store, vec![archived]);
        assert!(planned.batch.figures.is_empty());
        assert_eq!(
            planned.refusals[0].reason,
            Reason::Archived {
                indicator: "sown_area".into()
            }
        );
        let unknown = RowEdit {
            indicator: IndicatorId(999_999),
            ..edit(&store, unit, "crop_output", vec![], None)
        };
        let planned = run(&store, vec![unknown]);
        assert_eq!(planned.refusals[0].reason, Reason::UnknownIndicator);
    }

    #[test]
    fn a_value_beyond_its_bound_is_refused_and_the_rest_of_the_row_planned() {
        let (_dir, store, unit) = demo();
        let share = edit(
            &store,
            unit,
            "trained_labour_share",
            vec![
                Write::Figure {
                    stage: Stage::Actual,
                    value: Given::Set {
                        value: Decimal::new(7337, 1),
                        text: "733,7".into(),
                    },
                },
                plan_of(Decimal::from(75), None),
            ],
            None,
        );
        let planned = run(&store, vec![share]);
        assert_eq!(planned.refusals.len(), 1);
        let Reason::OutOfBounds(out) = &planned.refusals[0].reason else {
            panic!("{:?}", planned.refusals)
        };
        assert_eq!(out.indicator, "trained_labour_share");
        assert_eq!(
            out.bound,
            crate::domain::rules::Bound::Max(Decimal::ONE_HUNDRED)
        );
        assert_eq!(planned.batch.plans.len(), 1);
        assert!(planned.batch.figures.is_empty());
        let band = edit(
            &store,
            unit,
            "poverty_rate",
            vec![Write::Plan {
                source: None,
                target: Given::Set {
                    value: PlanTarget::range(Decimal::from(95), Decimal::from(105)),
                    text: "95 - 105".into(),
                },
                derived: None,
            }],
            None,
        );
        let planned = run(&store, vec![band]);
        assert!(matches!(
            &planned.refusals[0].reason,
            Reason::OutOfBounds(out) if out.plan && out.value == Decimal::from(105)
        ));
    }

    #[test]
    fn each_soft_rule_flags_the_value_it_doubts_and_writes_it() {
        use crate::domain::rules::Doubt;
        let (_dir, store, unit) = demo();
        // Ten times the plan, an actual a tenth of the estimate, and an ordinary value.
        let crop = edit(
            &store,
            unit,
            "crop_output",
            vec![figure(Stage::Final, 28_098, "28.098")],
            None,
        );
        let budget = edit(
            &store,
            unit,
            "budget_revenue",
            vec![figure(Stage::Actual, 1_741_688_953, "1.741.688.953")],
            None,
        );
        let cells = edit(
            &store,
            unit,
            "party_cells",
            vec![figure(Stage::Final, 19, "19")],
            None,
        );
        let planned = run(&store, vec![crop, budget, cells]);
        assert!(planned.refusals.is_empty());
        assert_eq!(
            planned.batch.figures.len(),
            3,
            "flags do not stop the batch"
        );
        let doubts: Vec<_> = planned.flags.iter().map(|f| f.doubt.code()).collect();
        assert_eq!(doubts, ["plan", "stages"]);
        assert!(matches!(
            planned.flags[0].doubt,
            Doubt::AbovePlan { plan, .. } if plan == Decimal::new(24_518, 1)
        ));
        // The next year: crop output against 2021's 2.809,8.
        let (next, _) = store.unit_for("03142", 2022).unwrap();
        let slip = RowEdit {
            year: 2022,
            ..edit(
                &store,
                next,
                "crop_output",
                vec![Write::Figure {
                    stage: Stage::Actual,
                    value: Given::Set {
                        value: Decimal::new(2809, 3),
                        text: "2,809".into(),
                    },
                }],
                None,
            )
        };
        let planned = run(&store, vec![slip]);
        assert_eq!(planned.flags.len(), 1);
        assert!(matches!(
            planned.flags[0].doubt,
            Doubt::Change { last, points: false, .. } if last == Decimal::new(28_098, 1)
        ));
        assert_eq!(planned.flags[0].slot, Slot::Figure(Stage::Actual));
        // A plan typed ten times too small is asked about at the plan.
        let small = edit(
            &store,
            unit,
            "crop_output",
            vec![plan_of(Decimal::new(2452, 1), None)],
            None,
        );
        let planned = run(&store, vec![small]);
        assert!(matches!(
            planned.flags[..],
            [crate::edit::Flag {
                slot: Slot::Plan(_),
                doubt: Doubt::BelowValue { .. },
                ..
            }]
        ));
    }
}
