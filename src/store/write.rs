//! What a save writes: plan and figure writes gathered in one batch, and where they came from.
//! The rules deciding what goes into a batch are [`crate::edit`]'s; the store only writes it.

use rust_decimal::Decimal;

use super::{IndicatorId, UnitId};
use crate::domain::{PlanSource, PlanTarget, Stage};

/// Where a change came from, as the change log records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Window,
    Cli,
    Import,
    Demo,
    Synthetic,
}

impl Origin {
    /// The stable code stored in the change log.
    pub fn code(self) -> &'static str {
        match self {
            Self::Window => "window",
            Self::Cli => "cli",
            Self::Import => "import",
            Self::Demo => "demo",
            Self::Synthetic => "synthetic",
        }
    }
}

/// Sets (or, with `value: None`, clears) one figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureWrite {
    pub unit: UnitId,
    pub indicator: IndicatorId,
    pub year: i16,
    pub stage: Stage,
    /// The exact value and the text as typed; `None` removes the figure.
    pub value: Option<(Decimal, String)>,
    pub note: String,
}

/// Sets (or, with `target: None`, clears) one plan. Changing a plan's target keeps the first
/// target as the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanWrite {
    pub unit: UnitId,
    pub indicator: IndicatorId,
    pub year: i16,
    pub source: PlanSource,
    pub target: Option<PlanTarget>,
    pub text: String,
    pub derived: bool,
    pub note: String,
}

/// Everything one save writes, all or nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    pub plans: Vec<PlanWrite>,
    pub figures: Vec<FigureWrite>,
    /// Names a file wrote for an indicator, learnt as its aliases in the same transaction (an
    /// import's picks); each checked beforehand, one already stored is passed over.
    pub aliases: Vec<(String, IndicatorId)>,
}

/// What a save changed (writes that repeat what is stored change nothing and are not logged).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveSummary {
    pub plans_changed: usize,
    pub figures_changed: usize,
    pub aliases_added: usize,
}
