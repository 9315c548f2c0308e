//! Keys that work in every view of the window: save, import, switch views, present.

use super::WardKpiApp;
use super::command::Command;
use super::view::View;

impl WardKpiApp {
    /// Keys that work in every view: Ctrl+S saves, Ctrl+I imports, Ctrl+1…7 switch views, F5
    /// or F11 presents.
    pub(super) fn global_keys(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        if self.meeting.is_some() || self.confirm.is_some() {
            return;
        }
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        if ctx.input_mut(|i| i.consume_shortcut(&save)) {
            self.views.entry.request_save = true;
            self.prefs.view = View::Entry;
        }
        let import = KeyboardShortcut::new(Modifiers::COMMAND, Key::I);
        if ctx.input_mut(|i| i.consume_shortcut(&import)) {
            self.views.entry.request_import = true;
            self.prefs.view = View::Entry;
        }
        let keys = [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
        ];
        for (key, view) in keys.into_iter().zip(View::ALL) {
            if ctx
                .input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)))
            {
                self.commands.push(Command::ShowView(view));
            }
        }
        // F5 starts a slide show as in presentation programs; F11 is the full-screen key.
        if ctx.input_mut(|i| {
            i.consume_key(Modifiers::NONE, Key::F5) || i.consume_key(Modifiers::NONE, Key::F11)
        }) {
            self.commands.push(Command::EnterMeeting);
        }
    }
}
