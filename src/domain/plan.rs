//! Plans (kế hoạch): the target a ward is given for an indicator and a year, by whom, and what it
//! was before any revision.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Lang;
use super::number::NumberStyle;

/// Who set a plan. One indicator can have plans from several sources in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanSource {
    /// KH thành phố giao: handed down by the city (before 2025).
    City,
    /// KH tỉnh giao: handed down by the province (from July 2025 there is no city level).
    Province,
    /// KH được giao: handed down from above, the source not saying by whom.
    Assigned,
    /// NQ HĐND phường: set by the ward's people's council.
    WardCouncil,
}

impl PlanSource {
    /// Every source, in the order a report prefers them: the plan handed down first.
    pub const ALL: [Self; 4] = [
        Self::City,
        Self::Province,
        Self::Assigned,
        Self::WardCouncil,
    ];

    /// The stable code stored in the database and files.
    pub fn code(self) -> &'static str {
        match self {
            Self::City => "city",
            Self::Province => "province",
            Self::Assigned => "assigned",
            Self::WardCouncil => "ward_council",
        }
    }

    /// The source from its stable code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// How a report names the plan ("kế hoạch thành phố giao").
    pub fn phrase(self, lang: Lang) -> String {
        rust_i18n::t!(format!("plan_source.{}", self.code()), locale = lang.code()).into_owned()
    }
}

/// A plan's target: one value, or a band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanTarget {
    Value(Decimal),
    /// Inclusive band, low ≤ high.
    Range {
        low: Decimal,
        high: Decimal,
    },
}

impl PlanTarget {
    /// A band from two values in any order; equal ends make a single value.
    pub fn range(a: Decimal, b: Decimal) -> Self {
        if a == b {
            Self::Value(a)
        } else {
            Self::Range {
                low: a.min(b),
                high: a.max(b),
            }
        }
    }

    /// The lower end (the value itself for a single value).
    pub fn low(self) -> Decimal {
        match self {
            Self::Value(v) => v,
            Self::Range { low, .. } => low,
        }
    }

    /// The upper end (the value itself for a single value).
    pub fn high(self) -> Decimal {
        match self {
            Self::Value(v) => v,
            Self::Range { high, .. } => high,
        }
    }
}

impl PlanTarget {
    /// Reads a plan as people type it: one number ("2.451,8") or a band ("6,6 – 6,8",
    /// "6,6-6,8", "6,6..6,8"), each end read by the number parser against the field's unit.
    pub fn parse(
        text: &str,
        unit: &super::Unit,
        style: NumberStyle,
    ) -> Result<(Self, Vec<super::number::NumberWarning>), super::number::NumberError> {
        let text = text.trim();
        // A dash after the first character separates a band: plans are never negative, so a
        // dash inside the text cannot be a minus sign.
        let split = ["–", "—", "..", "-"].iter().find_map(|sep| {
            text.char_indices()
                .skip(1)
                .find(|(i, _)| text[*i..].starts_with(sep))
                .map(|(i, _)| (&text[..i], &text[i + sep.len()..]))
        });
        match split {
            Some((a, b)) => {
                let a = super::number::parse(a, unit, style)?;
                let b = super::number::parse(b, unit, style)?;
                let mut warnings = a.warnings;
                warnings.extend(b.warnings);
                Ok((Self::range(a.value, b.value), warnings))
            }
            None => {
                let parsed = super::number::parse(text, unit, style)?;
                Ok((Self::Value(parsed.value), parsed.warnings))
            }
        }
    }
}

impl PlanTarget {
    /// The target as a cell or a report writes it ("2.451,8", "6,6 – 6,8").
    pub fn text(self, style: NumberStyle) -> String {
        match self {
            Self::Value(v) => super::number::format_exact(v, style),
            Self::Range { low, high } => format!(
                "{} – {}",
                super::number::format_exact(low, style),
                super::number::format_exact(high, style)
            ),
        }
    }

    /// The target with its unit ("2.451,8 tấn", "6,6 – 6,8%"): numbers in `style`, the unit in
    /// `lang`.
    pub fn text_with_unit(self, unit: &super::Unit, lang: Lang, style: NumberStyle) -> String {
        match self {
            Self::Value(v) => super::number::format_with_unit(v, unit, lang, style),
            Self::Range { low, high } => format!(
                "{} – {}",
                super::number::format_exact(low, style),
                super::number::format_with_unit(high, unit, lang, style)
            ),
        }
    }
}

/// A plan for one ward, indicator, year and source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub source: PlanSource,
    /// The target in force (after any revision).
    pub target: PlanTarget,
    /// The text as typed.
    pub text: String,
    /// The target first set, when the plan was later revised.
    pub original: Option<PlanTarget>,
    /// True when the plan was not published but worked out from other published numbers.
    pub derived: bool,
    pub note: String,
}

/// The plan a report measures against: the one handed down from above if any, else the ward
/// council's.
pub fn preferred(plans: &[Plan]) -> Option<&Plan> {
    plans.iter().min_by_key(|p| p.source)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(source: PlanSource) -> Plan {
        Plan {
            source,
            target: PlanTarget::Value(Decimal::ONE),
            text: "1".into(),
            original: None,
            derived: false,
            note: String::new(),
        }
    }

    #[test]
    fn the_plan_handed_down_is_preferred() {
        let plans = [plan(PlanSource::WardCouncil), plan(PlanSource::City)];
        assert_eq!(preferred(&plans).map(|p| p.source), Some(PlanSource::City));
        assert_eq!(
            preferred(&plans[..1]).map(|p| p.source),
            Some(PlanSource::WardCouncil)
        );
        assert!(preferred(&[]).is_none());
    }

    #[test]
    fn a_band_is_typed_with_a_dash() {
        let unit = super::super::Unit::new("%");
        let expect = PlanTarget::range(Decimal::new(66, 1), Decimal::new(68, 1));
        for text in ["6,6 – 6,8", "6,6-6,8", "6,6 - 6,8%", "6,6..6,8", "6,8—6,6"] {
            let parsed = PlanTarget::parse(text, &unit, NumberStyle::Vi).map(|p| p.0);
            assert_eq!(parsed, Ok(expect), "{text}");
        }
        let single = PlanTarget::parse("2.451,8", &super::super::Unit::new("tấn"), NumberStyle::Vi);
        assert_eq!(
            single.map(|p| p.0),
            Ok(PlanTarget::Value(Decimal::new(24518, 1)))
        );
        assert!(PlanTarget::parse("-5", &unit, NumberStyle::Vi).is_err());
        assert!(PlanTarget::parse("6,6 –", &unit, NumberStyle::Vi).is_err());
    }

    #[test]
    fn a_range_orders_its_ends() {
        let r = PlanTarget::range(Decimal::from(7), Decimal::from(6));
        assert_eq!((r.low(), r.high()), (Decimal::from(6), Decimal::from(7)));
        assert_eq!(
            PlanTarget::range(Decimal::ONE, Decimal::ONE),
            PlanTarget::Value(Decimal::ONE)
        );
    }
}
