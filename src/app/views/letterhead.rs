//! Cài đặt → Mẫu văn bản: the letterhead the shown unit's Word reports print (issuing body,
//! place, document symbol, who signs, recipients), each field filled with what is printed now.
//! A field left as the unit's own is not stored, so it follows the unit; "Theo mặc định" puts
//! every field back.

use crate::app::command::Command;
use crate::app::session::Session;
use crate::app::theme;
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::domain::letterhead::{Field, Letterhead, LetterheadSettings};
use crate::domain::{AdminUnit, Lang};

/// The fields being edited, for the unit and year they were read for.
#[derive(Default)]
pub struct LetterheadForm {
    /// What the fields were read for: the database, the session's revision (a restore or an
    /// import since reads them again), the unit code, the year, and the language the defaults
    /// were worded in.
    loaded: Option<(std::path::PathBuf, u64, String, i16, Lang)>,
    /// The unit's own letterhead, for telling a changed field from a default one.
    defaults: Option<Letterhead>,
    /// One text per single-line field, in [`SINGLE`] order.
    fields: [String; 6],
    /// The recipients, one a line.
    recipients: String,
    /// Why the fields could not be read or saved.
    problem: Option<String>,
}

/// The single-line fields, in the form's order.
const SINGLE: [Field; 6] = [
    Field::Office,
    Field::Place,
    Field::Symbol,
    Field::SigningFor,
    Field::SignerTitle,
    Field::SignerName,
];

impl LetterheadForm {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
        let lang = ctx.lang;
        let wanted = (
            session.store.path().to_path_buf(),
            session.revision,
            session.unit.code.clone(),
            session.year,
            lang,
        );
        if self.loaded.as_ref() != Some(&wanted) {
            self.load(session, lang);
            self.loaded = Some(wanted);
        }
        ui.label(
            egui::RichText::new(tr(lang, "app.letterhead.title"))
                .heading()
                .strong(),
        );
        ui.label(
            egui::RichText::new(rust_i18n::t!(
                "app.letterhead.explain",
                locale = lang.code(),
                unit = session.unit.name
            ))
            .color(ctx.palette.reading),
        );
        ui.add_space(theme::GAP / 2.0);
        let Some(defaults) = self.defaults.clone() else {
            if let Some(problem) = &self.problem {
                ui.colored_label(ctx.palette.error, problem);
            }
            return;
        };
        egui::Grid::new("letterhead")
            .num_columns(2)
            .spacing([24.0, 8.0])
            .show(ui, |ui| {
                for (field, text) in SINGLE.iter().zip(&mut self.fields) {
                    let label = ui.label(field.name(lang));
                    ui.add(
                        egui::TextEdit::singleline(text)
                            .desired_width(theme::LETTERHEAD_FIELD_WIDTH),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                }
                let label = ui.label(field_name_lines(lang));
                ui.add(
                    egui::TextEdit::multiline(&mut self.recipients)
                        .desired_rows(3)
                        .desired_width(theme::LETTERHEAD_FIELD_WIDTH),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "app.letterhead.save")).clicked() {
                let settings = self.settings(&defaults);
                match settings.check() {
                    Ok(()) => {
                        self.problem = None;
                        ctx.commands.push(Command::SaveLetterhead {
                            code: session.unit.code.clone(),
                            settings,
                        });
                    }
                    Err(error) => self.problem = Some(error.message(lang)),
                }
            }
            if ui.button(tr(lang, "app.letterhead.defaults")).clicked() {
                self.fill(&defaults);
                self.problem = None;
            }
        });
        if let Some(problem) = &self.problem {
            ui.colored_label(ctx.palette.error, problem);
        }
    }

    /// After a save: read again, so the form shows what is stored.
    pub fn saved(&mut self) {
        self.loaded = None;
    }

    fn load(&mut self, session: &Session, lang: Lang) {
        self.problem = None;
        let read = || -> anyhow::Result<(Letterhead, Letterhead)> {
            let store = &session.store;
            let unit: &AdminUnit = &session.unit;
            let parent = store.reports_to(unit, session.year)?;
            let own = Letterhead::default_for(unit, parent.as_ref(), lang);
            let current =
                store
                    .letterhead_settings(&unit.code)?
                    .resolve(unit, parent.as_ref(), lang);
            Ok((own, current))
        };
        match read() {
            Ok((own, current)) => {
                self.fill(&current);
                self.defaults = Some(own);
            }
            Err(error) => {
                self.defaults = None;
                self.problem = Some(crate::messages::describe(&error, lang));
            }
        }
    }

    fn fill(&mut self, letterhead: &Letterhead) {
        self.fields = [
            letterhead.office.clone(),
            letterhead.place.clone(),
            letterhead.symbol.clone(),
            letterhead.signing_for.clone(),
            letterhead.signer_title.clone(),
            letterhead.signer_name.clone(),
        ];
        self.recipients = letterhead.recipients.join("\n");
    }

    /// What to store: each field that differs from the unit's own.
    fn settings(&self, defaults: &Letterhead) -> LetterheadSettings {
        let changed = |text: &str, default: &str| {
            let text = text.trim();
            (text != default).then(|| text.to_owned())
        };
        let [
            office,
            place,
            symbol,
            signing_for,
            signer_title,
            signer_name,
        ] = &self.fields;
        let recipients: Vec<String> = self
            .recipients
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        LetterheadSettings {
            office: changed(office, &defaults.office),
            place: changed(place, &defaults.place),
            symbol: changed(symbol, &defaults.symbol),
            signing_for: changed(signing_for, &defaults.signing_for),
            signer_title: changed(signer_title, &defaults.signer_title),
            signer_name: changed(signer_name, &defaults.signer_name),
            recipients: (recipients != defaults.recipients).then_some(recipients),
        }
    }
}

/// "Nơi nhận (mỗi dòng một nơi)".
fn field_name_lines(lang: Lang) -> String {
    rust_i18n::t!(
        "app.letterhead.recipients",
        locale = lang.code(),
        field = Field::Recipients.name(lang)
    )
    .into_owned()
}
