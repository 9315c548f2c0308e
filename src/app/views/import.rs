//! Importing a file in the window: the preview of what it would write, grouped by year and
//! indicator (old value, new value), or every problem that stops it, named by sheet, row and
//! column; what the file says around its table (the ward and year of its title, the columns
//! used, checked and not used, the tables of a Word report to pick from); then one transaction
//! on a worker. Also the progress bar of any job running in the background.

use crate::app::command::{Command, ImportAsk};
use crate::app::jobs::Job;
use crate::app::theme;
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::domain::number::{self, NumberStyle};
use crate::domain::{Lang, Locale};
use crate::import::{CellRef, Preview, Slot, Unsettled};

/// A previewed file waiting for the user's decision.
pub struct Review {
    /// The file and the choices that made this preview.
    pub ask: ImportAsk,
    pub preview: Box<Preview>,
    /// Every problem and warning as a line, written once (a file may have 100,000).
    problems: Vec<String>,
    warnings: Vec<String>,
    /// The values a plausibility rule doubts, a line each.
    flags: Vec<String>,
    /// The change list's lines: each year's heading, then its changes (by index), in the
    /// file's order (indicator by indicator).
    lines: Vec<Line>,
}

/// A line of the change list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    /// A year, and how many of the changes go to it.
    Year(i16, usize),
    Change(usize),
}

impl Review {
    /// The review of a preview, its lines in `lang`.
    pub fn new(ask: ImportAsk, preview: Box<Preview>, lang: Lang) -> Self {
        let lines =
            |list: &[crate::import::Problem]| list.iter().map(|p| p.describe(lang)).collect();
        Self {
            problems: lines(&preview.problems),
            warnings: lines(&preview.warnings),
            flags: lines(&preview.flags),
            lines: grouped(&preview),
            ask,
            preview,
        }
    }

    fn file_name(&self) -> String {
        self.ask
            .file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }
}

/// The changes grouped by year, newest first; within a year in the file's order, so that an
/// indicator's values stand together.
fn grouped(preview: &Preview) -> Vec<Line> {
    let changes = &preview.changes;
    let mut order: Vec<usize> = (0..changes.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(changes[i].year), changes[i].row, i));
    let mut years = preview.years().into_iter();
    let mut lines = Vec::with_capacity(changes.len() + 4);
    let mut year = None;
    for i in order {
        if year != Some(changes[i].year) {
            year = Some(changes[i].year);
            // Both newest first: the next year of the counts is this one.
            let count = years.next().map_or(0, |(_, n)| n);
            lines.push(Line::Year(changes[i].year, count));
        }
        lines.push(Line::Change(i));
    }
    lines
}

/// The change table's columns: heading, width, and whether it holds numbers (right-aligned).
const COLUMNS: [(&str, f32, bool); 7] = [
    ("app.import.col.row", 48.0, true),
    ("app.import.col.ward", 70.0, false),
    ("app.import.col.year", 48.0, false),
    ("app.import.col.indicator", 250.0, false),
    ("app.import.col.slot", 90.0, false),
    ("app.import.col.old", 130.0, true),
    ("app.import.col.new", 130.0, true),
];
/// Height of one line of the preview's lists.
const ROW_HEIGHT: f32 = 20.0;

/// The preview as a modal: the changes (or the problems), the warnings, and the decision.
/// (`ctx` is egui's here: a modal shows over the whole window, not in a view's `Ui`.)
pub fn review_ui(
    ctx: &egui::Context,
    view_ctx: &mut ViewCtx<'_>,
    review: &Review,
    indicator_name: &dyn Fn(&str) -> String,
) {
    let (lang, style) = (view_ctx.lang, view_ctx.style);
    let (palette, commands) = (&view_ctx.palette, &mut *view_ctx.commands);
    let preview = &review.preview;
    let t = |key: &str| tr(lang, key);
    let modal = egui::Modal::new(egui::Id::unique("import-review")).show(ctx, |ui| {
        ui.set_width(820.0_f32.min(ctx.content_rect().width() - 80.0));
        ui.heading(rust_i18n::t!(
            "app.import.title",
            locale = lang.code(),
            file = review.file_name()
        ));
        match &preview.style {
            Ok(found) => {
                ui.label(egui::RichText::new(found.describe(lang)).weak());
            }
            Err(Unsettled::Ask { at }) => style_choice_ui(ui, review, at, (lang, style), commands),
            Err(_) => {}
        }
        context_ui(ui, review, lang, commands);
        ui.add_space(theme::GAP / 2.0);
        let list_height = (ctx.content_rect().height() * 0.5).max(160.0);
        if preview.asks_for_style() {
            // The choice above is all there is to do: nothing was read yet.
        } else if preview.problems.is_empty() {
            if preview.changes.is_empty() {
                ui.label(t("app.import.nothing"));
            } else {
                ui.label(rust_i18n::t!(
                    "app.import.summary",
                    locale = lang.code(),
                    changes = number::format_count(preview.changes.len(), style),
                    unchanged = number::format_count(preview.unchanged, style)
                ));
                let locale = Locale { lang, style };
                changes_ui(ui, review, indicator_name, locale, list_height);
            }
        } else {
            ui.label(
                egui::RichText::new(rust_i18n::t!(
                    "app.import.problems",
                    locale = lang.code(),
                    count = number::format_count(preview.problems.len(), style)
                ))
                .color(palette.error)
                .strong(),
            );
            lines_ui(ui, "import-problems", &review.problems, list_height);
            picks_ui(ui, review, lang, commands);
        }
        if preview.problems.is_empty() && !preview.flags.is_empty() {
            ui.add_space(theme::GAP / 2.0);
            ui.label(
                egui::RichText::new(rust_i18n::t!(
                    "app.import.flags",
                    locale = lang.code(),
                    count = number::format_count(preview.flags.len(), style)
                ))
                .color(palette.warning)
                .strong(),
            );
            lines_ui(ui, "import-flags", &review.flags, 120.0);
        }
        if !preview.warnings.is_empty() {
            ui.add_space(theme::GAP / 2.0);
            ui.label(
                egui::RichText::new(rust_i18n::t!(
                    "app.import.warnings",
                    locale = lang.code(),
                    count = number::format_count(preview.warnings.len(), style)
                ))
                .color(palette.warning),
            );
            lines_ui(ui, "import-warnings", &review.warnings, 100.0);
        }
        ui.add_space(theme::GAP);
        ui.horizontal(|ui| {
            let writable = preview.problems.is_empty() && !preview.changes.is_empty();
            // With flagged values the button says it writes them too: the click is the
            // confirmation.
            let write = if preview.flags.is_empty() {
                rust_i18n::t!(
                    "app.import.write",
                    locale = lang.code(),
                    count = number::format_count(preview.changes.len(), style)
                )
            } else {
                rust_i18n::t!(
                    "app.import.write_flagged",
                    locale = lang.code(),
                    count = number::format_count(preview.changes.len(), style),
                    flagged = number::format_count(preview.flags.len(), style)
                )
            };
            if writable && ui.button(write.into_owned()).clicked() {
                commands.push(Command::ImportWrite);
            }
            let close = if writable {
                t("app.import.cancel")
            } else {
                t("app.import.close")
            };
            ui.button(close).clicked()
        })
        .inner
    });
    if modal.inner || modal.should_close() {
        commands.push(Command::CloseImport);
    }
}

/// The choice of the file's number style, when its numbers read two ways: each button says how
/// the first such cell reads in that style.
fn style_choice_ui(
    ui: &mut egui::Ui,
    review: &Review,
    at: &CellRef,
    (lang, style): (Lang, NumberStyle),
    commands: &mut Vec<Command>,
) {
    ui.label(
        egui::RichText::new(rust_i18n::t!(
            "app.import.style_ask",
            locale = lang.code(),
            cell = at.describe(lang)
        ))
        .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        for choice in NumberStyle::ALL {
            // The cell's first number as this style reads it, written in the user's style.
            let first = at
                .text
                .split(|c: char| c.is_whitespace() || "–—-".contains(c))
                .find(|s| !s.is_empty())
                .unwrap_or_default();
            let reading = number::parse_plain(first, choice)
                .map(|p| number::format_exact(p.value, style))
                .unwrap_or_else(|_| "?".to_owned());
            let label = rust_i18n::t!(
                "app.import.style_read_as",
                locale = lang.code(),
                style = choice.name(lang),
                text = at.text,
                value = reading
            );
            if ui.button(label.into_owned()).clicked() {
                commands.push(Command::ImportPreview(ImportAsk {
                    style: Some(choice),
                    ..review.ask.clone()
                }));
            }
        }
    });
}

/// What the file says around its table: the ward and the year its title names, the table of
/// a Word report (a choice when it holds several), and the columns used, checked and not used.
fn context_ui(ui: &mut egui::Ui, review: &Review, lang: Lang, commands: &mut Vec<Command>) {
    let preview = &review.preview;
    let locale = lang.code();
    let weak = |ui: &mut egui::Ui, text: String| {
        ui.add(egui::Label::new(egui::RichText::new(text).weak()).wrap());
    };
    for line in preview.found(lang) {
        weak(ui, line);
    }
    if preview.tables.len() > 1 {
        let shown = review
            .ask
            .table
            .or_else(|| preview.tables.iter().find(|t| t.readable).map(|t| t.index));
        ui.horizontal(|ui| {
            let name = |index: usize| {
                let table = &preview.tables[index];
                rust_i18n::t!(
                    "app.import.table_item",
                    locale = locale,
                    number = index + 1,
                    rows = table.rows,
                    first = table.first_row
                )
                .into_owned()
            };
            let selected = shown.map(name).unwrap_or_default();
            egui::ComboBox::new("import-table", tr(lang, "app.import.table"))
                .width(560.0)
                .truncate()
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for table in &preview.tables {
                        let chosen = shown == Some(table.index);
                        if ui.selectable_label(chosen, name(table.index)).clicked() && !chosen {
                            commands.push(Command::ImportPreview(ImportAsk {
                                table: Some(table.index),
                                ..review.ask.clone()
                            }));
                        }
                    }
                });
        });
    }
    let columns = &preview.columns;
    if columns.used.is_empty() {
        return;
    }
    let list = crate::import::ColumnUse::listed;
    egui::CollapsingHeader::new(rust_i18n::t!(
        "app.import.columns",
        locale = locale,
        used = columns.used.len(),
        checked = columns.checked.len(),
        unused = columns.unused.len()
    ))
    .id_salt("import-columns")
    .show(ui, |ui| {
        for (key, headings) in [
            ("app.import.columns_used", &columns.used),
            ("app.import.columns_checked", &columns.checked),
            ("app.import.columns_unused", &columns.unused),
        ] {
            weak(
                ui,
                format!("{} {}", tr(lang, key), list(headings.as_slice())),
            );
        }
    });
}

/// A choice for each name the catalogue does not settle, among its candidates: the pick reads
/// the file again with it, and is learnt as the indicator's alias when the import is written.
fn picks_ui(ui: &mut egui::Ui, review: &Review, lang: Lang, commands: &mut Vec<Command>) {
    /// Names offered a choice at once; the rest follow as these are settled.
    const SHOWN: usize = 12;
    let choosable: Vec<_> = review
        .preview
        .unresolved
        .iter()
        .filter(|u| !u.candidates.is_empty())
        .take(SHOWN)
        .collect();
    if choosable.is_empty() {
        return;
    }
    ui.add_space(theme::GAP / 2.0);
    ui.label(egui::RichText::new(tr(lang, "app.import.pick")).strong());
    for unresolved in choosable {
        // The combo box is named by its row, for the screen reader as for the eye.
        let label = rust_i18n::t!(
            "app.import.pick_row",
            locale = lang.code(),
            row = unresolved.row,
            name = unresolved.name
        );
        egui::ComboBox::new(
            ("import-pick", unresolved.name.as_str()),
            label.into_owned(),
        )
        .width(420.0)
        .truncate()
        .selected_text(tr(lang, "app.import.pick_none"))
        .show_ui(ui, |ui| {
            for (code, name) in &unresolved.candidates {
                if ui
                    .selectable_label(false, format!("{name} ({code})"))
                    .clicked()
                {
                    let mut ask = review.ask.clone();
                    ask.map.push((unresolved.name.clone(), code.clone()));
                    commands.push(Command::ImportPreview(ask));
                }
            }
        });
    }
}

/// The changes, one line each under their year, drawn only where visible (a file may hold
/// 100,000 rows).
fn changes_ui(
    ui: &mut egui::Ui,
    review: &Review,
    indicator_name: &dyn Fn(&str) -> String,
    locale: Locale,
    height: f32,
) {
    let lang = locale.lang;
    let changes = &review.preview.changes;
    ui.horizontal(|ui| {
        for (key, width, number) in COLUMNS {
            cell(
                ui,
                width,
                number,
                egui::RichText::new(tr(lang, key)).strong(),
            );
        }
    });
    let slot_name = |slot: Slot| match slot {
        Slot::Plan(_) => tr(lang, "app.entry.plan"),
        Slot::Figure(stage) => stage.name(lang),
    };
    egui::ScrollArea::vertical()
        .id_salt("import-changes")
        .max_height(height)
        .auto_shrink([false, true])
        .show_rows(ui, ROW_HEIGHT, review.lines.len(), |ui, range| {
            for line in &review.lines[range] {
                let change = match *line {
                    Line::Year(year, count) => {
                        let text = rust_i18n::t!(
                            "app.import.year",
                            locale = lang.code(),
                            year = year,
                            count = number::format_count(count, locale.style)
                        );
                        cell(ui, 600.0, false, egui::RichText::new(text).strong());
                        continue;
                    }
                    Line::Change(index) => &changes[index],
                };
                ui.horizontal(|ui| {
                    let texts = [
                        change.row.to_string(),
                        change.ward.to_string(),
                        change.year.to_string(),
                        indicator_name(&change.indicator),
                        slot_name(change.slot),
                        change
                            .old
                            .as_ref()
                            .map_or_else(|| "–".to_owned(), |v| v.text(locale)),
                        change
                            .new
                            .as_ref()
                            .map_or_else(|| "–".to_owned(), |v| v.text(locale)),
                    ];
                    for (text, (_, width, number)) in texts.into_iter().zip(COLUMNS) {
                        cell(ui, width, number, egui::RichText::new(text));
                    }
                });
            }
        });
}

/// Lines of text in a scrolled list: each read whole, wrapped; past `WRAPPED_LINES` (a file with
/// a hundred thousand errors) one row each, cut to the width, whole on hover, so that only the
/// rows in sight are laid out.
fn lines_ui(ui: &mut egui::Ui, id: &str, lines: &[String], height: f32) {
    /// The most lines laid out whole.
    const WRAPPED_LINES: usize = 200;
    let area = egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(height)
        .auto_shrink([false, true]);
    if lines.len() <= WRAPPED_LINES {
        area.show(ui, |ui| {
            for line in lines {
                ui.add(egui::Label::new(line.as_str()).wrap());
            }
        });
        return;
    }
    area.show_rows(ui, ROW_HEIGHT, lines.len(), |ui, range| {
        for line in &lines[range] {
            ui.add(egui::Label::new(line.as_str()).truncate())
                .on_hover_text(line.as_str());
        }
    });
}

/// One cell of a table line: a fixed width, numbers to the right, cut with an ellipsis if
/// longer.
fn cell(ui: &mut egui::Ui, width: f32, number: bool, text: egui::RichText) {
    let layout = if number {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    };
    ui.allocate_ui_with_layout(egui::vec2(width, ROW_HEIGHT), layout, |ui| {
        ui.set_width(width);
        ui.add(egui::Label::new(text).truncate());
    });
}

/// The running job's progress, in a corner over the view; the window stays usable.
pub fn progress_ui(ctx: &egui::Context, job: &Job, style: NumberStyle) {
    egui::Area::new(egui::Id::unique("job-progress"))
        .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -16.0])
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(320.0);
                ui.label(&job.label);
                let (done, total) = job.progress.counts();
                let bar = match job.progress.fraction() {
                    Some(fraction) => {
                        let (done, total) = (
                            number::format_count(done, style),
                            number::format_count(total, style),
                        );
                        egui::ProgressBar::new(fraction).text(format!("{done} / {total}"))
                    }
                    None => egui::ProgressBar::new(0.0).animate(true),
                };
                ui.add(bar);
            });
        });
}

/// The gathering of the wards' files (Nhận báo cáo phường): the year's submissions, who
/// reported and who did not, then the preview of the files read and the decision.
pub struct GatherPanel {
    pub parent: crate::domain::AdminUnit,
    pub year: i16,
    /// Each ward expected that year, with its latest submission.
    pub list: Vec<crate::gather::WardSubmission>,
    /// The files read, waiting for the user's decision.
    pub preview: Option<Box<crate::gather::Gathering>>,
    /// The preview's lines: a ward-year each.
    lines: Vec<String>,
    /// A folder or file typed where no dialog opens.
    path: String,
}

impl GatherPanel {
    /// The panel on `year`'s submissions to the database's province.
    pub fn new(store: &crate::store::Store, year: i16) -> anyhow::Result<Self> {
        let parent = crate::gather::parent(store, None)?;
        let list = crate::gather::submissions(store, &parent, year)?;
        Ok(Self {
            parent,
            year,
            list,
            preview: None,
            lines: Vec::new(),
            path: String::new(),
        })
    }

    /// Reads the submissions again (another year, or after a gathering).
    pub fn reload(&mut self, store: &crate::store::Store, year: i16) -> anyhow::Result<()> {
        self.list = crate::gather::submissions(store, &self.parent, year)?;
        self.year = year;
        Ok(())
    }

    /// Shows a preview, its lines in `lang`.
    pub fn set_preview(
        &mut self,
        gathering: Box<crate::gather::Gathering>,
        lang: Lang,
        style: NumberStyle,
    ) {
        self.lines = crate::gather::ward_lines(&gathering, lang, style);
        self.preview = Some(gathering);
    }
}

/// The button that opens the gathering, beside the import's.
pub fn gather_button_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    if ui
        .button(tr(ctx.lang, "app.gather.button"))
        .on_hover_text(tr(ctx.lang, "app.gather.hint"))
        .clicked()
    {
        ctx.commands.push(Command::OpenGather);
    }
}

/// The submissions' columns: heading and width.
const GATHER_COLUMNS: [(&str, f32); 5] = [
    ("gather.col.ward", 230.0),
    ("gather.col.state", 80.0),
    ("gather.col.file", 200.0),
    ("gather.col.received", 130.0),
    ("gather.col.values", 90.0),
];

/// The gathering as a modal: the year's submissions ("Đã nhận 42/45 phường", the missing
/// named), the choice of files, and the preview of those read.
pub fn gather_ui(ctx: &egui::Context, view_ctx: &mut ViewCtx<'_>, panel: &mut GatherPanel) {
    let (lang, style) = (view_ctx.lang, view_ctx.style);
    let (palette, commands) = (&view_ctx.palette, &mut *view_ctx.commands);
    let t = |key: &str| tr(lang, key);
    let modal = egui::Modal::new(egui::Id::unique("gather")).show(ctx, |ui| {
        ui.set_width(820.0_f32.min(ctx.content_rect().width() - 80.0));
        ui.horizontal(|ui| {
            ui.heading(rust_i18n::t!(
                "app.gather.title",
                locale = lang.code(),
                parent = panel.parent.name
            ));
            let year_label = ui.label(t("app.year"));
            egui::ComboBox::from_id_salt("gather-year")
                .selected_text(panel.year.to_string())
                .width(80.0)
                .show_ui(ui, |ui| {
                    let this_year = crate::app::session::this_year();
                    for year in (this_year - 20..=this_year).rev() {
                        if ui
                            .selectable_label(year == panel.year, year.to_string())
                            .clicked()
                            && year != panel.year
                        {
                            commands.push(Command::GatherYear(year));
                        }
                    }
                })
                .response
                .labelled_by(year_label.id);
        });
        submissions_ui(ui, panel, (lang, style), palette);
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button(t("app.gather.folder")).clicked() {
                match rfd::FileDialog::new().pick_folder() {
                    Some(folder) => commands.push(Command::GatherPreview(vec![folder])),
                    None => panel.path.clear(),
                }
            }
            let label = ui.label(t("app.gather.path"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut panel.path).desired_width(300.0))
                .labelled_by(label.id);
            let path = panel.path.trim().to_owned();
            let go = ui
                .add_enabled(!path.is_empty(), egui::Button::new(t("app.gather.read")))
                .clicked();
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (go || entered) && !path.is_empty() {
                commands.push(Command::GatherPreview(vec![path.into()]));
            }
        });
        if let Some(preview) = &panel.preview {
            gather_preview_ui(ui, preview, &panel.lines, (lang, style), palette, commands);
        }
        ui.add_space(theme::GAP / 2.0);
        ui.button(t("app.import.close")).clicked()
    });
    if modal.inner || modal.should_close() {
        commands.push(Command::CloseGather);
    }
}

/// The year's submissions: the summary line, then a line per ward expected.
fn submissions_ui(
    ui: &mut egui::Ui,
    panel: &GatherPanel,
    (lang, style): (Lang, NumberStyle),
    palette: &theme::Palette,
) {
    let received = panel.list.iter().filter(|w| w.latest.is_some()).count();
    let summary = rust_i18n::t!(
        "gather.summary",
        locale = lang.code(),
        received = number::format_count(received, style),
        expected = number::format_count(panel.list.len(), style)
    );
    ui.label(egui::RichText::new(summary).strong().size(18.0));
    let missing: Vec<&str> = panel
        .list
        .iter()
        .filter(|w| w.latest.is_none())
        .map(|w| w.name.as_str())
        .collect();
    if !missing.is_empty() {
        let line = rust_i18n::t!(
            "gather.missing",
            locale = lang.code(),
            wards = missing.join(", ")
        );
        ui.add(egui::Label::new(egui::RichText::new(line).color(palette.warning)).wrap());
    }
    ui.horizontal(|ui| {
        for (key, width) in GATHER_COLUMNS {
            cell(
                ui,
                width,
                key == "gather.col.values",
                egui::RichText::new(tr(lang, key)).strong(),
            );
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("gather-list")
        .max_height(220.0)
        .auto_shrink([false, true])
        .show_rows(ui, ROW_HEIGHT, panel.list.len(), |ui, range| {
            for ward in &panel.list[range] {
                ui.horizontal(|ui| {
                    let (state, color) = match &ward.latest {
                        Some(_) => (tr(lang, "gather.received"), palette.exceeded),
                        None => (tr(lang, "gather.not_received"), palette.not_met),
                    };
                    let latest = ward.latest.as_ref();
                    let texts = [
                        egui::RichText::new(format!("{} ({})", ward.name, ward.code)),
                        egui::RichText::new(state).color(color),
                        egui::RichText::new(
                            latest.map(|s| s.file_name.clone()).unwrap_or_default(),
                        ),
                        egui::RichText::new(
                            latest
                                .map(|s| crate::gather::day(s.received_at))
                                .unwrap_or_default(),
                        ),
                        egui::RichText::new(
                            latest
                                .map(|s| number::format_count(s.values, style))
                                .unwrap_or_default(),
                        ),
                    ];
                    for (text, (key, width)) in texts.into_iter().zip(GATHER_COLUMNS) {
                        cell(ui, width, key == "gather.col.values", text);
                    }
                });
            }
        });
}

/// The preview of the files read: what stops it, what is worth a look, a line per ward-year,
/// and the decision.
fn gather_preview_ui(
    ui: &mut egui::Ui,
    preview: &crate::gather::Gathering,
    lines: &[String],
    (lang, style): (Lang, NumberStyle),
    palette: &theme::Palette,
    commands: &mut Vec<Command>,
) {
    let count = |n: usize| number::format_count(n, style);
    let taken = preview.ward_years.iter().filter(|w| w.taken()).count();
    ui.label(
        egui::RichText::new(rust_i18n::t!(
            "app.gather.preview",
            locale = lang.code(),
            files = count(preview.files.len()),
            wards = count(taken),
            changes = count(preview.changes()),
            unchanged = count(preview.unchanged)
        ))
        .strong(),
    );
    if !preview.problems.is_empty() {
        ui.label(
            egui::RichText::new(rust_i18n::t!(
                "app.import.problems",
                locale = lang.code(),
                count = count(preview.problems.len())
            ))
            .color(palette.error)
            .strong(),
        );
        lines_ui(ui, "gather-problems", &preview.problems, 100.0);
    }
    if !preview.warnings.is_empty() {
        ui.label(
            egui::RichText::new(rust_i18n::t!(
                "app.import.warnings",
                locale = lang.code(),
                count = count(preview.warnings.len())
            ))
            .color(palette.warning),
        );
        lines_ui(ui, "gather-warnings", &preview.warnings, 80.0);
    }
    lines_ui(ui, "gather-lines", lines, 160.0);
    ui.horizontal(|ui| {
        if preview.writes() {
            // Values a plausibility rule doubts are listed above; the button says it writes
            // them too, as the import's does.
            let key = if preview.flagged > 0 {
                "app.gather.write_flagged"
            } else {
                "app.gather.write"
            };
            let write = rust_i18n::t!(
                key,
                locale = lang.code(),
                wards = count(taken),
                changes = count(preview.changes()),
                flagged = count(preview.flagged)
            );
            if ui.button(write.into_owned()).clicked() {
                commands.push(Command::GatherWrite);
            }
        } else if preview.problems.is_empty() {
            ui.label(tr(lang, "gather.nothing"));
        }
    });
}
