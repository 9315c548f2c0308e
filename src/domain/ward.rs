//! Administrative units (đơn vị hành chính): wards and the city and province above them, each
//! valid for a period, so that a ward's series stays whole across mergers. Units are matched by
//! statistics code and validity, never by name: after the 2025 merger a *new* Phường Mường Thanh
//! exists with a different code from the old one.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Where a unit sits in the hierarchy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    /// City or district (abolished on 1 July 2025).
    District,
    /// Ward or commune: the unit that reports figures.
    Ward,
}

impl Level {
    /// Every level, from the top.
    pub const ALL: [Self; 3] = [Self::Province, Self::District, Self::Ward];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Self::Province => "province",
            Self::District => "district",
            Self::Ward => "ward",
        }
    }

    /// The level from its stable code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// An administrative unit for one validity period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminUnit {
    /// Statistics code (mã thống kê), e.g. `03142`.
    pub code: String,
    pub name: String,
    pub level: Level,
    /// The code of the unit above, if any.
    pub parent_code: Option<String>,
    /// First day of validity; `None` when it predates the records.
    pub valid_from: Option<Date>,
    /// Last day of validity; `None` while the unit exists.
    pub valid_to: Option<Date>,
    /// The code of the unit it merged into.
    pub successor_code: Option<String>,
    /// Generated for trying the app out: every view says so.
    pub synthetic: bool,
}

impl AdminUnit {
    /// True when the unit existed at some time in the calendar (= fiscal) year.
    pub fn valid_in(&self, year: i16) -> bool {
        let starts_in_time = self.valid_from.is_none_or(|from| from.year() <= year);
        let ends_in_time = self.valid_to.is_none_or(|to| to.year() >= year);
        starts_in_time && ends_in_time
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(from: Option<Date>, to: Option<Date>) -> AdminUnit {
        AdminUnit {
            code: "03142".into(),
            name: "Phường Thanh Trường".into(),
            level: Level::Ward,
            parent_code: Some("094".into()),
            valid_from: from,
            valid_to: to,
            successor_code: None,
            synthetic: false,
        }
    }

    #[test]
    fn validity_is_by_calendar_year() {
        let old = unit(None, Some(jiff::civil::date(2025, 6, 30)));
        assert!(old.valid_in(2021));
        assert!(old.valid_in(2025));
        assert!(!old.valid_in(2026));
        let new = unit(Some(jiff::civil::date(2025, 7, 1)), None);
        assert!(!new.valid_in(2024));
        assert!(new.valid_in(2025));
        assert!(new.valid_in(2040));
    }
}
