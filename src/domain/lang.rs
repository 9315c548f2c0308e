//! The two languages of the product: Vietnamese first, English second. The language decides the
//! words; numbers are written in a [`NumberStyle`], by default the language's own (2.809,8 in
//! Vietnamese, 2,809.8 in English), which a reader may choose apart from it: a [`Locale`].

use serde::{Deserialize, Serialize};

use super::number::NumberStyle;

/// An output language: the words. Its default number style is `NumberStyle::from(lang)`.
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

/// How a reader wants things written: the words in `lang`, the numbers in `style`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale {
    pub lang: Lang,
    pub style: NumberStyle,
}

impl From<Lang> for Locale {
    /// A language with its own number style.
    fn from(lang: Lang) -> Self {
        Self {
            lang,
            style: lang.into(),
        }
    }
}

impl From<(Lang, NumberStyle)> for Locale {
    fn from((lang, style): (Lang, NumberStyle)) -> Self {
        Self { lang, style }
    }
}

impl From<Locale> for NumberStyle {
    fn from(locale: Locale) -> Self {
        locale.style
    }
}
