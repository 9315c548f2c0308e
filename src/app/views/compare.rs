//! So sánh: the wards under a province (or a city) side by side for a year, for leaders. A
//! table with wards as rows and indicators as columns, each cell the % of plan in its status's
//! colour (the word on hover); a click on a heading sorts by it (again: the other way), a click
//! on a ward opens its dashboard. Only the rows and columns in sight are drawn, the ward names
//! and the header stay put while scrolling, so 3,300 wards draw as fast as 30. Above it, one
//! indicator across the wards as a sorted bar chart with the 100% line. The wards' reports are
//! read on a worker ([`crate::app::jobs::compare`]); the view never reads the database.

use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, pos2, vec2};
use egui_plot::{Bar, BarChart, HLine, Plot};
use rust_decimal::prelude::ToPrimitive as _;

use crate::app::command::Command;
use crate::app::session::Session;
use crate::app::theme::{self, Palette};
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::app::widgets::axis;
use crate::domain::compare::{Cell, Comparison, Ranked, Sort, SortKey};
use crate::domain::report;
use crate::domain::{AdminUnit, Level, Status, number};
use crate::export::compare::Format;

/// Height of a row of the table.
const ROW_HEIGHT: f32 = 26.0;
/// Height of the header, room for an indicator's name on three lines.
const HEADER_HEIGHT: f32 = 58.0;
/// The row number's column.
const NUMBER_WIDTH: f32 = 48.0;
/// The ward names' column.
const WARD_WIDTH: f32 = 280.0;
/// An indicator's column.
const CELL_WIDTH: f32 = 104.0;
/// The ranking chart's height.
const CHART_HEIGHT: f32 = 200.0;
/// Up to this many bars, each is labelled with its ward's name.
const NAMED_BARS: usize = 30;
/// The size of a header's text.
const HEADER_TEXT: f32 = 12.5;

/// The wards compared, as the worker read them.
pub struct Loaded {
    pub parent: AdminUnit,
    pub comparison: Comparison,
}

/// The view's state: the units to choose from, the comparison shown, its sort and the
/// indicator charted.
#[derive(Default)]
pub struct Compare {
    /// The provinces and cities, read once the view is first shown.
    pub parents: Vec<AdminUnit>,
    /// The parent and year asked for (and being read, until `loaded` is theirs).
    pub wanted: Option<(String, i16)>,
    pub loaded: Option<Loaded>,
    /// The last reading failed (the notice says why): nothing is being read.
    pub failed: bool,
    pub sort: Sort,
    /// The rows' indices in the sort's order.
    order: Vec<usize>,
    /// The indicator (column) charted.
    charted: Option<usize>,
    ranking: Vec<Ranked>,
    /// The bars' words, made once per ranking and language rather than every frame.
    labels: Option<Labels>,
    /// The path typed where no file dialog can open, and for which format.
    typed: Option<(Format, String)>,
    /// The database the comparison was read from: another one opened, it is read again.
    db: Option<std::path::PathBuf>,
    /// The session's revision the comparison was asked at: a save, an import or a gathering
    /// since reads it again.
    revision: Option<u64>,
}

impl Compare {
    /// Takes a comparison the worker read: sorted as the table was, charting the indicator the
    /// table is sorted by, else the first.
    pub fn show(&mut self, loaded: Loaded) {
        let columns = loaded.comparison.indicators.len();
        if let SortKey::Indicator(column) = self.sort.key
            && column >= columns
        {
            self.sort = Sort::default();
        }
        self.charted = match self.sort.key {
            SortKey::Indicator(column) => Some(column),
            SortKey::Ward => self.charted.filter(|c| *c < columns).or(Some(0)),
        }
        .filter(|c| *c < columns);
        self.loaded = Some(loaded);
        self.resort();
    }

    /// Sorts the rows again and ranks the charted indicator.
    fn resort(&mut self) {
        let Some(loaded) = &self.loaded else {
            return;
        };
        self.order = loaded.comparison.order(self.sort);
        self.ranking = self
            .charted
            .map(|c| loaded.comparison.ranking(c))
            .unwrap_or_default();
        self.labels = None;
    }

    /// The rows in the order shown (for exports).
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
        let lang = ctx.lang;
        if self.db.as_deref() != Some(session.store.path()) {
            *self = Self {
                db: Some(session.store.path().to_path_buf()),
                ..Self::default()
            };
        }
        // Values changed since the comparison was read (a save, an import, wards gathered):
        // the same parent and year are read again.
        if self.revision != Some(session.revision) {
            if self.revision.is_some()
                && !self.failed
                && let Some((code, year)) = &self.wanted
            {
                ctx.commands.push(Command::LoadComparison {
                    parent: (!code.is_empty()).then(|| code.clone()),
                    year: *year,
                });
            }
            self.revision = Some(session.revision);
        }
        // The first time the view shows, it asks for the shown ward's province, this year.
        if self.wanted.is_none() {
            ctx.commands.push(Command::LoadComparison {
                parent: None,
                year: session.year,
            });
            self.wanted = Some((String::new(), session.year));
        }
        self.pickers_ui(ui, ctx, session);
        let Some(loaded) = &self.loaded else {
            let key = if self.failed {
                "app.compare.failed"
            } else {
                "app.compare.reading"
            };
            ui.label(tr(lang, key));
            return;
        };
        if loaded.comparison.rows.is_empty() {
            ui.label(rust_i18n::t!(
                "app.compare.empty",
                locale = lang.code(),
                name = loaded.parent.name,
                year = loaded.comparison.year
            ));
            return;
        }
        if loaded.comparison.indicators.is_empty() {
            ui.label(rust_i18n::t!(
                "app.compare.no_figures",
                locale = lang.code(),
                year = loaded.comparison.year
            ));
        }
        self.chart_ui(ui, ctx);
        ui.add_space(theme::GAP / 2.0);
        self.table_ui(ui, ctx);
    }

    /// The parent and the year, the line saying what is shown, and the exports.
    fn pickers_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
        let lang = ctx.lang;
        let (code, year) = self.wanted.clone().unwrap_or((String::new(), session.year));
        let shown = self
            .loaded
            .as_ref()
            .map(|l| (l.parent.clone(), l.comparison.year, l.comparison.rows.len()));
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr(lang, "app.compare.parent"));
            let name = shown
                .as_ref()
                .map_or_else(String::new, |(p, _, _)| p.name.clone());
            egui::ComboBox::from_id_salt("compare-parent")
                .selected_text(name)
                .width(260.0)
                .show_ui(ui, |ui| {
                    for unit in self.parents.iter().filter(|u| u.valid_in(year)) {
                        let text = match unit.level {
                            Level::Province => unit.name.clone(),
                            _ => format!("   {}", unit.name),
                        };
                        if ui.selectable_label(unit.code == code, text).clicked()
                            && unit.code != code
                        {
                            ctx.commands.push(Command::LoadComparison {
                                parent: Some(unit.code.clone()),
                                year,
                            });
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label(tr(lang, "app.year"));
            egui::ComboBox::from_id_salt("compare-year")
                .selected_text(year.to_string())
                .width(80.0)
                .show_ui(ui, |ui| {
                    let this_year = crate::app::session::this_year();
                    let mut years: Vec<i16> = ((this_year - 10)..=this_year).collect();
                    years.extend(session.years.iter().copied());
                    years.sort_unstable_by(|a, b| b.cmp(a));
                    years.dedup();
                    for y in years {
                        if ui.selectable_label(y == year, y.to_string()).clicked() && y != year {
                            ctx.commands.push(Command::LoadComparison {
                                parent: (!code.is_empty()).then(|| code.clone()),
                                year: y,
                            });
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            if ui.button(tr(lang, "app.compare.reload")).clicked() {
                ctx.commands.push(Command::LoadComparison {
                    parent: (!code.is_empty()).then(|| code.clone()),
                    year,
                });
            }
            if let Some((parent, year, _)) = &shown {
                ui.separator();
                self.export_ui(ui, ctx, parent, *year);
            }
        });
        if let Some((parent, year, wards)) = &shown {
            let line = crate::export::compare::parent_line(parent, *wards, ctx.locale());
            let line = format!("{year}: {line}");
            ui.label(egui::RichText::new(line).strong());
        }
    }

    /// Excel and PDF through the system's save dialog, or a typed path where none opens.
    fn export_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        parent: &AdminUnit,
        year: i16,
    ) {
        let lang = ctx.lang;
        for (format, key) in [
            (Format::Xlsx, "app.compare.export_xlsx"),
            (Format::Pdf, "app.compare.export_pdf"),
        ] {
            let file_name = format!("so-sanh-{year}-{}.{}", parent.code, format.extension());
            if ui.button(tr(lang, key)).clicked() {
                let chosen = rfd::FileDialog::new()
                    .set_file_name(&file_name)
                    .add_filter(format.extension(), &[format.extension()])
                    .save_file();
                match chosen {
                    Some(path) => ctx
                        .commands
                        .push(Command::ExportComparison { format, path }),
                    None => self.typed = Some((format, file_name)),
                }
            }
        }
        if let Some((format, path)) = &mut self.typed {
            ui.add(egui::TextEdit::singleline(path).desired_width(240.0));
            let path = path.trim().to_owned();
            if ui
                .add_enabled(
                    !path.is_empty(),
                    egui::Button::new(tr(lang, "app.export.to_path")),
                )
                .clicked()
            {
                ctx.commands.push(Command::ExportComparison {
                    format: *format,
                    path: path.into(),
                });
                self.typed = None;
            }
        }
    }

    /// One indicator across the wards, highest % first, with the 100% line.
    fn chart_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let lang = ctx.lang;
        let Some(loaded) = &self.loaded else {
            return;
        };
        let comparison = &loaded.comparison;
        let mut charted = self.charted;
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "app.compare.chart"));
            let name = |c: usize| comparison.indicators[c].name(lang).to_owned();
            egui::ComboBox::from_id_salt("compare-indicator")
                .selected_text(charted.map(name).unwrap_or_default())
                .width(360.0)
                .show_ui(ui, |ui| {
                    for c in 0..comparison.indicators.len() {
                        ui.selectable_value(&mut charted, Some(c), name(c));
                    }
                })
                .response
                .labelled_by(label.id);
            if let Some(c) = charted {
                let counts = comparison.status_counts(c);
                let style = ctx.style;
                // English counts one ward and many wards.
                let key = if self.ranking.len() == 1 {
                    "app.compare.counts_one"
                } else {
                    "app.compare.counts"
                };
                let text = rust_i18n::t!(
                    key,
                    locale = lang.code(),
                    charted = number::format_count(self.ranking.len(), style),
                    exceeded = number::format_count(counts[0], style),
                    met = number::format_count(counts[1], style),
                    not_met = number::format_count(counts[2], style)
                );
                ui.label(text);
            }
        });
        if charted != self.charted {
            self.charted = charted;
            self.resort();
        }
        let Some(column) = self.charted else {
            return;
        };
        let Some(loaded) = &self.loaded else {
            return;
        };
        let comparison = &loaded.comparison;
        let locale = ctx.locale();
        let labels = match self.labels.take() {
            Some(labels) if labels.locale == (locale.lang, locale.style) => labels,
            _ => Labels::new(comparison, &self.ranking, locale),
        };
        ranking_chart_ui(ui, ctx, column, &self.ranking, &labels);
        self.labels = Some(labels);
    }

    /// The table: only the rows and columns in sight, names and header frozen.
    fn table_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(loaded) = &self.loaded else {
            return;
        };
        let comparison = &loaded.comparison;
        let columns = comparison.indicators.len();
        let frozen = NUMBER_WIDTH + WARD_WIDTH;
        #[allow(clippy::cast_precision_loss)]
        let size = vec2(
            frozen + CELL_WIDTH * columns as f32,
            HEADER_HEIGHT + ROW_HEIGHT * self.order.len() as f32,
        );
        let mut clicked: Option<Click> = None;
        egui::ScrollArea::both()
            .id_salt("compare-table")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                let (content, _) = ui.allocate_exact_size(size, Sense::hover());
                let grid = Grid {
                    origin: content.min,
                    viewport,
                    palette: ctx.palette,
                    visuals: ui.visuals().clone(),
                };
                clicked = grid.draw(ui, ctx, comparison, &self.order, self.sort);
            });
        match clicked {
            Some(Click::Heading(key)) => {
                self.sort = self.sort.clicked(key);
                if let SortKey::Indicator(column) = key {
                    self.charted = Some(column);
                }
                self.resort();
            }
            Some(Click::Ward(row)) => {
                let unit = &comparison.rows[row].unit;
                ctx.commands.push(Command::OpenWard {
                    code: unit.code.clone(),
                    year: comparison.year,
                });
            }
            None => {}
        }
    }
}

/// The words of the ranking's bars: each one's tooltip, and the wards' short names where the
/// bars are few enough to be named.
struct Labels {
    locale: (crate::domain::Lang, number::NumberStyle),
    tooltips: Vec<String>,
    names: Vec<String>,
}

impl Labels {
    fn new(comparison: &Comparison, ranking: &[Ranked], locale: crate::domain::Locale) -> Self {
        let tooltips = ranking
            .iter()
            .map(|r| {
                let ward = &comparison.rows[r.row].unit.name;
                let percent = number::format_percent(r.percent, locale.style);
                format!("{ward}: {percent} — {}", r.status.word(locale.lang))
            })
            .collect();
        let names = if ranking.len() <= NAMED_BARS {
            ranking
                .iter()
                .map(|r| {
                    let name = &comparison.rows[r.row].unit.name;
                    // "Phường X (dữ liệu giả lập)": the mark is the bar's tooltip's.
                    name.split(" (").next().unwrap_or(name).to_owned()
                })
                .collect()
        } else {
            Vec::new()
        };
        Self {
            locale: (locale.lang, locale.style),
            tooltips,
            names,
        }
    }
}

/// What a click in the table asks for.
enum Click {
    Heading(SortKey),
    Ward(usize),
}

/// The table drawn into its scroll area: where its top left lies on the screen and which part
/// of it (in its own coordinates) is in sight.
struct Grid {
    origin: egui::Pos2,
    viewport: Rect,
    palette: Palette,
    visuals: egui::Visuals,
}

impl Grid {
    /// A rectangle of the table, in its coordinates, on the screen.
    fn on_screen(&self, x: f32, y: f32, width: f32, height: f32) -> Rect {
        Rect::from_min_size(self.origin + vec2(x, y), vec2(width, height))
    }

    #[allow(clippy::too_many_lines)]
    fn draw(
        &self,
        ui: &mut egui::Ui,
        ctx: &ViewCtx<'_>,
        comparison: &Comparison,
        order: &[usize],
        sort: Sort,
    ) -> Option<Click> {
        let lang = ctx.lang;
        let style = ctx.style;
        let painter = ui.painter().clone();
        let view = self.viewport;
        let frozen = NUMBER_WIDTH + WARD_WIDTH;
        let text_colour = self.visuals.text_color();
        let background = self.visuals.panel_fill;
        let header_fill = self.visuals.faint_bg_color;
        let stripe = self.visuals.faint_bg_color;
        let line = Stroke::new(1.0, self.visuals.widgets.noninteractive.bg_stroke.color);
        let body_font = FontId::proportional(14.0);
        let strong_font = FontId::proportional(14.5);
        let mut clicked = None;

        // The rows and columns in sight.
        let rows = visible(
            view.min.y - HEADER_HEIGHT,
            view.max.y - HEADER_HEIGHT,
            ROW_HEIGHT,
            order.len(),
        );
        let cols = visible(
            view.min.x - frozen,
            view.max.x - frozen,
            CELL_WIDTH,
            comparison.indicators.len(),
        );
        // Where cells can be hovered and clicked: not under the frozen names or header.
        let body = Rect::from_min_max(
            self.origin + vec2(view.min.x + frozen, view.min.y + HEADER_HEIGHT),
            self.origin + view.max.to_vec2(),
        );

        #[allow(clippy::cast_precision_loss)]
        let row_y = |n: usize| HEADER_HEIGHT + ROW_HEIGHT * n as f32;
        #[allow(clippy::cast_precision_loss)]
        let col_x = |c: usize| frozen + CELL_WIDTH * c as f32;

        // The cells.
        for n in rows.clone() {
            let ward = &comparison.rows[order[n]];
            let y = row_y(n);
            if n % 2 == 1 {
                painter.rect_filled(
                    self.on_screen(view.min.x, y, view.width(), ROW_HEIGHT),
                    0.0,
                    stripe,
                );
            }
            for c in cols.clone() {
                let cell = ward.cells[c];
                let rect = self.on_screen(col_x(c), y, CELL_WIDTH, ROW_HEIGHT);
                let (text, font) = cell_text(cell, lang, style);
                let colour = self.palette.status(cell.status);
                let font = if font {
                    strong_font.clone()
                } else {
                    body_font.clone()
                };
                painter.text(
                    rect.right_center() - vec2(10.0, 0.0),
                    Align2::RIGHT_CENTER,
                    &text,
                    font,
                    colour,
                );
                let hit = rect.intersect(body);
                if hit.is_positive() {
                    let id = egui::Id::unique(("compare-cell", n, c));
                    let response = ui.interact(hit, id, Sense::hover());
                    response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
                    response.on_hover_text(hover_text(comparison, ward, c, cell, lang, style));
                }
            }
        }

        // The frozen names, over the cells scrolled under them.
        let names = self.on_screen(
            view.min.x,
            view.min.y + HEADER_HEIGHT,
            frozen,
            view.height(),
        );
        painter.rect_filled(names, 0.0, background);
        for n in rows {
            let ward = &comparison.rows[order[n]];
            let y = row_y(n);
            if n % 2 == 1 {
                painter.rect_filled(
                    self.on_screen(view.min.x, y, frozen, ROW_HEIGHT),
                    0.0,
                    stripe,
                );
            }
            let number = self.on_screen(view.min.x, y, NUMBER_WIDTH, ROW_HEIGHT);
            painter.text(
                number.right_center() - vec2(8.0, 0.0),
                Align2::RIGHT_CENTER,
                (n + 1).to_string(),
                body_font.clone(),
                self.palette.missing,
            );
            let rect = self.on_screen(view.min.x + NUMBER_WIDTH, y, WARD_WIDTH, ROW_HEIGHT);
            let hit = rect.intersect(Rect::from_min_max(names.min, names.max));
            if !hit.is_positive() {
                continue;
            }
            let id = egui::Id::unique(("compare-ward", n));
            let response = ui.interact(hit, id, Sense::click());
            response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &ward.unit.name));
            let colour = if response.hovered() {
                self.visuals.hyperlink_color
            } else {
                text_colour
            };
            let name = fitted(&painter, &ward.unit.name, &body_font, WARD_WIDTH - 12.0);
            painter.text(
                rect.left_center() + vec2(6.0, 0.0),
                Align2::LEFT_CENTER,
                name,
                body_font.clone(),
                colour,
            );
            if response.hovered() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            }
            if response
                .on_hover_text(tr(lang, "app.compare.open_ward"))
                .clicked()
            {
                clicked = Some(Click::Ward(order[n]));
            }
        }
        painter.line_segment(
            [
                self.origin + vec2(view.min.x + frozen, view.min.y),
                self.origin + vec2(view.min.x + frozen, view.max.y),
            ],
            line,
        );

        // The frozen header, over everything scrolled under it.
        let header = self.on_screen(view.min.x, view.min.y, view.width(), HEADER_HEIGHT);
        painter.rect_filled(header, 0.0, background);
        painter.rect_filled(header, 0.0, header_fill);
        let header_font = FontId::proportional(HEADER_TEXT);
        for c in cols {
            let rect = self.on_screen(col_x(c), view.min.y, CELL_WIDTH, HEADER_HEIGHT);
            let hit = rect.intersect(Rect::from_min_max(
                self.origin + vec2(view.min.x + frozen, view.min.y),
                header.max,
            ));
            if !hit.is_positive() {
                continue;
            }
            let indicator = &comparison.indicators[c];
            let key = SortKey::Indicator(c);
            let title = indicator.name(lang);
            if self.heading(
                ui,
                &painter,
                hit,
                rect,
                title,
                &header_font,
                sort,
                key,
                ("heading", c),
            ) {
                clicked = Some(Click::Heading(key));
            }
        }
        let corner = self.on_screen(view.min.x, view.min.y, frozen, HEADER_HEIGHT);
        painter.rect_filled(corner, 0.0, background);
        painter.rect_filled(corner, 0.0, header_fill);
        let ward_heading = self.on_screen(
            view.min.x + NUMBER_WIDTH,
            view.min.y,
            WARD_WIDTH,
            HEADER_HEIGHT,
        );
        painter.text(
            corner.left_center() + vec2(8.0, 0.0),
            Align2::LEFT_CENTER,
            tr(lang, "app.compare.number"),
            header_font.clone(),
            text_colour,
        );
        let title = tr(lang, "app.compare.ward");
        if self.heading(
            ui,
            &painter,
            ward_heading,
            ward_heading,
            &title,
            &header_font,
            sort,
            SortKey::Ward,
            ("heading", usize::MAX),
        ) {
            clicked = Some(Click::Heading(SortKey::Ward));
        }
        painter.line_segment([header.left_bottom(), header.right_bottom()], line);
        clicked
    }

    /// A heading that sorts when clicked, marked with a small triangle when the table is
    /// sorted by it; true when clicked.
    #[allow(clippy::too_many_arguments)]
    fn heading(
        &self,
        ui: &mut egui::Ui,
        painter: &egui::Painter,
        hit: Rect,
        rect: Rect,
        title: &str,
        font: &FontId,
        sort: Sort,
        key: SortKey,
        salt: (&str, usize),
    ) -> bool {
        let id = egui::Id::unique(("compare", salt));
        let response = ui.interact(hit, id, Sense::click());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, title));
        let colour = if response.hovered() {
            self.visuals.hyperlink_color
        } else {
            self.visuals.strong_text_color()
        };
        let wrap = egui::text::LayoutJob::simple(
            title.to_owned(),
            font.clone(),
            colour,
            rect.width() - 16.0,
        );
        let mut job = wrap;
        job.wrap.max_rows = 3;
        let galley = painter.layout_job(job);
        let at = pos2(rect.min.x + 6.0, rect.center().y - galley.size().y / 2.0);
        painter.galley(at, galley, colour);
        if sort.key == key {
            // A triangle rather than an arrow glyph, which the window's font may lack.
            let tip = pos2(rect.max.x - 7.0, rect.max.y - 9.0);
            let (a, b, c) = match sort.order {
                crate::domain::compare::Order::Descending => {
                    (tip + vec2(-4.0, -5.0), tip + vec2(4.0, -5.0), tip)
                }
                crate::domain::compare::Order::Ascending => (
                    tip + vec2(0.0, -5.0),
                    tip + vec2(-4.0, 0.0),
                    tip + vec2(4.0, 0.0),
                ),
            };
            painter.add(egui::Shape::convex_polygon(
                vec![a, b, c],
                colour,
                Stroke::NONE,
            ));
        }
        if response.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        response.on_hover_text(title).clicked()
    }
}

/// The items of `count`, each `step` long, that lie between `from` and `to`.
fn visible(from: f32, to: f32, step: f32, count: usize) -> std::ops::Range<usize> {
    // Screen offsets over a row's height: small positive numbers.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let index = |at: f32| ((at / step).max(0.0) as usize).min(count);
    index(from)..(index(to) + 1).min(count)
}

/// A name cut with "…" to fit `width`.
fn fitted(painter: &egui::Painter, name: &str, font: &FontId, width: f32) -> String {
    let fits = |text: &str| {
        painter
            .layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE)
            .size()
            .x
            <= width
    };
    if fits(name) {
        return name.to_owned();
    }
    let mut chars: Vec<char> = name.chars().collect();
    while chars.len() > 1 {
        chars.pop();
        let cut: String = chars.iter().collect();
        let cut = format!("{}…", cut.trim_end());
        if fits(&cut) {
            return cut;
        }
    }
    name.to_owned()
}

/// A cell's text (its %, or a dash) and whether it is set strong (off the plan either way).
fn cell_text(cell: Cell, lang: crate::domain::Lang, style: number::NumberStyle) -> (String, bool) {
    let strong = matches!(cell.status, Status::Exceeded | Status::NotMet);
    match report::percent_text(cell.percent, style) {
        Some(text) => (text, strong),
        None if cell.status == Status::Exceeded => (cell.status.word(lang), true),
        None => ("–".to_owned(), false),
    }
}

/// What a cell says on hover: the ward, the indicator, the % and the status in words.
fn hover_text(
    comparison: &Comparison,
    ward: &crate::domain::compare::WardRow,
    column: usize,
    cell: Cell,
    lang: crate::domain::Lang,
    style: number::NumberStyle,
) -> String {
    let indicator = &comparison.indicators[column];
    let percent = report::percent_text(cell.percent, style)
        .map(|p| format!("{p} — "))
        .unwrap_or_default();
    format!(
        "{}\n{}\n{percent}{}",
        ward.unit.name,
        indicator.name(lang),
        cell.status.word(lang)
    )
}

/// The ranking of one indicator as bars, best first, coloured by status, with the 100% line.
fn ranking_chart_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    column: usize,
    ranking: &[Ranked],
    labels: &Labels,
) {
    let palette = ctx.palette;
    let style = ctx.style;
    let bars: Vec<Bar> = ranking
        .iter()
        .zip(&labels.tooltips)
        .enumerate()
        .map(|(x, (r, tooltip))| {
            #[allow(clippy::cast_precision_loss)]
            let x = x as f64;
            Bar::new(x, r.percent.to_f64().unwrap_or_default())
                .width(0.8)
                .fill(palette.status(r.status))
                .name(tooltip)
        })
        .collect();
    let top = ranking
        .first()
        .and_then(|r| r.percent.to_f64())
        .unwrap_or(theme::TARGET_PERCENT)
        .max(theme::TARGET_PERCENT);
    #[allow(clippy::cast_precision_loss)]
    let count = ranking.len().max(4) as f64;
    let target = rust_i18n::t!("app.chart.target", locale = ctx.lang.code()).into_owned();
    let id = format!("compare-chart-{column}");
    Plot::new(id)
        .height(CHART_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .include_y(0.0)
        .include_y(top * 1.1)
        .include_x(-0.6)
        .include_x(count - 0.4)
        .show_grid([false, true])
        .custom_x_axes(vec![axis::bar_names(
            &labels.names,
            ranking.len(),
            ui.available_width(),
        )])
        .y_axis_formatter(move |mark, _| {
            let value = rust_decimal::Decimal::from_f64_retain(mark.value).unwrap_or_default();
            number::format_percent(value.round_dp(0), style)
        })
        .label_formatter(|_| None)
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(
                BarChart::new("ranking", bars)
                    .element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
            plot_ui.hline(
                HLine::new(target, theme::TARGET_PERCENT)
                    .color(palette.target_line)
                    .width(2.0),
            );
        });
}
