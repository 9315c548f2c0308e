//! The window's preferences, kept between starts by eframe's storage. Data never lives here:
//! it is in the SQLite file alone.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::theme::ThemeChoice;
use super::view::View;
use crate::domain::Lang;
use crate::domain::number::NumberStyle;

/// The key of the preferences in eframe's storage.
pub const STORAGE_KEY: &str = "ward-kpi-prefs";

/// What the window remembers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    /// How numbers are written and typed; `None`: the language's style.
    pub number_style: Option<NumberStyle>,
    pub theme: ThemeChoice,
    /// The ward shown, by statistics code.
    pub ward: Option<String>,
    pub year: Option<i16>,
    pub view: View,
    /// The database last opened; the default one when unset.
    pub db_path: Option<PathBuf>,
}

impl Prefs {
    /// The style numbers are written and typed in: the one chosen, else the language's.
    pub fn number_style(&self) -> NumberStyle {
        self.number_style.unwrap_or(self.lang.into())
    }
}
