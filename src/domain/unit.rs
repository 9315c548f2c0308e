//! Units of measure (đơn vị tính, ĐVT): what a figure counts, and what that implies for how it is
//! typed (a count is whole, money has a scale in đồng, a rate is in % or ‰).

use serde::{Deserialize, Serialize};

use super::Lang;

/// A unit of measure as the catalogue writes it, e.g. `tấn`, `tỷ đồng`, `%`.
///
/// Units are free text so that a ward can add its own; the known ones carry meaning (money scale,
/// counts, rates) that the number parser and the reports use.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Unit(String);

/// Units that count whole things: a figure in one of them must be a whole number.
const COUNT_UNITS: [&str; 15] = [
    "cá nhân",
    "chi bộ",
    "con",
    "công trình",
    "đảng viên",
    "doanh nghiệp",
    "dự án",
    "gia đình",
    "hộ",
    "lao động",
    "người",
    "tập thể",
    "thôn",
    "tổ",
    "vụ",
];

impl Unit {
    /// A unit from its Vietnamese symbol; surrounding blanks are dropped.
    pub fn new(symbol: impl Into<String>) -> Self {
        Self(symbol.into().trim().to_owned())
    }

    /// The Vietnamese symbol, e.g. `tỷ đồng`.
    pub fn symbol(&self) -> &str {
        &self.0
    }

    /// The symbol in the given language. Known units are translated; a ward's own unit is shown
    /// as it was typed.
    pub fn symbol_in(&self, lang: Lang) -> &str {
        if lang == Lang::Vi {
            return &self.0;
        }
        match self.0.as_str() {
            "tấn" => "tonnes",
            "ha" => "ha",
            "con" => "head",
            "đồng" => "VND",
            "nghìn đồng" => "thousand VND",
            "triệu đồng" => "million VND",
            "tỷ đồng" => "billion VND",
            "triệu đồng/người/năm" => "million VND/person/year",
            "hộ" => "households",
            "người" => "people",
            "lao động" => "workers",
            "công trình" => "works",
            "chi bộ" => "party cells",
            "tập thể" => "collectives",
            "cá nhân" => "individuals",
            "vụ" => "cases",
            "đảng viên" => "party members",
            "tổ" => "groups",
            "doanh nghiệp" => "enterprises",
            "dự án" => "projects",
            "gia đình" => "families",
            "thôn" => "hamlets",
            other => other,
        }
    }

    /// For money: the power of ten of one unit in đồng (`đồng` 0, `triệu đồng` 6, `tỷ đồng` 9).
    /// `None` for anything that is not money.
    pub fn money_exponent(&self) -> Option<u32> {
        let head = self.0.split('/').next().unwrap_or_default().trim();
        match head {
            "đồng" => Some(0),
            "nghìn đồng" => Some(3),
            "triệu đồng" => Some(6),
            "tỷ đồng" => Some(9),
            _ => None,
        }
    }

    /// A percentage unit (`%`): figures are rates, compared in percentage points.
    pub fn is_percent(&self) -> bool {
        self.0 == "%"
    }

    /// A per-mille unit (`‰`).
    pub fn is_per_mille(&self) -> bool {
        self.0 == "‰"
    }

    /// A unit that counts whole things (`hộ`, `người`, `công trình`, …): no decimals.
    pub fn is_count(&self) -> bool {
        COUNT_UNITS.contains(&self.0.as_str())
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_units_know_their_scale() {
        assert_eq!(Unit::new("đồng").money_exponent(), Some(0));
        assert_eq!(Unit::new("triệu đồng").money_exponent(), Some(6));
        assert_eq!(Unit::new("tỷ đồng").money_exponent(), Some(9));
        assert_eq!(Unit::new("triệu đồng/người/năm").money_exponent(), Some(6));
        assert_eq!(Unit::new("tấn").money_exponent(), None);
    }

    #[test]
    fn counts_are_recognised() {
        assert!(Unit::new("công trình").is_count());
        assert!(Unit::new("đảng viên").is_count());
        assert!(!Unit::new("tấn").is_count());
        assert!(!Unit::new("%").is_count());
    }

    #[test]
    fn english_symbols_fall_back_to_the_typed_unit() {
        assert_eq!(Unit::new("tấn").symbol_in(Lang::En), "tonnes");
        assert_eq!(Unit::new("bể nước").symbol_in(Lang::En), "bể nước");
        assert_eq!(Unit::new("tấn").symbol_in(Lang::Vi), "tấn");
    }
}
