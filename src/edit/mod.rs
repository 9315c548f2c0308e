//! One write path. The window's grid, `ward-kpi set` and imports each gather what the user typed
//! or the file said as [`RowEdit`]s; this module checks them against what is stored, by one set
//! of rules, and turns them into the store's [`Batch`]: no face applies a rule of its own, and
//! none can bypass one.
//!
//! The rules:
//! - An archived indicator takes no new values: its data is kept, nothing is added to it.
//! - A value given replaces the stored one, [`Given::Clear`] removes it, and a slot a face does
//!   not name is left as it is.
//! - A row's note belongs to the value the report shows: the latest stage present once the edit
//!   is made (quyết toán, then thực hiện, then ước đạt), else the plan; a note with no value to
//!   belong to is refused. A slot's own note (this program's files keep one per value) belongs
//!   to that slot. Where no note is given, the stored note stays.
//! - A plan's source is the one given; else that of the stored plan the report uses; else the
//!   default for the unit and the year (the city before the July 2025 merger, the province
//!   after).
//! - A plan's "derived" flag (worked out from other published numbers, not published itself) is
//!   the one given; else it is kept while the target stays as stored, and dropped when the
//!   target changes: a plan typed anew is a published one.
//! - A write that leaves the value, the note and the flag as stored is no change: the text as
//!   typed alone ("2809,8" for a stored "2.809,8", "không quá 3%" for a stored "Dưới 3%") does
//!   not make one.
//! - A plan's form is the one its text as typed words: a face that read only the number (a
//!   file's number cell "3" beside its text "Dưới 3%") writes the plan the text says, as the
//!   store reads it back.
//! - A slot is written once per save; a second value for it is refused.
//! - A change to a locked value (a lock on the ward's year, its plans or the value's stage) is
//!   refused, naming the lock; a value given as it is stored is no change and passes.
//! - A value outside its indicator's hard bounds ([`Rules`](crate::domain::Rules): 733,7% for a
//!   share, a negative count) is refused, and so is a plan whose numbers are; a value given
//!   that breaks a soft rule (a change on last year's value, the report's value of the year
//!   before, beyond the threshold; more than N times its plan; an estimate and an actual of the
//!   year too far apart) is written but flagged ([`Flag`]): the face asks before writing.

pub(crate) mod ids;
mod planner;
mod refusal;

use rust_decimal::Decimal;

use crate::domain::number;
use crate::domain::rules::Doubt;
use crate::domain::{Locale, PlanSource, PlanTarget, Stage, Unit};
use crate::store::{Batch, IndicatorId, UnitId};

pub use planner::{Planner, plan};
pub use refusal::{OutOfBounds, Reason, Refusal};

/// What an edit says of a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Given<T> {
    /// Nothing: the stored value stays (an edit of the note alone).
    Keep,
    /// Remove the stored value.
    Clear,
    /// This value, and the text it was read from.
    Set { value: T, text: String },
}

/// The slot an edit names, as the face knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Write {
    /// A plan: from `source`, or (`None`) the plan the rules pick.
    Plan {
        source: Option<PlanSource>,
        target: Given<PlanTarget>,
        /// Whether the plan was worked out rather than published; `None`: the rules decide.
        derived: Option<bool>,
    },
    /// A figure of one stage.
    Figure { stage: Stage, value: Given<Decimal> },
}

/// One value of a row, and where the face found it (`W`: a grid cell, a flag, a file's cell),
/// so that a refusal can point at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlotEdit<W> {
    pub at: W,
    pub write: Write,
    /// The slot's own note; `None`: the row's note, if it goes here, else the stored note.
    pub note: Option<String>,
}

/// Everything a face says of one indicator in one ward-year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowEdit<W> {
    /// Where the row is, for a refusal of the whole row.
    pub at: W,
    pub unit: UnitId,
    pub year: i16,
    pub indicator: IndicatorId,
    pub slots: Vec<SlotEdit<W>>,
    /// The row's note and where it was found; it goes to the value the report shows.
    pub note: Option<(W, String)>,
}

/// A slot of a ward-year, resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    Plan(PlanSource),
    Figure(Stage),
}

/// A value as a change shows it (formatted only when shown: a file may hold 100,000 rows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A plan's target (its form included: "dưới 3%" is an upper bound). The text as typed is
    /// not kept: a change may be one of 100,000, and it is shown from its form.
    Plan(PlanTarget),
    Figure(Decimal),
}

impl Value {
    /// The value as people read it: "2.809,8", "6,6 – 6,8", "dưới 3%".
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Self::Plan(target) => target.text(locale),
            Self::Figure(value) => number::format_exact(*value, locale.style),
        }
    }
}

/// One write the edits make, with the value before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change<W> {
    pub at: W,
    pub unit: UnitId,
    pub year: i16,
    pub indicator: IndicatorId,
    pub slot: Slot,
    /// The value stored now, if any.
    pub old: Option<Value>,
    /// The value after the write; `None` when it is removed.
    pub new: Option<Value>,
}

/// A value written that a soft rule doubts: the face asks before writing it (or, told to be
/// strict, refuses).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag<W> {
    pub at: W,
    pub unit: UnitId,
    pub year: i16,
    pub indicator: IndicatorId,
    pub slot: Slot,
    /// The value flagged (a plan's: the number it is measured by).
    pub value: Decimal,
    /// The rule, and the values it compared.
    pub doubt: Doubt,
}

impl<W> Flag<W> {
    /// Why the value is flagged, its numbers in the indicator's `measure` (its unit).
    pub fn message(&self, measure: &Unit, locale: Locale) -> String {
        self.doubt.message(measure, locale)
    }
}

/// What a set of edits does: the writes, each change, and what stops them.
#[derive(Debug)]
pub struct Planned<W> {
    pub batch: Batch,
    pub changes: Vec<Change<W>>,
    /// Values given that repeat what is stored.
    pub unchanged: usize,
    /// Edits refused; while there is any, nothing may be written.
    pub refusals: Vec<Refusal<W>>,
    /// Values written that a soft rule doubts: they do not stop the batch by themselves.
    pub flags: Vec<Flag<W>>,
}

impl<W> Default for Planned<W> {
    fn default() -> Self {
        Self {
            batch: Batch::default(),
            changes: Vec::new(),
            unchanged: 0,
            refusals: Vec::new(),
            flags: Vec::new(),
        }
    }
}

impl<W> Planned<W> {
    /// The writes, when nothing was refused.
    pub fn into_batch(self) -> Result<Batch, Vec<Refusal<W>>> {
        if self.refusals.is_empty() {
            Ok(self.batch)
        } else {
            Err(self.refusals)
        }
    }
}
