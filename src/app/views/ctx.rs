//! What every view reads and where it writes, for one frame: [`ViewCtx`]. Views take it
//! instead of the same handful of arguments each, so that something new for every view is one
//! field here, filled in [`ViewCtx::new`], and read as `ctx.field` where it is needed.

use crate::app::command::Command;
use crate::app::prefs::Prefs;
use crate::app::theme::Palette;
use crate::domain::number::NumberStyle;
use crate::domain::{Lang, Locale};

/// The frame's context of a view. The open database is not in it: the settings view shows
/// without one, every other view takes the [`Session`](crate::app::session::Session) beside it.
pub struct ViewCtx<'a> {
    /// The language of labels.
    pub lang: Lang,
    /// The style numbers are written in.
    pub style: NumberStyle,
    /// The colours of the window's theme.
    pub palette: Palette,
    /// The window's preferences, as they stand this frame.
    pub prefs: &'a Prefs,
    /// What the views ask for, applied by the app after the frame.
    pub commands: &'a mut Vec<Command>,
}

impl<'a> ViewCtx<'a> {
    /// The context of a frame: everything in it follows from the preferences.
    pub fn new(prefs: &'a Prefs, commands: &'a mut Vec<Command>) -> Self {
        Self {
            lang: prefs.lang,
            style: prefs.number_style(),
            palette: Palette::of(prefs.theme),
            prefs,
            commands,
        }
    }

    /// The language and the number style together, for text that holds both.
    pub fn locale(&self) -> Locale {
        Locale {
            lang: self.lang,
            style: self.style,
        }
    }
}
