//! Plans (kế hoạch): the target a ward is given for an indicator and a year, by whom, and what it
//! was before any revision. A target is a number or a band, or a plan as it is worded ("Dưới
//! 3%", "Trên 150", "Khoảng 4", "tăng 10% so với cùng kỳ"; [`words`] reads the words).
//!
//! A worded plan is stored as its numbers and its text as typed: the form is read again from
//! the text's words ([`PlanTarget::with_wording`]), so no column says it. A plan relative to last
//! year is kept as typed and resolved against last year's value whenever it is read
//! ([`PlanTarget::resolve`]): a change to last year's value shows at once, and nothing frozen has
//! to be kept up to date.

mod words;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::number::{self, NumberError, NumberStyle, NumberWarning};
use super::{Lang, Locale, Unit};
use words::{Form, Measure, Wording};

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

/// A plan's target: one value or a band, or a plan as it is worded: a ceiling, a floor, an
/// approximate value, or a change on last year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanTarget {
    Value(Decimal),
    /// Inclusive band, low ≤ high.
    Range {
        low: Decimal,
        high: Decimal,
    },
    /// A ceiling ("Dưới 3%", "không quá 3%", "≤ 3", "at most 3"): met at or below, whatever
    /// the indicator's direction.
    AtMost(Decimal),
    /// A floor ("Trên 150", "tối thiểu 150", "≥ 150", "at least 150"): met at or above,
    /// whatever the indicator's direction.
    AtLeast(Decimal),
    /// An approximate value ("Khoảng 4", "about 4"): judged as the value itself.
    About(Decimal),
    /// Relative to last year's value of the same ward and indicator ("tăng 10% so với cùng
    /// kỳ"): what it comes to is known only with last year's value (see [`PlanTarget::resolve`]).
    Relative(Relative),
}

/// A plan relative to last year's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relative {
    /// "bằng cùng kỳ": last year's value.
    Same,
    /// A change in per cent of last year's value, signed: "tăng 10%" is 10, "giảm 5%" is −5.
    Percent(Decimal),
    /// A change in percentage points (rates), signed: "giảm 0,5 điểm %" is −0,5.
    Points(Decimal),
}

impl Relative {
    /// The signed change (0 for the same as last year).
    pub fn amount(self) -> Decimal {
        match self {
            Self::Same => Decimal::ZERO,
            Self::Percent(v) | Self::Points(v) => v,
        }
    }

    /// What the plan comes to from last year's value, `None` if it overflows.
    pub fn of(self, last: Decimal) -> Option<Decimal> {
        match self {
            Self::Same => Some(last),
            Self::Percent(p) => last
                .checked_mul(Decimal::ONE_HUNDRED.checked_add(p)?)?
                .checked_div(Decimal::ONE_HUNDRED),
            Self::Points(p) => last.checked_add(p),
        }
    }
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

    /// The lower end of the numbers the plan is written with, which the store keeps beside the
    /// text as typed: the value, the band's lower end, the bound, or the size of a change on last
    /// year (0 for "bằng cùng kỳ"). Never negative: the text's words say which way a change goes.
    pub fn low(self) -> Decimal {
        match self {
            Self::Value(v) | Self::AtMost(v) | Self::AtLeast(v) | Self::About(v) => v,
            Self::Range { low, .. } => low,
            Self::Relative(r) => r.amount().abs(),
        }
    }

    /// The upper end of the numbers the plan is written with (see [`PlanTarget::low`]): the same
    /// number but for a band.
    pub fn high(self) -> Decimal {
        match self {
            Self::Range { high, .. } => high,
            other => other.low(),
        }
    }

    /// True for a plan in words, false for a number or a band.
    pub fn is_worded(self) -> bool {
        !matches!(self, Self::Value(_) | Self::Range { .. })
    }

    /// The stable code of the plan's form, for machine-readable files: `value`, `band`,
    /// `at_most`, `at_least`, `about`, `relative`.
    pub fn form_code(self) -> &'static str {
        match self {
            Self::Value(_) => "value",
            Self::Range { .. } => "band",
            Self::AtMost(_) => "at_most",
            Self::AtLeast(_) => "at_least",
            Self::About(_) => "about",
            Self::Relative(_) => "relative",
        }
    }

    /// The target a value is judged against, given `last` year's value of the same ward and
    /// indicator: a plan relative to last year becomes the value it comes to, any other plan
    /// stays as it is. `None` when a relative plan has no value of last year to go by: then
    /// there is nothing to compare with, never a guess.
    pub fn resolve(self, last: Option<Decimal>) -> Option<Self> {
        match self {
            Self::Relative(r) => r.of(last?).map(Self::Value),
            other => Some(other),
        }
    }

    /// The target a stored plan means: its numbers (`self`, as [`PlanTarget::low`] and
    /// [`PlanTarget::high`] wrote them) in the form its text as typed words ("Dưới 3%" makes the
    /// stored 3 a ceiling). Only the words are read again, never the number, so the number
    /// style and the language the text was typed in do not matter.
    #[must_use]
    pub fn with_wording(self, text: &str) -> Self {
        let Self::Value(v) = self else {
            return self;
        };
        let Some(wording) = words::read(text) else {
            return self;
        };
        let signed = |down: bool| if down && !v.is_zero() { -v } else { v };
        match wording.form {
            Form::AtMost => Self::AtMost(v),
            Form::AtLeast => Self::AtLeast(v),
            Form::About => Self::About(v),
            Form::Same => Self::Relative(Relative::Same),
            Form::Change {
                down,
                measure: Some(Measure::Percent),
            } => Self::Relative(Relative::Percent(signed(down))),
            Form::Change {
                down,
                measure: Some(Measure::Points),
            } => Self::Relative(Relative::Points(signed(down))),
            Form::Change { measure: None, .. } => self,
        }
    }
}

/// Why a plan as typed could not be read.
///
/// `Display` gives the English text (for logs); [`PlanError::message`] the text a form shows, in
/// the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The number (or a band's end) does not read.
    #[error(transparent)]
    Number(#[from] NumberError),
    /// "tăng 10" without saying in what: a per cent or points.
    #[error(
        "\"{text}\": say whether the change is in per cent (\"up 10%\") or, for a rate, in points (\"down 0.5 points\")"
    )]
    ChangeWithoutMeasure {
        /// The text as typed (trimmed).
        text: String,
    },
    /// Percentage points for an indicator that is not a rate.
    #[error("percentage points are for an indicator in %, not for one in {unit}")]
    PointsNotARate {
        /// The field's unit (Vietnamese symbol).
        unit: String,
    },
}

impl PlanError {
    /// The message a form shows, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        let locale = lang.code();
        match self {
            Self::Number(e) => e.message(lang),
            Self::ChangeWithoutMeasure { text } => rust_i18n::t!(
                "plan_words.change_without_measure",
                locale = locale,
                text = text
            )
            .into_owned(),
            Self::PointsNotARate { unit } => rust_i18n::t!(
                "plan_words.points_not_a_rate",
                locale = locale,
                unit = Unit::new(unit.as_str()).symbol_in(lang)
            )
            .into_owned(),
        }
    }
}

impl PlanTarget {
    /// Reads a plan as people type it, each number read by the number parser against the
    /// field's unit:
    /// - one number ("2.451,8") or a band ("6,6 – 6,8", "6,6-6,8", "6,6..6,8");
    /// - a ceiling ("Dưới 3%", "không quá 3%", "≤ 3", "<= 3", "below 3%", "at most 3", "under 3",
    ///   "3% trở xuống"), a floor ("Trên 150", "tối thiểu 150", "ít nhất 150", "≥ 150", ">= 150",
    ///   "above 150", "at least 150", "over 150", "từ 95% trở lên"), about ("Khoảng 4", "about 4",
    ///   "around 4", "approx. 4", "~4");
    /// - a change on last year: "tăng 10% so với cùng kỳ", "giảm 5%", "giảm 0,5 điểm %" (rates
    ///   only), "bằng cùng kỳ", "up 10% on last year", "down 0.5 points", "same as last year".
    ///
    /// Words are read in either language, with or without tone marks; numbers in `style`.
    pub fn parse(
        text: &str,
        unit: &Unit,
        style: NumberStyle,
    ) -> Result<(Self, Vec<NumberWarning>), PlanError> {
        let text = text.trim();
        if let Some(wording) = words::read(text) {
            return Self::parse_worded(text, &wording, unit, style);
        }
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
                let a = number::parse(a, unit, style)?;
                let b = number::parse(b, unit, style)?;
                let mut warnings = a.warnings;
                warnings.extend(b.warnings);
                Ok((Self::range(a.value, b.value), warnings))
            }
            None => {
                let parsed = number::parse(text, unit, style)?;
                Ok((Self::Value(parsed.value), parsed.warnings))
            }
        }
    }

    fn parse_worded(
        text: &str,
        wording: &Wording,
        unit: &Unit,
        style: NumberStyle,
    ) -> Result<(Self, Vec<NumberWarning>), PlanError> {
        let read = |unit: &Unit| number::parse(&wording.number, unit, style);
        let (target, warnings) = match wording.form {
            Form::AtMost | Form::AtLeast | Form::About => {
                let parsed = read(unit)?;
                let target = match wording.form {
                    Form::AtMost => Self::AtMost(parsed.value),
                    Form::AtLeast => Self::AtLeast(parsed.value),
                    _ => Self::About(parsed.value),
                };
                (target, parsed.warnings)
            }
            Form::Same => (Self::Relative(Relative::Same), Vec::new()),
            Form::Change { down, measure } => {
                if wording.number.is_empty() {
                    return Err(NumberError::Empty.into());
                }
                let (parsed, relative): (_, fn(Decimal) -> Relative) = match measure {
                    None => {
                        return Err(PlanError::ChangeWithoutMeasure {
                            text: text.to_owned(),
                        });
                    }
                    // The per cent is of last year's value, whatever the field's unit.
                    Some(Measure::Percent) => (read(&Unit::new("%"))?, Relative::Percent),
                    Some(Measure::Points) if unit.is_percent() => (read(unit)?, Relative::Points),
                    Some(Measure::Points) => {
                        return Err(PlanError::PointsNotARate {
                            unit: unit.symbol().to_owned(),
                        });
                    }
                };
                let amount = if down && !parsed.value.is_zero() {
                    -parsed.value
                } else {
                    parsed.value
                };
                (Self::Relative(relative(amount)), parsed.warnings)
            }
        };
        Ok((target, warnings))
    }
}

impl PlanTarget {
    /// The target as a cell or a report writes it, numbers in the reader's style and words in
    /// the reader's language: "2.451,8", "6,6 – 6,8", "dưới 3", "trên 150", "khoảng 4",
    /// "tăng 10% so với cùng kỳ", "bằng cùng kỳ" ("at most 3", "up 10% on last year" in
    /// English). What it writes reads back as the same target.
    pub fn text(self, locale: Locale) -> String {
        self.words(locale, |v| number::format_exact(v, locale.style))
    }

    /// The target with its unit ("2.451,8 tấn", "6,6 – 6,8%", "dưới 3%", "trên 150 tấn").
    pub fn text_with_unit(self, unit: &Unit, locale: Locale) -> String {
        let Locale { lang, style } = locale;
        match self {
            Self::Range { low, high } => format!(
                "{} – {}",
                number::format_exact(low, style),
                number::format_with_unit(high, unit, lang, style)
            ),
            Self::Relative(_) => self.text(locale),
            _ => self.words(locale, |v| number::format_with_unit(v, unit, lang, style)),
        }
    }

    /// The target in `locale`'s words, each bound or value written by `number`.
    fn words(self, locale: Locale, number: impl Fn(Decimal) -> String) -> String {
        let Locale { lang, style } = locale;
        let word = |key: &str, value: String| {
            rust_i18n::t!(key, locale = lang.code(), value = value).into_owned()
        };
        match self {
            Self::Value(v) => number(v),
            Self::Range { low, high } => format!(
                "{} – {}",
                number::format_exact(low, style),
                number::format_exact(high, style)
            ),
            Self::AtMost(v) => word("plan_words.at_most", number(v)),
            Self::AtLeast(v) => word("plan_words.at_least", number(v)),
            Self::About(v) => word("plan_words.about", number(v)),
            Self::Relative(r) => {
                let size = number::format_exact(r.amount().abs(), style);
                let down = r.amount().is_sign_negative() && !r.amount().is_zero();
                let key = match (r, down) {
                    (Relative::Same, _) => "plan_words.same",
                    (Relative::Percent(_), false) => "plan_words.up_percent",
                    (Relative::Percent(_), true) => "plan_words.down_percent",
                    (Relative::Points(_), false) => "plan_words.up_points",
                    (Relative::Points(_), true) => "plan_words.down_points",
                };
                word(key, size)
            }
        }
    }

    /// For a plan relative to last year, what it comes to, as a report adds it after the plan:
    /// "(≈ 3.090,8)", a no-break space keeping "≈" with its number (rounded to the indicator's
    /// `precision`; with `unit` when given), or
    /// "(không tính được: chưa có số liệu năm trước)" without `last` year's value. `None` for
    /// any other plan.
    pub fn resolution_note(
        self,
        last: Option<Decimal>,
        precision: u32,
        unit: Option<&Unit>,
        locale: Locale,
    ) -> Option<String> {
        let Self::Relative(relative) = self else {
            return None;
        };
        let lang = locale.lang.code();
        Some(match last.and_then(|last| relative.of(last)) {
            Some(value) => rust_i18n::t!(
                "plan_words.resolved",
                locale = lang,
                value = approx_text(value, precision, unit, locale)
            )
            .into_owned(),
            None => rust_i18n::t!("plan_words.unresolved", locale = lang).into_owned(),
        })
    }
}

/// Whether a plan's text as typed is in words ("Dưới 3%", "tăng 10%"), not a number or a band.
pub fn is_worded(text: &str) -> bool {
    words::read(text).is_some()
}

/// A value a plan comes to, rounded to the indicator's `precision` ("3.090,8", "3.090,8 tấn").
pub fn approx_text(value: Decimal, precision: u32, unit: Option<&Unit>, locale: Locale) -> String {
    let value = super::compute::round(value, precision);
    match unit {
        Some(unit) => number::format_with_unit(value, unit, locale.lang, locale.style),
        None => number::format_exact(value, locale.style),
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

impl Plan {
    /// The plan as a report shows it: a number or a band in the reader's style ("2.451,8"); a
    /// plan in words as it was typed ("Dưới 3%"), unless it was typed in the other language or
    /// number style, or reads otherwise in the reader's: then in the reader's own words ("dưới
    /// 3"), which read back the same.
    pub fn shown(&self, unit: &Unit, locale: Locale) -> String {
        if self.typed_reads_the_same(unit, locale) {
            self.text.trim().to_owned()
        } else {
            self.target.text(locale)
        }
    }

    /// [`Plan::shown`] with the unit where the plan is written by the program ("2.451,8 tấn",
    /// "dưới 3%"); a plan in words typed by someone keeps whatever unit they wrote.
    pub fn shown_with_unit(&self, unit: &Unit, locale: Locale) -> String {
        if self.typed_reads_the_same(unit, locale) {
            self.text.trim().to_owned()
        } else {
            self.target.text_with_unit(unit, locale)
        }
    }

    /// The plan as a machine-readable file writes it, to be read again in the English style
    /// that such files use: a number or a band as a plain number ("2451.8"), a plan in words as
    /// typed where it reads back the same ("Dưới 3%"), else in English words ("at most 3.5").
    pub fn machine_text(&self, unit: &Unit) -> String {
        match self.target {
            PlanTarget::Value(v) => v.normalize().to_string(),
            PlanTarget::Range { low, high } => {
                format!("{}–{}", low.normalize(), high.normalize())
            }
            target => {
                let reads_back = PlanTarget::parse(&self.text, unit, NumberStyle::En)
                    .is_ok_and(|(t, warnings)| t == target && warnings.is_empty());
                if reads_back {
                    self.text.trim().to_owned()
                } else {
                    target.text(Lang::En.into())
                }
            }
        }
    }

    /// Whether the plan is worded and its text as typed is in the reader's language (or in signs)
    /// and reads as the same target in the reader's number style, without a warning.
    fn typed_reads_the_same(&self, unit: &Unit, locale: Locale) -> bool {
        if !self.target.is_worded() {
            return false;
        }
        let language_fits =
            words::read(&self.text).is_some_and(|w| w.lang.is_none_or(|lang| lang == locale.lang));
        language_fits
            && PlanTarget::parse(&self.text, unit, locale.style)
                .is_ok_and(|(target, warnings)| target == self.target && warnings.is_empty())
    }
}

/// The plan a report measures against: the one handed down from above if any, else the ward
/// council's.
pub fn preferred(plans: &[Plan]) -> Option<&Plan> {
    plans.iter().min_by_key(|p| p.source)
}

#[cfg(test)]
mod tests;
