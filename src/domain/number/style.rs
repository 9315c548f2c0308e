//! The two ways of writing a number: Vietnamese (a dot groups thousands, a comma marks decimals:
//! `2.809,8`, as Luật Kế toán and invoices write them) and English (`2,809.8`). A style is the
//! writer's, apart from the language of the words: an English-speaking clerk may well type
//! Vietnamese numbers, and a file keeps its own style whoever opens it.

use serde::{Deserialize, Serialize};

use crate::domain::Lang;

/// How a number is written: which mark groups thousands and which marks decimals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NumberStyle {
    /// Vietnamese: `17.416.889.536`, `2.809,8`.
    #[default]
    Vi,
    /// English: `17,416,889,536`, `2,809.8`.
    En,
}

impl NumberStyle {
    /// Every style, in menu order.
    pub const ALL: [Self; 2] = [Self::Vi, Self::En];

    /// The stable code (`vi`, `en`), as settings and `--number-style` write it.
    pub fn code(self) -> &'static str {
        match self {
            Self::Vi => "vi",
            Self::En => "en",
        }
    }

    /// The mark that groups thousands.
    pub fn group_mark(self) -> char {
        match self {
            Self::Vi => '.',
            Self::En => ',',
        }
    }

    /// The mark that separates the decimals.
    pub fn decimal_mark(self) -> char {
        match self {
            Self::Vi => ',',
            Self::En => '.',
        }
    }

    /// The other style.
    pub fn other(self) -> Self {
        match self {
            Self::Vi => Self::En,
            Self::En => Self::Vi,
        }
    }

    /// The style's name with an example, in `lang`, as a menu shows it.
    pub fn name(self, lang: Lang) -> String {
        let key = match self {
            Self::Vi => "number.style_vi",
            Self::En => "number.style_en",
        };
        rust_i18n::t!(key, locale = lang.code()).into_owned()
    }
}

impl From<Lang> for NumberStyle {
    /// The style a language writes by default: Vietnamese numbers for Vietnamese words.
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Vi => Self::Vi,
            Lang::En => Self::En,
        }
    }
}

impl std::str::FromStr for NumberStyle {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" => Ok(Self::Vi),
            "en" => Ok(Self::En),
            other => Err(format!("unknown number style '{other}': use vi or en")),
        }
    }
}
