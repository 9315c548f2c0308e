//! Reading a catalogue file ([`crate::export::catalogue`]): each indicator's definition and
//! plausibility rules and how it adds up across wards. An indicator the file gives without rules
//! or aggregation gets the defaults of its kind and unit.

use std::path::Path;

use super::ImportError;
use crate::domain::{Aggregation, Indicator, Rules};
use crate::export::catalogue::{CatalogueFile, FORMAT};

/// The indicators of a catalogue file, each checked.
pub fn read(path: &Path) -> Result<Vec<Indicator>, ImportError> {
    let unreadable = |detail: String| ImportError::Unreadable {
        path: path.to_path_buf(),
        detail,
    };
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let file: CatalogueFile<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| unreadable(e.to_string()))?;
    if file.format != FORMAT {
        return Err(unreadable(format!(
            "not a ward-kpi catalogue (format \"{}\")",
            file.format
        )));
    }
    let mut list = Vec::with_capacity(file.indicators.len());
    for value in file.indicators {
        let has_rules = value.get("rules").is_some();
        let has_aggregation = value.get("aggregation").is_some();
        let mut indicator: Indicator =
            serde_json::from_value(value).map_err(|e| unreadable(e.to_string()))?;
        if !has_rules {
            indicator.rules = Rules::default_for(indicator.kind, &indicator.unit);
        }
        if !has_aggregation {
            indicator.aggregation = Aggregation::default_for(indicator.kind, &indicator.unit);
        }
        indicator
            .validate()
            .map_err(|e| unreadable(format!("{}: {e}", indicator.code)))?;
        list.push(indicator);
    }
    Ok(list)
}
