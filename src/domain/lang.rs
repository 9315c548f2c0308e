//! The two languages of the product: Vietnamese first, English second. The language decides the
//! words and the number style (2.809,8 or 2,809.8).

use serde::{Deserialize, Serialize};

/// An output language; it also fixes the number style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Tiếng Việt: `2.809,8`.
    #[default]
    Vi,
    /// English: `2,809.8`.
    En,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Self; 2] = [Self::Vi, Self::En];

    /// The locale code used by the translation files (`vi`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Vi => "vi",
            Self::En => "en",
        }
    }

    /// The mark that groups thousands in this language.
    pub fn group_mark(self) -> char {
        match self {
            Self::Vi => '.',
            Self::En => ',',
        }
    }

    /// The mark that separates the decimals in this language.
    pub fn decimal_mark(self) -> char {
        match self {
            Self::Vi => ',',
            Self::En => '.',
        }
    }

    /// The language's own name, as a menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Vi => "Tiếng Việt",
            Self::En => "English",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" => Ok(Self::Vi),
            "en" => Ok(Self::En),
            other => Err(format!("unknown language '{other}': use vi or en")),
        }
    }
}
