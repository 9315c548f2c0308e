//! Figures (số liệu): a ward's value for one indicator in one year at one stage of the year's
//! accounting.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Lang;

/// How final a figure is. A year's value is the latest stage present.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Ước đạt: December's estimate.
    Estimate,
    /// Thực hiện: the actual.
    Actual,
    /// Quyết toán: the final accounts.
    Final,
}

impl Stage {
    /// Every stage, from least to most final.
    pub const ALL: [Self; 3] = [Self::Estimate, Self::Actual, Self::Final];

    /// The stable code stored in files and JSON (`estimate`, `actual`, `final`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Estimate => "estimate",
            Self::Actual => "actual",
            Self::Final => "final",
        }
    }

    /// The stage from its stable code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The column heading ("Ước đạt", "Thực hiện", "Quyết toán").
    pub fn name(self, lang: Lang) -> String {
        rust_i18n::t!(format!("stage.{}", self.code()), locale = lang.code()).into_owned()
    }

    /// The verb a report sentence uses ("ước đạt", "đạt").
    pub fn verb(self, lang: Lang) -> String {
        rust_i18n::t!(format!("stage_verb.{}", self.code()), locale = lang.code()).into_owned()
    }
}

/// The years the app accepts, for plans and figures alike.
pub const YEARS: std::ops::RangeInclusive<i16> = 1990..=2100;

/// One figure as entered: the exact value, the text as it was typed, and a note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub stage: Stage,
    /// The exact value in the indicator's unit.
    pub value: Decimal,
    /// The text as the official typed it ("17.416,889,536"), kept for the record.
    pub text: String,
    pub note: String,
}

/// The value a year reports: the latest stage present, or `None` when there is no figure.
pub fn current(figures: &[Figure]) -> Option<&Figure> {
    figures.iter().max_by_key(|f| f.stage)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(stage: Stage, value: i64) -> Figure {
        Figure {
            stage,
            value: Decimal::from(value),
            text: value.to_string(),
            note: String::new(),
        }
    }

    #[test]
    fn the_latest_stage_is_current() {
        let figures = [
            fig(Stage::Final, 3),
            fig(Stage::Estimate, 1),
            fig(Stage::Actual, 2),
        ];
        assert_eq!(current(&figures).map(|f| f.stage), Some(Stage::Final));
        assert_eq!(
            current(&figures[1..]).map(|f| f.value),
            Some(Decimal::from(2))
        );
        assert_eq!(
            current(&figures[1..2]).map(|f| f.stage),
            Some(Stage::Estimate)
        );
        assert!(current(&[]).is_none());
    }

    #[test]
    fn stage_codes_round_trip() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_code(stage.code()), Some(stage));
        }
        assert_eq!(Stage::from_code("draft"), None);
    }
}
