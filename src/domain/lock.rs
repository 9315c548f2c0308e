//! Locks (chốt số liệu): what part of a ward's year a lock holds, and the lock as it was made
//! and lifted. A locked value is refused by the one write path (see [`crate::edit`]).

use jiff::Timestamp;

use super::{Lang, Stage};

/// What of a year a lock holds: everything, the plans (once handed down), or one stage (the
/// estimate once the year-end report has gone out, the actual after the review).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LockPart {
    All,
    Plans,
    Stage(Stage),
}

impl LockPart {
    /// Every part, in the order they are offered.
    pub const ALL: [Self; 5] = [
        Self::All,
        Self::Plans,
        Self::Stage(Stage::Estimate),
        Self::Stage(Stage::Actual),
        Self::Stage(Stage::Final),
    ];

    /// The stable code stored and typed (`all`, `plan`, `estimate`, `actual`, `final`).
    pub fn code(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Plans => "plan",
            Self::Stage(stage) => stage.code(),
        }
    }

    /// The part from its stable code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// Whether the lock holds a plan (any source).
    pub fn holds_plans(self) -> bool {
        matches!(self, Self::All | Self::Plans)
    }

    /// Whether the lock holds the figures of `stage`.
    pub fn holds_stage(self, stage: Stage) -> bool {
        match self {
            Self::All => true,
            Self::Plans => false,
            Self::Stage(own) => own == stage,
        }
    }

    /// Whether every value this part holds is held by `other` too.
    pub fn within(self, other: Self) -> bool {
        other == Self::All || other == self
    }

    /// The part in words: "cả năm", "kế hoạch", "ước đạt".
    pub fn name(self, lang: Lang) -> String {
        match self {
            Self::Stage(stage) => stage.name(lang).to_lowercase(),
            _ => rust_i18n::t!(format!("lock.part.{}", self.code()), locale = lang.code())
                .into_owned(),
        }
    }
}

/// Who did something to a lock, when and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockEvent {
    pub at: Timestamp,
    pub who: String,
    pub reason: String,
}

impl LockEvent {
    /// The day, as Vietnamese documents write it: "07/01/2022" (local time).
    pub fn day(&self) -> String {
        self.at
            .to_zoned(jiff::tz::TimeZone::system())
            .strftime("%d/%m/%Y")
            .to_string()
    }

    /// The day and time: "07/01/2022 14:05" (local time).
    pub fn day_time(&self) -> String {
        self.at
            .to_zoned(jiff::tz::TimeZone::system())
            .strftime("%d/%m/%Y %H:%M")
            .to_string()
    }
}

/// A lock on a year: of one unit or (`unit: None`) of every unit, and on what part of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lock {
    /// The unit's code and name; `None`: every unit.
    pub unit: Option<(String, String)>,
    pub year: i16,
    pub part: LockPart,
    pub locked: LockEvent,
    /// When the lock was lifted; `None` while it holds.
    pub unlocked: Option<LockEvent>,
}

impl Lock {
    /// Whether it holds now.
    pub fn holds(&self) -> bool {
        self.unlocked.is_none()
    }

    /// What it holds, in words: "Phường Thanh Trường, 2021, ước đạt", "mọi đơn vị, 2021, cả năm".
    pub fn scope(&self, lang: Lang) -> String {
        scope(
            self.unit.as_ref().map(|(_, name)| name.as_str()),
            self.year,
            self.part,
            lang,
        )
    }

    /// Why a value is refused under this lock: "đã chốt ngày 07/01/2022 bởi lan (báo cáo …)".
    pub fn refusal(&self, lang: Lang) -> String {
        rust_i18n::t!(
            "lock.refusal",
            locale = lang.code(),
            scope = self.scope(lang),
            day = self.locked.day(),
            who = self.locked.who,
            reason = self.locked.reason
        )
        .into_owned()
    }
}

/// A part of a unit's year (`None`: of every unit's) in words: "Phường Thanh Trường, 2021, ước
/// đạt".
pub fn scope(unit: Option<&str>, year: i16, part: LockPart, lang: Lang) -> String {
    let unit = unit.map_or_else(
        || rust_i18n::t!("lock.every_unit", locale = lang.code()).into_owned(),
        str::to_owned,
    );
    format!("{unit}, {year}, {}", part.name(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_holds_what_it_names() {
        assert!(LockPart::All.holds_plans());
        assert!(LockPart::All.holds_stage(Stage::Final));
        assert!(LockPart::Plans.holds_plans());
        assert!(!LockPart::Plans.holds_stage(Stage::Estimate));
        let estimate = LockPart::Stage(Stage::Estimate);
        assert!(estimate.holds_stage(Stage::Estimate));
        assert!(!estimate.holds_stage(Stage::Actual));
        assert!(!estimate.holds_plans());
        assert!(estimate.within(LockPart::All));
        assert!(!LockPart::All.within(estimate));
        for part in LockPart::ALL {
            assert_eq!(LockPart::from_code(part.code()), Some(part));
        }
        assert_eq!(LockPart::from_code("plans"), None);
    }
}
