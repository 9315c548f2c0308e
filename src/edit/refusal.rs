//! Why an edit is refused, in words each face shows next to where the edit came from.

use crate::domain::{Lang, Lock};

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
        }
        .into_owned()
    }
}

/// An edit refused, and where the face found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal<W> {
    pub at: W,
    pub reason: Reason,
}
