//! The names of the window's views, in the order of the bar. A small module of its own so that
//! commands, preferences and the views all point at it and never at each other.

use serde::{Deserialize, Serialize};

use super::tr;
use crate::domain::Lang;

/// The views, in the order of the bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum View {
    #[default]
    Dashboard,
    Entry,
    Trends,
    Catalogue,
    History,
    Compare,
    Settings,
}

impl View {
    /// Every view, in the order of the bar (and of Ctrl+1…7).
    pub const ALL: [Self; 7] = [
        Self::Dashboard,
        Self::Entry,
        Self::Trends,
        Self::Catalogue,
        Self::History,
        Self::Compare,
        Self::Settings,
    ];

    /// The view's name in the bar.
    pub fn title(self, lang: Lang) -> String {
        let key = match self {
            Self::Dashboard => "app.view.dashboard",
            Self::Entry => "app.view.entry",
            Self::Trends => "app.view.trends",
            Self::Catalogue => "app.view.catalogue",
            Self::History => "app.view.history",
            Self::Compare => "app.view.compare",
            Self::Settings => "app.view.settings",
        };
        tr(lang, key)
    }
}
