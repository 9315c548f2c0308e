//! Why an edit is refused, in words each face shows next to where the edit came from.

use rust_decimal::Decimal;

use crate::domain::rules::Bound;
use crate::domain::{Lang, Locale, Lock, Unit};

/// Why an edit cannot be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The indicator is archived: its data is kept, but it takes no new values.
    Archived { indicator: String },
    /// The indicator is not in the catalogue (it was deleted since the edit was made).
    UnknownIndicator,
    /// A second value for a slot the same save already writes.
    Duplicate,
    /// A note, but no value (no figure, no plan) for it to belong to.
    NoteWithoutValue,
    /// The value is locked (chốt số liệu): this lock holds it.
    Locked(Box<Lock>),
    /// A value (or a plan's number) outside the indicator's hard bounds: 733,7% for a share.
    OutOfBounds(Box<OutOfBounds>),
}

/// A value outside its indicator's bounds: which value, which bound, which indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutOfBounds {
    /// The indicator's code and its names (Vietnamese, English).
    pub indicator: String,
    pub name_vi: String,
    pub name_en: String,
    pub unit: Unit,
    pub value: Decimal,
    pub bound: Bound,
    /// True when the value is a plan's.
    pub plan: bool,
}

impl Reason {
    /// The reason in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let locale = lang.code();
        match self {
            Self::Archived { indicator } => {
                rust_i18n::t!("edit.archived", locale = locale, indicator = indicator)
            }
            Self::UnknownIndicator => rust_i18n::t!("edit.unknown_indicator", locale = locale),
            Self::Duplicate => rust_i18n::t!("edit.duplicate", locale = locale),
            Self::NoteWithoutValue => rust_i18n::t!("edit.note_without_value", locale = locale),
            Self::Locked(lock) => return lock.refusal(lang),
            Self::OutOfBounds(_) => return self.message_in(lang.into()),
        }
        .into_owned()
    }

    /// The reason in the reader's words and number style (the numbers a refusal names are
    /// written as the reader writes them).
    pub fn message_in(&self, locale: Locale) -> String {
        match self {
            Self::OutOfBounds(out) => {
                let name = match locale.lang {
                    Lang::En if !out.name_en.trim().is_empty() => &out.name_en,
                    _ => &out.name_vi,
                };
                out.bound
                    .message(out.value, &out.unit, name, out.plan, locale)
            }
            other => other.message(locale.lang),
        }
    }
}

/// An edit refused, and where the face found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal<W> {
    pub at: W,
    pub reason: Reason,
}
