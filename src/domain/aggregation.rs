//! How an indicator adds up from wards to the unit above them (a province, or before 1/7/2025 a
//! city), in the manner of DHIS2's aggregation types: flows, counts, money and stocks at 31/12
//! sum; a rate is either averaged weighted by a declared indicator (poverty rate by households,
//! income per head by population) or not added up at all and shown as a distribution.

use serde::{Deserialize, Serialize};

use super::{Kind, Lang, Unit};

/// How an indicator's ward figures make the parent unit's figure.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Aggregation {
    /// The wards' values added: output, revenue, works, counts, stocks at 31/12.
    #[default]
    Sum,
    /// The wards' values averaged, each weighted by the ward's figure of the indicator `weight`
    /// (its code). A ward without the weight's figure is left out and counted as missing.
    Weighted { weight: String },
    /// Not added up: the parent shows how the wards spread (lowest, median, highest) and how
    /// many met their plan.
    Distribution,
}

impl Aggregation {
    /// The stable codes stored in the database and files.
    pub const CODES: [&'static str; 3] = ["sum", "weighted", "distribution"];

    /// The aggregation an indicator of this kind and unit gets unless it declares another:
    /// rates (and shares in % or ‰) are not added up until a weight is declared, everything
    /// else sums.
    pub fn default_for(kind: Kind, unit: &Unit) -> Self {
        if kind == Kind::Rate || unit.is_percent() || unit.is_per_mille() {
            Self::Distribution
        } else {
            Self::Sum
        }
    }

    /// The stable code stored in the database.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Sum => "sum",
            Self::Weighted { .. } => "weighted",
            Self::Distribution => "distribution",
        }
    }

    /// The aggregation from its stored code and weight; `None` for an unknown code or a
    /// weighted average without its weight.
    pub fn from_code(code: &str, weight: Option<&str>) -> Option<Self> {
        match (code, weight.map(str::trim).filter(|w| !w.is_empty())) {
            ("sum", _) => Some(Self::Sum),
            ("distribution", _) => Some(Self::Distribution),
            ("weighted", Some(weight)) => Some(Self::Weighted {
                weight: weight.to_owned(),
            }),
            _ => None,
        }
    }

    /// The weight indicator's code of a weighted average.
    pub fn weight(&self) -> Option<&str> {
        match self {
            Self::Weighted { weight } => Some(weight),
            _ => None,
        }
    }

    /// How the catalogue names it: "cộng", "bình quân theo Dân số", "không cộng (phân bố)".
    pub fn describe(&self, lang: Lang, weight_name: Option<&str>) -> String {
        let locale = lang.code();
        match self {
            Self::Sum => rust_i18n::t!("aggregation.sum", locale = locale).into_owned(),
            Self::Weighted { weight } => rust_i18n::t!(
                "aggregation.weighted",
                locale = locale,
                weight = weight_name.unwrap_or(weight)
            )
            .into_owned(),
            Self::Distribution => {
                rust_i18n::t!("aggregation.distribution", locale = locale).into_owned()
            }
        }
    }
}

/// What is wrong with a declared aggregation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AggregationError {
    #[error("an indicator cannot be weighted by itself ('{0}')")]
    OwnWeight(String),
    #[error("the weight '{0}' is not an indicator of the catalogue")]
    UnknownWeight(String),
    #[error("the weight '{weight}' must be an indicator that sums (a count)")]
    WeightNotSummed { weight: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_not_added_up_by_default_and_the_rest_sums() {
        assert_eq!(
            Aggregation::default_for(Kind::Rate, &Unit::new("%")),
            Aggregation::Distribution
        );
        assert_eq!(
            Aggregation::default_for(Kind::Flow, &Unit::new("%")),
            Aggregation::Distribution
        );
        assert_eq!(
            Aggregation::default_for(Kind::Stock, &Unit::new("chi bộ")),
            Aggregation::Sum
        );
        assert_eq!(
            Aggregation::default_for(Kind::Flow, &Unit::new("đồng")),
            Aggregation::Sum
        );
    }

    #[test]
    fn codes_round_trip_and_a_weighted_average_needs_its_weight() {
        for aggregation in [
            Aggregation::Sum,
            Aggregation::Distribution,
            Aggregation::Weighted {
                weight: "households".into(),
            },
        ] {
            assert_eq!(
                Aggregation::from_code(aggregation.code(), aggregation.weight()),
                Some(aggregation.clone())
            );
        }
        assert_eq!(Aggregation::from_code("weighted", None), None);
        assert_eq!(Aggregation::from_code("weighted", Some("  ")), None);
        assert_eq!(Aggregation::from_code("average", None), None);
    }

    #[test]
    fn files_carry_the_type_and_the_weight() {
        let json = serde_json::to_string(&Aggregation::Weighted {
            weight: "population".into(),
        })
        .unwrap_or_default();
        assert_eq!(json, r#"{"type":"weighted","weight":"population"}"#);
        assert_eq!(
            Aggregation::Weighted {
                weight: "households".into()
            }
            .describe(Lang::Vi, Some("Tổng số hộ")),
            "bình quân gia quyền theo “Tổng số hộ”"
        );
    }
}
