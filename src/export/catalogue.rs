//! The catalogue as a file another database can take (`ward-kpi indicators export`): every
//! indicator's definition with its plausibility rules, as JSON, numbers as exact decimal text.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::ExportError;
use crate::domain::Indicator;

/// What a catalogue file says it is.
pub const FORMAT: &str = "ward-kpi-catalogue";
/// The file's layout version.
pub const VERSION: u32 = 1;

/// A catalogue file as written.
#[derive(Serialize, Deserialize)]
pub struct CatalogueFile<T> {
    pub format: String,
    pub version: u32,
    pub indicators: Vec<T>,
}

/// Writes the catalogue (archived indicators included) to `path`.
pub fn write(path: &Path, indicators: &[Indicator]) -> Result<(), ExportError> {
    let file = CatalogueFile {
        format: FORMAT.to_owned(),
        version: VERSION,
        indicators: indicators.to_vec(),
    };
    let io = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let text = serde_json::to_string_pretty(&file).map_err(|e| io(e.into()))?;
    std::fs::write(path, text + "\n").map_err(io)
}
