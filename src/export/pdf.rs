//! The year's report as an A4 PDF to print or send: the title, the report table grouped by
//! category under Roman-numbered headings (header repeated on each page), the % of plan chart,
//! the report sentences, and "page N of M". Pages are laid out first as shapes (the chart's own
//! vocabulary), then drawn on a krilla page through the [`Surface`](draw::Surface) the PNG draws
//! on too; krilla embeds the subset of Noto Sans they use, so the Vietnamese text is real,
//! selectable and searchable text.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};

use super::WardYear;
use super::chart::{self, Anchor, Rgb, Shape, colour};
use super::draw::{self, TextStyle};
use super::font::{self, BOLD, Faces, REGULAR, Weight};
use crate::domain::number::NumberStyle;
use crate::domain::report::{self, ReportRow};
use crate::domain::report_words::{self, Column};
use crate::domain::{Category, Lang, Locale};

// The page's measures, in points (1/72 inch). A name ending in `_EM` is a multiple of the size
// of the text it goes with.

/// A4 portrait.
const PAGE: (f32, f32) = (595.28, 841.89);
/// The margin on every side; the footer sits in the bottom one.
const MARGIN: f32 = 40.0;
/// The footer's baseline, from the bottom edge, and its text size.
const FOOTER: f32 = 22.0;
const FOOTER_SIZE: f32 = 7.5;

/// The title's and the ward line's text sizes, and the space under the ward line.
const TITLE_SIZE: f32 = 13.0;
const WARD_LINE_SIZE: f32 = 10.5;
const AFTER_WARD_LINE: f32 = 8.0;
/// A paragraph's line advance, and the room a line needs before it moves to a new page.
const PARAGRAPH_LEADING_EM: f32 = 1.35;
const PARAGRAPH_ROOM_EM: f32 = 1.4;

/// The table's text size, its line advance, and the padding inside each cell.
const BODY: f32 = 8.5;
const LINE: f32 = BODY * 1.3;
const PAD: f32 = 3.0;
/// The stage under a value ("(ước thực hiện)") and the mark under a derived plan ("(suy ra)"):
/// smaller than the number they qualify.
const STAGE_SIZE: f32 = BODY - 1.0;
/// The rule under the header, and under each row.
const HEADER_RULE_WIDTH: f32 = 0.8;
const ROW_RULE_WIDTH: f32 = 0.4;
/// Most lines a cell of the table takes; a longer name ends in "…" (a row never outgrows a
/// page).
const MAX_CELL_LINES: usize = 8;

/// The legend under the table: the space above it, its text size.
const BEFORE_LEGEND: f32 = 6.0;
const LEGEND_SIZE: f32 = 7.5;
/// Height of the chart on the page, and the space above and below it.
const CHART_HEIGHT: f32 = 300.0;
const AROUND_CHART: f32 = 12.0;

/// The report sentences: the room their heading needs with a first sentence (else they start
/// a new page), the heading's and the sentences' text sizes, the space after each.
const SENTENCES_ROOM: f32 = 60.0;
const SENTENCES_HEADING_SIZE: f32 = 11.0;
const SENTENCE_SIZE: f32 = 10.0;
const AFTER_SENTENCE: f32 = 2.0;

/// A dashed line's dash and gap.
const DASH: [f32; 2] = [5.0, 3.0];

/// The table's columns: heading key, width in points, alignment.
const COLUMNS: [(&str, f32, Anchor); 8] = [
    (Column::Number.key(), 22.0, Anchor::Middle),
    (Column::Indicator.key(), 133.0, Anchor::Start),
    (Column::Unit.key(), 50.0, Anchor::Middle),
    (Column::Plan.key(), 66.0, Anchor::End),
    (Column::Value.key(), 70.0, Anchor::End),
    (Column::PercentOfPlan.key(), 42.0, Anchor::End),
    (Column::Change.key(), 60.0, Anchor::End),
    (Column::Status.key(), 72.0, Anchor::Middle),
];

/// Where some columns stand in [`COLUMNS`].
mod column {
    pub const INDICATOR: usize = 1;
    pub const UNIT: usize = 2;
    pub const PLAN: usize = 3;
    pub const CHANGE: usize = 6;
    pub const STATUS: usize = 7;
}

/// The PDF of the wards' year, each ward from a new page.
pub fn to_bytes(wards: &[WardYear], locale: Locale) -> Result<Vec<u8>, String> {
    let lang = locale.lang;
    let faces = Faces::new();
    let mut pages = Pages::new(&faces, locale);
    for (i, ward) in wards.iter().enumerate() {
        if i > 0 {
            pages.new_page();
        }
        pages.ward(ward);
    }
    let pages = pages.finish();
    render(&pages, &faces, wards, lang)
}

/// Pages being laid out: shapes per page, and where the next line goes.
struct Pages<'f> {
    faces: &'f Faces,
    lang: Lang,
    style: NumberStyle,
    pages: Vec<Vec<Shape>>,
    y: f32,
}

impl<'f> Pages<'f> {
    fn new(faces: &'f Faces, locale: Locale) -> Self {
        Self {
            faces,
            lang: locale.lang,
            style: locale.style,
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    fn t(&self, key: &str) -> String {
        rust_i18n::t!(key, locale = self.lang.code()).into_owned()
    }

    /// The words' language and the numbers' style.
    fn locale(&self) -> Locale {
        Locale {
            lang: self.lang,
            style: self.style,
        }
    }

    fn shapes(&mut self) -> &mut Vec<Shape> {
        self.pages.last_mut().expect("there is always a page")
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Room left above the footer.
    fn room(&self) -> f32 {
        PAGE.1 - MARGIN - self.y
    }

    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        colour: Rgb,
        anchor: Anchor,
        text: String,
    ) {
        self.shapes().push(Shape::Text {
            x,
            y,
            size,
            weight,
            colour,
            anchor,
            text,
        });
    }

    /// A paragraph across the page, wrapped; returns nothing, moves down.
    fn paragraph(&mut self, text: &str, size: f32, weight: Weight, anchor: Anchor, indent: f32) {
        let width = PAGE.0 - 2.0 * MARGIN - indent;
        for line in self.faces.wrap(text, size, weight, width) {
            if self.room() < size * PARAGRAPH_ROOM_EM {
                self.new_page();
            }
            self.y += size * PARAGRAPH_LEADING_EM;
            let x = match anchor {
                Anchor::Start => MARGIN + indent,
                Anchor::Middle => PAGE.0 / 2.0,
                Anchor::End => PAGE.0 - MARGIN,
            };
            self.text(x, self.y, size, weight, colour::TEXT, anchor, line);
        }
    }

    /// One ward's report: title, table, chart, sentences.
    fn ward(&mut self, ward: &WardYear) {
        let lang = self.lang;
        let report = &ward.report;
        let title = report_words::title(report.year, lang);
        self.paragraph(&title, TITLE_SIZE, Weight::Bold, Anchor::Middle, 0.0);
        let unit = &report.unit;
        let mut subtitle = report_words::ward_line(unit, lang);
        if unit.synthetic {
            subtitle.push_str(" — ");
            subtitle.push_str(&report_words::synthetic_mark(lang));
        }
        self.paragraph(
            &subtitle,
            WARD_LINE_SIZE,
            Weight::Regular,
            Anchor::Middle,
            0.0,
        );
        if let Some(consolidation) = &report.consolidation {
            let line = consolidation.line(lang);
            self.paragraph(&line, WARD_LINE_SIZE, Weight::Regular, Anchor::Middle, 0.0);
        }
        let summary = crate::domain::summary::Summary::of(report, lang).line(lang);
        self.paragraph(&summary, WARD_LINE_SIZE, Weight::Bold, Anchor::Middle, 0.0);
        if let Some(locked) = report.locked_line(lang) {
            self.paragraph(&locked, WARD_LINE_SIZE, Weight::Bold, Anchor::Middle, 0.0);
        }
        self.y += AFTER_WARD_LINE;

        self.table(&report.rows);
        self.y += BEFORE_LEGEND;
        let legend = report_words::legend(lang);
        self.paragraph(&legend, LEGEND_SIZE, Weight::Regular, Anchor::Start, 0.0);

        // The chart, whole, on this page or the next.
        // Many bars lie sideways and take the height they need, at most a page.
        self.y += AROUND_CHART;
        let width = PAGE.0 - 2.0 * MARGIN;
        let height = chart::height(report, self.locale(), self.faces, width, CHART_HEIGHT)
            .min(PAGE.1 - 2.0 * MARGIN);
        if self.room() < height {
            self.new_page();
        }
        let scene = chart::layout(report, self.locale(), self.faces, width, height);
        let (dx, dy) = (MARGIN, self.y);
        for shape in scene.shapes {
            let moved = offset(shape, dx, dy);
            self.shapes().push(moved);
        }
        self.y += height + AROUND_CHART;

        let sentences = report.sentences(self.locale());
        if !sentences.is_empty() {
            if self.room() < SENTENCES_ROOM {
                self.new_page();
            }
            let heading = self.t("export.pdf.sentences");
            self.paragraph(
                &heading,
                SENTENCES_HEADING_SIZE,
                Weight::Bold,
                Anchor::Start,
                0.0,
            );
            self.y += AFTER_SENTENCE;
            for sentence in sentences {
                self.paragraph(
                    &format!("– {}.", font::printable(&sentence)),
                    SENTENCE_SIZE,
                    Weight::Regular,
                    Anchor::Start,
                    0.0,
                );
                self.y += AFTER_SENTENCE;
            }
        }
    }

    /// The report table, by category, its header repeated on every page it runs onto.
    fn table(&mut self, rows: &[ReportRow]) {
        let lang = self.lang;
        let header: Vec<Vec<String>> = COLUMNS
            .iter()
            .map(|(key, width, _)| {
                self.faces
                    .wrap(&self.t(key), BODY, Weight::Bold, width - 2.0 * PAD)
            })
            .collect();
        self.header(&header);
        let mut category: Option<Category> = None;
        let (mut group, mut number) = (0_usize, 0_u32);
        for row in rows {
            let new_category = category != Some(row.indicator.category);
            if new_category {
                category = Some(row.indicator.category);
                group += 1;
                number = 0;
            }
            number += 1;
            let cells = self.cells(number, row);
            let lines = cells.iter().map(|cell| cell.lines.len()).max().unwrap_or(1);
            #[allow(clippy::cast_precision_loss)]
            let height = lines as f32 * LINE + 2.0 * PAD;
            if new_category {
                let name = report_words::category_heading(group, row.indicator.category, lang);
                let heading = LINE + 2.0 * PAD;
                // A heading never ends a page: its first row goes with it.
                if self.room() < heading + height {
                    self.new_page();
                    self.header(&header);
                }
                self.band(heading, colour::HEADING_FILL);
                let y = self.y + PAD + BODY;
                self.text(
                    MARGIN + PAD,
                    y,
                    BODY,
                    Weight::Bold,
                    colour::TEXT,
                    Anchor::Start,
                    name,
                );
                self.y += heading;
            }
            if self.room() < height {
                self.new_page();
                self.header(&header);
            }
            let mut x = MARGIN;
            for (cell, (_, width, anchor)) in cells.into_iter().zip(COLUMNS) {
                let Cell {
                    lines,
                    weight,
                    colour,
                    quiet_from,
                } = cell;
                for (n, line) in lines.into_iter().enumerate() {
                    #[allow(clippy::cast_precision_loss)]
                    let y = self.y + PAD + BODY + n as f32 * LINE;
                    let tx = anchor_x(x, width, anchor);
                    // The stage under a value, the mark under a derived plan: quieter than
                    // the number.
                    let (size, shade) = if n >= quiet_from {
                        (STAGE_SIZE, colour::MUTED)
                    } else {
                        (BODY, colour)
                    };
                    // A number is never cut: one too wide for its column is set smaller.
                    let natural = self.faces.width(&line, size, weight);
                    let room = width - 2.0 * PAD;
                    let size = if natural > room {
                        size * room / natural
                    } else {
                        size
                    };
                    self.text(tx, y, size, weight, shade, anchor, line);
                }
                x += width;
            }
            self.y += height;
            self.rule(ROW_RULE_WIDTH, colour::GRID);
        }
    }

    /// The table's header row.
    fn header(&mut self, header: &[Vec<String>]) {
        let lines = header.iter().map(Vec::len).max().unwrap_or(1);
        #[allow(clippy::cast_precision_loss)]
        let height = lines as f32 * LINE + 2.0 * PAD;
        self.band(height, colour::HEADING_FILL);
        let mut x = MARGIN;
        for (lines, (_, width, _)) in header.iter().zip(COLUMNS) {
            for (n, line) in lines.iter().enumerate() {
                #[allow(clippy::cast_precision_loss)]
                let y = self.y + PAD + BODY + n as f32 * LINE;
                self.text(
                    x + width / 2.0,
                    y,
                    BODY,
                    Weight::Bold,
                    colour::TEXT,
                    Anchor::Middle,
                    line.clone(),
                );
            }
            x += width;
        }
        self.y += height;
        self.rule(HEADER_RULE_WIDTH, colour::AXIS);
    }

    /// A filled band across the table at the current line.
    fn band(&mut self, height: f32, fill: Rgb) {
        let y = self.y;
        self.shapes().push(Shape::Rect {
            x: MARGIN,
            y,
            width: table_width(),
            height,
            fill,
        });
    }

    /// A rule across the table under the current line.
    fn rule(&mut self, width: f32, colour: Rgb) {
        let y = self.y;
        self.shapes().push(Shape::Line {
            from: (MARGIN, y),
            to: (MARGIN + table_width(), y),
            width,
            colour,
            dashed: false,
        });
    }

    /// A row's cells.
    fn cells(&self, number: u32, row: &ReportRow) -> Vec<Cell> {
        let (lang, style) = (self.lang, self.style);
        let wrap = |text: &str, column: usize| {
            let width = COLUMNS[column].1 - 2.0 * PAD;
            let mut lines = self.faces.wrap(text, BODY, Weight::Regular, width);
            if lines.len() > MAX_CELL_LINES {
                lines.truncate(MAX_CELL_LINES);
                if let Some(last) = lines.last_mut() {
                    while !last.is_empty()
                        && self.faces.width(&format!("{last}…"), BODY, Weight::Regular) > width
                    {
                        last.pop();
                    }
                    last.push('…');
                }
            }
            lines
        };
        let plain = |lines: Vec<String>| Cell::new(lines, Weight::Regular, colour::TEXT);
        // A plan in words is written whole, on as many lines as it takes; a derived plan has
        // its mark under it, as a value has its stage.
        let mut plan = plain(self.faces.wrap_words(
            &font::printable(&row.plan_text(Locale { lang, style }).unwrap_or_default()),
            BODY,
            Weight::Regular,
            COLUMNS[column::PLAN].1 - 2.0 * PAD,
        ));
        if row.plan_is_derived() {
            plan = plan.quiet_line(report_words::derived_mark(lang));
        }
        let value = match &row.current {
            Some(figure) => plain(vec![crate::domain::number::format_exact(
                figure.value,
                style,
            )])
            .quiet_line(format!("({})", figure.stage.name(lang).to_lowercase())),
            None => plain(
                row.value_with_stage(Locale { lang, style })
                    .into_iter()
                    .collect(),
            ),
        };
        let percent = report::percent_text(row.assessment.percent, style).unwrap_or_default();
        let change = row
            .change
            .map(|c| report::change_text(c, Locale { lang, style }))
            .unwrap_or_default();
        let status = row.assessment.status;
        vec![
            plain(vec![number.to_string()]),
            plain(wrap(row.indicator.name(lang), column::INDICATOR)),
            plain(self.faces.wrap_words(
                row.indicator.unit.symbol_in(lang),
                BODY,
                Weight::Regular,
                COLUMNS[column::UNIT].1 - 2.0 * PAD,
            )),
            plan,
            value,
            Cell::new(vec![percent], Weight::Bold, chart::status_colour(status)),
            // "tăng 9,9 điểm %" on two lines rather than set too small to read.
            plain(self.faces.wrap_words(
                &change,
                BODY,
                Weight::Regular,
                COLUMNS[column::CHANGE].1 - 2.0 * PAD,
            )),
            Cell::new(
                self.faces.wrap_words(
                    &row.verdict(lang),
                    BODY,
                    Weight::Regular,
                    COLUMNS[column::STATUS].1 - 2.0 * PAD,
                ),
                Weight::Regular,
                chart::status_colour(status),
            ),
        ]
    }

    /// Every page with its footer.
    fn finish(mut self) -> Vec<Vec<Shape>> {
        let total = self.pages.len();
        let stamp = rust_i18n::t!(
            "export.pdf.footer",
            locale = self.lang.code(),
            date = jiff::Zoned::now().strftime("%d/%m/%Y").to_string()
        )
        .into_owned();
        for (n, page) in self.pages.iter_mut().enumerate() {
            let y = PAGE.1 - FOOTER;
            let number = rust_i18n::t!(
                "export.pdf.page",
                locale = self.lang.code(),
                page = n + 1,
                total = total
            )
            .into_owned();
            for (x, anchor, text) in [
                (MARGIN, Anchor::Start, stamp.clone()),
                (PAGE.0 - MARGIN, Anchor::End, number),
            ] {
                page.push(Shape::Text {
                    x,
                    y,
                    size: FOOTER_SIZE,
                    weight: Weight::Regular,
                    colour: colour::MUTED,
                    anchor,
                    text,
                });
            }
        }
        self.pages
    }
}

/// A cell of the table: its lines, their weight and colour, and from which line on they are
/// quieter (smaller, muted): the stage under a value, the mark under a derived plan.
struct Cell {
    lines: Vec<String>,
    weight: Weight,
    colour: Rgb,
    quiet_from: usize,
}

impl Cell {
    fn new(lines: Vec<String>, weight: Weight, colour: Rgb) -> Self {
        let quiet_from = lines.len();
        Self {
            lines,
            weight,
            colour,
            quiet_from,
        }
    }

    /// The cell with a quieter line under the lines it has.
    fn quiet_line(mut self, line: String) -> Self {
        self.quiet_from = self.quiet_from.min(self.lines.len());
        self.lines.push(line);
        self
    }
}

fn table_width() -> f32 {
    COLUMNS.iter().map(|(_, width, _)| width).sum()
}

/// Where a text anchored in a cell starts from.
fn anchor_x(x: f32, width: f32, anchor: Anchor) -> f32 {
    match anchor {
        Anchor::Start => x + PAD,
        Anchor::Middle => x + width / 2.0,
        Anchor::End => x + width - PAD,
    }
}

/// A shape moved by (dx, dy).
fn offset(shape: Shape, dx: f32, dy: f32) -> Shape {
    match shape {
        Shape::Rect {
            x,
            y,
            width,
            height,
            fill,
        } => Shape::Rect {
            x: x + dx,
            y: y + dy,
            width,
            height,
            fill,
        },
        Shape::Line {
            from,
            to,
            width,
            colour,
            dashed,
        } => Shape::Line {
            from: (from.0 + dx, from.1 + dy),
            to: (to.0 + dx, to.1 + dy),
            width,
            colour,
            dashed,
        },
        Shape::Text {
            x,
            y,
            size,
            weight,
            colour,
            anchor,
            text,
        } => Shape::Text {
            x: x + dx,
            y: y + dy,
            size,
            weight,
            colour,
            anchor,
            text,
        },
    }
}

/// The laid-out pages drawn into a PDF.
fn render(
    pages: &[Vec<Shape>],
    faces: &Faces,
    wards: &[WardYear],
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let title = wards.first().map_or_else(String::new, |w| {
        format!(
            "{} — {}",
            report_words::title(w.report.year, lang),
            w.report.unit.name
        )
    });
    render_pages(pages, faces, PAGE, title, lang)
}

/// Laid-out pages of `size` points drawn into a PDF titled `title`.
pub(super) fn render_pages(
    pages: &[Vec<Shape>],
    faces: &Faces,
    size: (f32, f32),
    title: String,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let regular = Font::new(REGULAR.into(), 0).ok_or("the embedded font cannot be read")?;
    let bold = Font::new(BOLD.into(), 0).ok_or("the embedded bold font cannot be read")?;
    let mut document = krilla::Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title)
            .language(lang.code().to_owned())
            .creator("ward-kpi".to_owned()),
    );
    for shapes in pages {
        let settings = PageSettings::from_wh(size.0, size.1).ok_or("bad page size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let mut canvas = PageSurface {
            surface: &mut surface,
            regular: &regular,
            bold: &bold,
        };
        draw::shapes(shapes, faces, &mut canvas);
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| e.to_string())
}

/// A krilla page to draw on, in points, with the two faces its text is set in.
struct PageSurface<'a, 'p> {
    surface: &'a mut krilla::surface::Surface<'p>,
    regular: &'a Font,
    bold: &'a Font,
}

impl draw::Surface for PageSurface<'_, '_> {
    fn fill_rect(&mut self, x: f32, y: f32, width: f32, height: f32, fill: Rgb) {
        let Some(rect) = Rect::from_xywh(x, y, width, height) else {
            return;
        };
        let mut path = PathBuilder::new();
        path.push_rect(rect);
        let Some(path) = path.finish() else { return };
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(fill_of(fill)));
        self.surface.draw_path(&path);
    }

    fn stroke_line(
        &mut self,
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        colour: Rgb,
        dashed: bool,
    ) {
        let mut path = PathBuilder::new();
        path.move_to(from.0, from.1);
        path.line_to(to.0, to.1);
        let Some(path) = path.finish() else { return };
        self.surface.set_fill(None);
        self.surface.set_stroke(Some(Stroke {
            paint: rgb_of(colour).into(),
            width,
            dash: dashed.then(|| StrokeDash {
                array: DASH.to_vec(),
                offset: 0.0,
            }),
            ..Stroke::default()
        }));
        self.surface.draw_path(&path);
    }

    fn draw_text(&mut self, x: f32, y: f32, text: &str, style: TextStyle) {
        let font = match style.weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        };
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(fill_of(style.colour)));
        self.surface.draw_text(
            Point::from_xy(x, y),
            font,
            style.size,
            text,
            false,
            TextDirection::Auto,
        );
    }
}

fn rgb_of(colour: Rgb) -> rgb::Color {
    rgb::Color::new(colour.0, colour.1, colour.2)
}

fn fill_of(colour: Rgb) -> Fill {
    Fill {
        paint: rgb_of(colour).into(),
        ..Fill::default()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The text a reader extracts from the PDF, blanks collapsed.
    fn extracted(bytes: &[u8]) -> String {
        let text = pdf_extract::extract_text_from_mem(bytes).unwrap();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn the_pdf_holds_the_vietnamese_sentences_and_numbers_as_text() {
        let (_dir, ward) = crate::export::tests::demo_ward_year();
        let bytes = to_bytes(std::slice::from_ref(&ward), Lang::Vi.into()).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = extracted(&bytes);
        for expected in [
            "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021",
            "Phường Thanh Trường (mã 03142)",
            "Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3) đạt 2.809,8 tấn, đạt 114,6% kế hoạch thành phố giao.",
            "Thu ngân sách ước đạt 17.416.889.536 đồng, đạt 103% kế hoạch được giao.",
            "Doanh thu thương mại - dịch vụ ước đạt 208 tỷ đồng.",
            "16.909.601.491",
            "114,6%",
            "Mục tiêu 100%",
            "Trang 1/2",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in {text}");
        }
    }

    #[test]
    fn a_very_long_name_is_cut_and_every_text_stays_on_its_page() {
        let (_dir, mut ward) = crate::export::tests::demo_ward_year();
        ward.report.rows[0].indicator.name_vi = "Sản lượng cây trồng rất dài ".repeat(60);
        let faces = Faces::new();
        let mut pages = Pages::new(&faces, Lang::Vi.into());
        pages.ward(&ward);
        let pages = pages.finish();
        for page in &pages {
            for shape in page {
                if let Shape::Text { y, text, .. } = shape {
                    assert!(*y > 0.0 && *y < PAGE.1 - FOOTER + 1.0, "{y} {text}");
                }
            }
        }
        let texts: Vec<&str> = pages
            .iter()
            .flatten()
            .filter_map(|s| match s {
                Shape::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(texts.iter().any(|t| t.ends_with('…')), "the name is cut");
        assert!(texts.contains(&"114,6%"));
    }

    #[test]
    fn a_derived_plan_is_marked_under_its_number_in_both_languages() {
        let (_dir, ward) = crate::export::tests::demo_ward_year();
        for (lang, mark) in [(Lang::Vi, "(suy ra)"), (Lang::En, "(derived)")] {
            let bytes = to_bytes(std::slice::from_ref(&ward), lang.into()).unwrap();
            // The crop output's and the budget's plans, and no other line's.
            assert_eq!(extracted(&bytes).matches(mark).count(), 2, "{lang:?}");
        }
        // The mark stands under the plan's number, within the plan column, quieter than it:
        // the table is no wider.
        let faces = Faces::new();
        let mut pages = Pages::new(&faces, Lang::Vi.into());
        pages.ward(&ward);
        let texts: Vec<(f32, f32, f32, String)> = pages
            .finish()
            .into_iter()
            .flatten()
            .filter_map(|s| match s {
                Shape::Text {
                    x, y, size, text, ..
                } => Some((x, y, size, text)),
                _ => None,
            })
            .collect();
        let at = |wanted: &str| {
            texts
                .iter()
                .find(|(.., text)| text == wanted)
                .unwrap_or_else(|| panic!("no {wanted:?}"))
        };
        let number = at("2.451,8");
        let mark = at("(suy ra)");
        let plan_right: f32 = MARGIN + COLUMNS[..=column::PLAN].iter().map(|c| c.1).sum::<f32>();
        assert!((mark.0 - number.0).abs() < 0.01, "{number:?} {mark:?}");
        assert!(
            (mark.1 - number.1 - LINE).abs() < 0.01,
            "{number:?} {mark:?}"
        );
        assert!(mark.0 <= plan_right - PAD + 0.01 && mark.2 < number.2);
        let width = faces.width("(suy ra)", mark.2, Weight::Regular);
        assert!(mark.0 - width >= plan_right - COLUMNS[column::PLAN].1);
    }

    /// "tăng 11,8 điểm %" is longer than its column: it takes two lines at the body's size,
    /// never shrunk out of reading.
    #[test]
    fn a_change_in_points_wraps_at_the_body_size() {
        let (_dir, mut ward) = crate::export::tests::demo_ward_year();
        let row = ward
            .report
            .rows
            .iter_mut()
            .find(|r| r.indicator.code == "crop_output")
            .unwrap();
        row.change = Some(crate::domain::compute::Change::Points(
            rust_decimal::Decimal::new(118, 1),
        ));
        let faces = Faces::new();
        let mut pages = Pages::new(&faces, Lang::Vi.into());
        pages.ward(&ward);
        let texts: Vec<(f32, String)> = pages
            .finish()
            .into_iter()
            .flatten()
            .filter_map(|s| match s {
                Shape::Text { size, text, .. } => Some((size, text)),
                _ => None,
            })
            .collect();
        let change: Vec<&(f32, String)> = texts
            .iter()
            .filter(|(_, t)| t.contains("11,8") || t.starts_with("điểm"))
            .collect();
        assert!(!change.is_empty(), "{texts:?}");
        for (size, text) in change {
            assert!((size - BODY).abs() < 0.01, "{text:?} at {size}");
        }
    }

    #[test]
    fn an_english_pdf_writes_english_numbers_and_each_ward_starts_a_page() {
        let (_dir, ward) = crate::export::tests::demo_ward_year();
        let one = to_bytes(std::slice::from_ref(&ward), Lang::En.into()).unwrap();
        let text = extracted(&one);
        assert!(
            text.contains("2,809.8") && text.contains("114.6%"),
            "{text}"
        );
        assert!(text.contains("Page 1 of 2"), "{text}");
        let two = to_bytes(&[ward.clone(), ward], Lang::En.into()).unwrap();
        assert!(extracted(&two).contains("Page 4 of 4"));
    }
}
