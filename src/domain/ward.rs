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

    /// True when the unit stood at the end of `year` (31/12), so reported that year: a ward
    /// merged away on 30/6/2025 reports up to 2024, its successor from 2025 on.
    pub fn reports_for(&self, year: i16) -> bool {
        let starts_in_time = self.valid_from.is_none_or(|from| from.year() <= year);
        let ends_in_time = self
            .valid_to
            .is_none_or(|to| to >= jiff::civil::date(year, 12, 31));
        starts_in_time && ends_in_time
    }

    /// True for a unit that has units under it (a province, a city), which reports their sum.
    pub fn is_parent(&self) -> bool {
        self.level != Level::Ward
    }
}

/// The wards that report to `parent` for `year`, by index into `units`: the wards standing at
/// the end of the year whose parent is `parent` itself, or a city standing then whose parent is
/// `parent` (before 1/7/2025 a province's wards sat under its cities).
pub fn wards_under(units: &[AdminUnit], parent: &str, year: i16) -> Vec<usize> {
    let cities: Vec<&str> = units
        .iter()
        .filter(|u| {
            u.level == Level::District
                && u.reports_for(year)
                && u.parent_code.as_deref() == Some(parent)
        })
        .map(|u| u.code.as_str())
        .collect();
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| {
            u.level == Level::Ward
                && u.reports_for(year)
                && u.parent_code
                    .as_deref()
                    .is_some_and(|p| p == parent || cities.contains(&p))
        })
        .map(|(index, _)| index)
        .collect()
}

/// The units merged into `successor`, by index into `units`: those of its level naming its
/// code as their successor and ending before it began (codes are reused: the new Phường Điện
/// Biên Phủ has the code of Phường Him Lam, one of its own predecessors).
pub fn predecessors(units: &[AdminUnit], successor: &AdminUnit) -> Vec<usize> {
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| {
            u.level == successor.level
                && u.successor_code.as_deref() == Some(successor.code.as_str())
                && match (u.valid_to, successor.valid_from) {
                    (Some(to), Some(from)) => to < from,
                    _ => false,
                }
        })
        .map(|(index, _)| index)
        .collect()
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

    fn at(code: &str, level: Level, parent: Option<&str>, merged: Option<bool>) -> AdminUnit {
        let eve = jiff::civil::date(2025, 6, 30);
        let day = jiff::civil::date(2025, 7, 1);
        AdminUnit {
            code: code.into(),
            name: code.into(),
            level,
            parent_code: parent.map(Into::into),
            valid_from: (merged == Some(false)).then_some(day),
            valid_to: (merged == Some(true)).then_some(eve),
            successor_code: (merged == Some(true)).then(|| "N1".into()),
            synthetic: false,
        }
    }

    #[test]
    fn a_province_counts_its_cities_wards_before_the_merger_and_its_own_after() {
        let units = vec![
            at("P", Level::Province, None, None),
            AdminUnit {
                successor_code: None,
                ..at("C", Level::District, Some("P"), Some(true))
            },
            at("O1", Level::Ward, Some("C"), Some(true)),
            at("O2", Level::Ward, Some("C"), Some(true)),
            at("N1", Level::Ward, Some("P"), Some(false)),
            at("X", Level::Ward, Some("Q"), None),
        ];
        let codes = |found: Vec<usize>| -> Vec<&str> {
            found.into_iter().map(|i| units[i].code.as_str()).collect()
        };
        assert_eq!(codes(wards_under(&units, "P", 2024)), ["O1", "O2"]);
        // 2025 is reported by the wards standing on 31/12: the new one only.
        assert_eq!(codes(wards_under(&units, "P", 2025)), ["N1"]);
        assert_eq!(codes(wards_under(&units, "C", 2024)), ["O1", "O2"]);
        assert!(wards_under(&units, "C", 2025).is_empty());
        assert_eq!(codes(predecessors(&units, &units[4])), ["O1", "O2"]);
        assert!(predecessors(&units, &units[2]).is_empty());
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
