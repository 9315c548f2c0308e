//! Finding a row's indicator in the catalogue: by its code, else by its name in either language,
//! compared as people compare names (case, blanks and the placement of tone marks aside).

use std::collections::HashMap;
use std::sync::Arc;

use crate::domain::Unit;
use crate::store::IndicatorId;

/// The catalogue, looked up by code and by name.
pub struct Catalogue {
    /// Each indicator's id, code (shared by every change that names it) and unit.
    indicators: Vec<(IndicatorId, Arc<str>, Unit)>,
    /// Index into `indicators` by id (row ids are small and dense: an index, not a hash).
    by_id: Vec<Option<usize>>,
    by_code: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl Catalogue {
    /// The lookup of a catalogue as the store lists it.
    pub fn new(indicators: Vec<(IndicatorId, crate::domain::Indicator)>) -> Self {
        let mut by_id = Vec::new();
        let mut by_code = HashMap::new();
        let mut by_name = HashMap::new();
        for (index, (id, indicator)) in indicators.iter().enumerate() {
            if let Ok(slot) = usize::try_from(id.0) {
                if by_id.len() <= slot {
                    by_id.resize(slot + 1, None);
                }
                by_id[slot] = Some(index);
            }
            by_code.entry(indicator.code.clone()).or_insert(index);
            for name in [&indicator.name_vi, &indicator.name_en] {
                by_name.entry(name_key(name)).or_insert(index);
            }
        }
        Self {
            indicators: indicators
                .into_iter()
                .map(|(id, indicator)| (id, Arc::from(indicator.code.as_str()), indicator.unit))
                .collect(),
            by_id,
            by_code,
            by_name,
        }
    }

    /// The indicator a row names: by `code` when given, else by `name`.
    pub fn find(&self, code: &str, name: &str) -> Option<IndicatorId> {
        let by_code = (!code.is_empty()).then(|| self.by_code.get(code)).flatten();
        let index = by_code.or_else(|| {
            (!name.is_empty())
                .then(|| self.by_name.get(&name_key(name)))
                .flatten()
        })?;
        self.indicators.get(*index).map(|(id, _, _)| *id)
    }

    /// An indicator's code.
    pub fn code(&self, id: IndicatorId) -> Option<&Arc<str>> {
        let index = self.index(id)?;
        self.indicators.get(index).map(|(_, code, _)| code)
    }

    fn index(&self, id: IndicatorId) -> Option<usize> {
        let slot = usize::try_from(id.0).ok()?;
        self.by_id.get(slot).copied().flatten()
    }

    /// An indicator's unit.
    pub fn unit(&self, id: IndicatorId) -> Option<&Unit> {
        let index = self.index(id)?;
        self.indicators.get(index).map(|(_, _, unit)| unit)
    }
}

/// A name as people compare it: case, blanks (line breaks in a cell included) and where the
/// tone mark sits in "oa", "oe", "uy" (hoá and hóa, thuỷ and thủy: both spellings are in use)
/// do not matter.
fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    /// Old-style placements and the new style they compare as.
    const TONES: [(&str, &str); 15] = [
        ("oá", "óa"),
        ("oà", "òa"),
        ("oả", "ỏa"),
        ("oã", "õa"),
        ("oạ", "ọa"),
        ("oé", "óe"),
        ("oè", "òe"),
        ("oẻ", "ỏe"),
        ("oẽ", "õe"),
        ("oẹ", "ọe"),
        ("uý", "úy"),
        ("uỳ", "ùy"),
        ("uỷ", "ủy"),
        ("uỹ", "ũy"),
        ("uỵ", "ụy"),
    ];
    let mut key = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect::<String>()
        .to_lowercase();
    for (old, new) in TONES {
        if key.contains(old) {
            key = key.replace(old, new);
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn names_compare_whatever_the_blanks_and_the_tone_placement() {
        assert_eq!(
            name_key("Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa"),
            name_key("  tỷ lệ hộ gia đình đạt\ndanh hiệu gia đình văn  hoá ")
        );
        assert_eq!(name_key("Thuỷ sản"), name_key("Thủy sản"));
        assert_ne!(name_key("Thu ngân sách"), name_key("Chi ngân sách"));
    }
}
