//! Indicators (chỉ tiêu): what a ward measures, in which category, in which unit, and which way
//! is better.

use serde::{Deserialize, Serialize};

use super::rules::{Rules, RulesError};
use super::aggregation::AggregationError;
use super::{Aggregation, Lang, Unit};

/// The six groups a ward's report is organised by, in report order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Kinh tế.
    Economy,
    /// Ngân sách.
    Budget,
    /// Xã hội.
    Social,
    /// Văn hóa.
    Culture,
    /// Quốc phòng - An ninh.
    DefenceSecurity,
    /// Xây dựng Đảng.
    PartyBuilding,
}

impl Category {
    /// Every category, in report order.
    pub const ALL: [Self; 6] = [
        Self::Economy,
        Self::Budget,
        Self::Social,
        Self::Culture,
        Self::DefenceSecurity,
        Self::PartyBuilding,
    ];

    /// The stable code stored in the database and files.
    pub fn code(self) -> &'static str {
        match self {
            Self::Economy => "economy",
            Self::Budget => "budget",
            Self::Social => "social",
            Self::Culture => "culture",
            Self::DefenceSecurity => "defence_security",
            Self::PartyBuilding => "party_building",
        }
    }

    /// The category from its stable code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The category's name as a report heads it.
    pub fn name(self, lang: Lang) -> String {
        rust_i18n::t!(format!("category.{}", self.code()), locale = lang.code()).into_owned()
    }
}

/// Which way is better for an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better (output, revenue): the usual case.
    HigherIsBetter,
    /// Less is better (poverty rate, crimes): the plan is a cap.
    LowerIsBetter,
    /// The plan is to be met exactly, not exceeded (conscription quota).
    Exact,
    /// The plan is a band ("6,6 – 6,8%"): inside is met.
    Range,
}

impl Direction {
    /// Every direction, in menu order.
    pub const ALL: [Self; 4] = [
        Self::HigherIsBetter,
        Self::LowerIsBetter,
        Self::Exact,
        Self::Range,
    ];

    /// The stable code stored in the database and files.
    pub fn code(self) -> &'static str {
        match self {
            Self::HigherIsBetter => "higher",
            Self::LowerIsBetter => "lower",
            Self::Exact => "exact",
            Self::Range => "range",
        }
    }

    /// The direction from its stable code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// How a year's figure accumulates, which decides how two years compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Summed over the year (output, revenue): compared as a ratio.
    Flow,
    /// Counted at 31/12 (party cells): compared as a ratio.
    Stock,
    /// A percentage (coverage, poverty rate): compared in percentage points.
    Rate,
}

impl Kind {
    /// Every kind, in menu order.
    pub const ALL: [Self; 3] = [Self::Flow, Self::Stock, Self::Rate];

    /// The stable code stored in the database and files.
    pub fn code(self) -> &'static str {
        match self {
            Self::Flow => "flow",
            Self::Stock => "stock",
            Self::Rate => "rate",
        }
    }

    /// The kind from its stable code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One line of the ward's catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// Stable code (`crop_output`), never shown translated, never reused.
    pub code: String,
    /// Vietnamese name, as reports print it.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    pub category: Category,
    pub unit: Unit,
    pub direction: Direction,
    pub kind: Kind,
    /// Decimals shown for this indicator's values (0 for counts).
    pub precision: u32,
    /// An archived indicator keeps its data but is no longer offered for entry.
    pub archived: bool,
    /// Position within its category.
    pub order: i64,
    /// Plausibility rules: the bounds a value may not leave, the thresholds beyond which it is
    /// asked about (absent in a file: none).
    #[serde(default)]
    pub rules: Rules,
    /// How the indicator adds up from wards to the unit above them (absent in a file: the
    /// default of its kind, see [`Aggregation::default_for`]).
    #[serde(default)]
    pub aggregation: Aggregation,
}

impl Indicator {
    /// The name in the given language; an English name left empty falls back to Vietnamese.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.name_en.trim().is_empty() => &self.name_en,
            _ => &self.name_vi,
        }
    }

    /// Checks what a catalogue editor can get wrong, naming the field.
    pub fn validate(&self) -> Result<(), IndicatorError> {
        let code_ok = !self.code.is_empty()
            && self
                .code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && self.code.starts_with(|c: char| c.is_ascii_lowercase());
        if !code_ok {
            return Err(IndicatorError::BadCode(self.code.clone()));
        }
        if self.name_vi.trim().is_empty() {
            return Err(IndicatorError::NoName);
        }
        if self.unit.symbol().is_empty() {
            return Err(IndicatorError::NoUnit);
        }
        if self.precision > 6 {
            return Err(IndicatorError::Precision(self.precision));
        }
        self.rules.validate().map_err(IndicatorError::Rules)?;
        if self.aggregation.weight() == Some(self.code.as_str()) {
            return Err(IndicatorError::Aggregation(AggregationError::OwnWeight(
                self.code.clone(),
            )));
        }
        Ok(())
    }
}

/// What is wrong with an indicator's definition.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndicatorError {
    #[error("indicator code '{0}' must start with a lowercase letter and hold only a-z, 0-9 and _")]
    BadCode(String),
    #[error("the indicator needs a Vietnamese name")]
    NoName,
    #[error("the indicator needs a unit (ĐVT)")]
    NoUnit,
    #[error("precision {0} is too many decimals (at most 6)")]
    Precision(u32),
    #[error("plausibility rules: {0}")]
    Rules(RulesError),
    #[error("adding up across wards: {0}")]
    Aggregation(AggregationError),
}
