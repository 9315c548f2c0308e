//! The ward comparison as an A4 landscape PDF: the title, the parent and its number of wards,
//! then the table of wards (rows, in the order the user sorted them) by indicators (columns),
//! each cell the % of plan in its status's colour. Indicators that do not fit across one page
//! go on to the next block of pages, each block with its header repeated on every page, so any
//! number of indicators prints legibly. Drawn through the same shapes and surface as the
//! report's PDF ([`super::pdf`]).

use super::chart::{Anchor, Rgb, Shape, colour, status_colour};
use super::font::{Faces, Weight};
use crate::domain::compare::Comparison;
use crate::domain::compute::Status;
use crate::domain::report::{self, short_name};
use crate::domain::report_words;
use crate::domain::{AdminUnit, Lang, Locale};

/// A4 landscape, in points.
const PAGE: (f32, f32) = (841.89, 595.28);
const MARGIN: f32 = 36.0;
const FOOTER: f32 = 20.0;
const FOOTER_SIZE: f32 = 7.5;
const TITLE_SIZE: f32 = 13.0;
const LINE_SIZE: f32 = 10.0;
const AFTER_TITLE: f32 = 8.0;
/// Table text.
const BODY: f32 = 7.5;
const HEADER_SIZE: f32 = 6.5;
const HEADER_LINES: usize = 4;
const ROW_HEIGHT: f32 = BODY * 2.0;
const PAD: f32 = 3.0;
const NUMBER_WIDTH: f32 = 24.0;
const WARD_WIDTH: f32 = 150.0;
const INDICATOR_WIDTH: f32 = 54.0;
const RULE_WIDTH: f32 = 0.4;
const HEADER_RULE_WIDTH: f32 = 0.8;

/// How many indicator columns fit across a page beside the number and the ward.
fn columns_per_page() -> usize {
    let room = PAGE.0 - 2.0 * MARGIN - NUMBER_WIDTH - WARD_WIDTH;
    // A page width in points over a column width: a small positive number.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let fit = (room / INDICATOR_WIDTH).floor() as usize;
    fit.max(1)
}

/// The comparison's PDF, rows in `order`.
pub fn to_bytes(
    comparison: &Comparison,
    parent: &AdminUnit,
    order: &[usize],
    locale: Locale,
) -> Result<Vec<u8>, String> {
    let faces = Faces::new();
    let mut pages = Pages {
        faces: &faces,
        locale,
        pages: Vec::new(),
        y: MARGIN,
    };
    let per_page = columns_per_page();
    let columns: Vec<usize> = (0..comparison.indicators.len()).collect();
    let blocks: Vec<&[usize]> = if columns.is_empty() {
        vec![&[]]
    } else {
        columns.chunks(per_page).collect()
    };
    for block in &blocks {
        pages.block(comparison, parent, order, block, blocks.len() > 1);
    }
    let title = format!(
        "{} — {}",
        super::compare::title(comparison.year, locale.lang),
        parent.name
    );
    let shapes = pages.finish();
    super::pdf::render_pages(&shapes, &faces, PAGE, title, locale.lang)
}

/// Pages being laid out: shapes per page, and where the next line goes.
struct Pages<'f> {
    faces: &'f Faces,
    locale: Locale,
    pages: Vec<Vec<Shape>>,
    y: f32,
}

impl Pages<'_> {
    fn lang(&self) -> Lang {
        self.locale.lang
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    fn push(&mut self, shape: Shape) {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        if let Some(page) = self.pages.last_mut() {
            page.push(shape);
        }
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
        self.push(Shape::Text {
            x,
            y,
            size,
            weight,
            colour,
            anchor,
            text,
        });
    }

    fn rule(&mut self, width: f32, line: f32) {
        let y = self.y;
        self.push(Shape::Line {
            from: (MARGIN, y),
            to: (MARGIN + width, y),
            width: line,
            colour: colour::AXIS,
            dashed: false,
        });
    }

    /// One block of indicators over every ward, from a new page.
    fn block(
        &mut self,
        comparison: &Comparison,
        parent: &AdminUnit,
        order: &[usize],
        columns: &[usize],
        several: bool,
    ) {
        let lang = self.lang();
        self.new_page();
        let centre = PAGE.0 / 2.0;
        self.y += TITLE_SIZE;
        let title = super::compare::title(comparison.year, lang);
        self.text(
            centre,
            self.y,
            TITLE_SIZE,
            Weight::Bold,
            colour::TEXT,
            Anchor::Middle,
            title,
        );
        let mut line = super::compare::parent_line(parent, comparison.rows.len(), self.locale);
        if comparison.rows.iter().any(|r| r.unit.synthetic) {
            line.push_str(" — ");
            line.push_str(&report_words::synthetic_mark(lang));
        }
        if several && let (Some(first), Some(last)) = (columns.first(), columns.last()) {
            line.push_str(&rust_i18n::t!(
                "compare.pdf.block",
                locale = lang.code(),
                first = first + 1,
                last = last + 1,
                total = comparison.indicators.len()
            ));
        }
        self.y += LINE_SIZE * 1.5;
        self.text(
            centre,
            self.y,
            LINE_SIZE,
            Weight::Regular,
            colour::TEXT,
            Anchor::Middle,
            line,
        );
        self.y += AFTER_TITLE;
        self.header(comparison, columns);
        for (n, &index) in order.iter().enumerate() {
            if self.y + ROW_HEIGHT > PAGE.1 - MARGIN - FOOTER {
                self.new_page();
                self.header(comparison, columns);
            }
            self.row(comparison, index, n + 1, columns);
        }
        self.y += BODY;
        let legend = rust_i18n::t!("compare.pdf.legend", locale = lang.code()).into_owned();
        if self.y + BODY * 2.0 > PAGE.1 - MARGIN - FOOTER {
            self.new_page();
        }
        self.y += BODY;
        self.text(
            MARGIN,
            self.y,
            BODY,
            Weight::Regular,
            colour::MUTED,
            Anchor::Start,
            legend,
        );
    }

    fn table_width(columns: &[usize]) -> f32 {
        // A handful of columns: exact in an f32.
        #[allow(clippy::cast_precision_loss)]
        let count = columns.len() as f32;
        NUMBER_WIDTH + WARD_WIDTH + INDICATOR_WIDTH * count
    }

    /// The header: STT, the ward, each indicator's name wrapped over a few lines.
    fn header(&mut self, comparison: &Comparison, columns: &[usize]) {
        let lang = self.lang();
        let width = Self::table_width(columns);
        #[allow(clippy::cast_precision_loss)]
        let height = HEADER_LINES as f32 * HEADER_SIZE * 1.2 + 2.0 * PAD;
        let y = self.y;
        self.push(Shape::Rect {
            x: MARGIN,
            y,
            width,
            height,
            fill: colour::HEADING_FILL,
        });
        let middle = y + height / 2.0 + HEADER_SIZE / 2.0;
        let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
        self.text(
            MARGIN + NUMBER_WIDTH / 2.0,
            middle,
            HEADER_SIZE,
            Weight::Bold,
            colour::TEXT,
            Anchor::Middle,
            t("compare.col.number"),
        );
        self.text(
            MARGIN + NUMBER_WIDTH + PAD,
            middle,
            HEADER_SIZE,
            Weight::Bold,
            colour::TEXT,
            Anchor::Start,
            t("compare.col.ward"),
        );
        let mut x = MARGIN + NUMBER_WIDTH + WARD_WIDTH;
        for &column in columns {
            let indicator = &comparison.indicators[column];
            let name = format!(
                "{} ({})",
                indicator.name(lang),
                indicator.unit.symbol_in(lang)
            );
            let mut lines = self.faces.wrap(
                &name,
                HEADER_SIZE,
                Weight::Bold,
                INDICATOR_WIDTH - 2.0 * PAD,
            );
            if lines.len() > HEADER_LINES {
                lines.truncate(HEADER_LINES);
                if let Some(last) = lines.last_mut() {
                    *last = short_name(&format!("{last} …"));
                }
            }
            for (n, line) in lines.into_iter().enumerate() {
                #[allow(clippy::cast_precision_loss)]
                let baseline = y + PAD + HEADER_SIZE + n as f32 * HEADER_SIZE * 1.2;
                self.text(
                    x + INDICATOR_WIDTH / 2.0,
                    baseline,
                    HEADER_SIZE,
                    Weight::Bold,
                    colour::TEXT,
                    Anchor::Middle,
                    line,
                );
            }
            x += INDICATOR_WIDTH;
        }
        self.y += height;
        self.rule(width, HEADER_RULE_WIDTH);
    }

    /// One ward's row.
    fn row(&mut self, comparison: &Comparison, index: usize, number: usize, columns: &[usize]) {
        let style = self.locale.style;
        let ward = &comparison.rows[index];
        let baseline = self.y + ROW_HEIGHT / 2.0 + BODY / 2.5;
        self.text(
            MARGIN + NUMBER_WIDTH / 2.0,
            baseline,
            BODY,
            Weight::Regular,
            colour::TEXT,
            Anchor::Middle,
            number.to_string(),
        );
        let mut name = ward.unit.name.clone();
        while name.chars().count() > 4
            && self.faces.width(&name, BODY, Weight::Regular) > WARD_WIDTH - 2.0 * PAD
        {
            name = name
                .chars()
                .take(name.chars().count() - 2)
                .collect::<String>();
            name = format!("{}…", name.trim_end_matches('…').trim_end());
        }
        self.text(
            MARGIN + NUMBER_WIDTH + PAD,
            baseline,
            BODY,
            Weight::Regular,
            colour::TEXT,
            Anchor::Start,
            name,
        );
        let mut x = MARGIN + NUMBER_WIDTH + WARD_WIDTH;
        for &column in columns {
            let cell = ward.cells[column];
            let (text, weight) = match report::percent_text(cell.percent, style) {
                Some(text) => (
                    text,
                    if cell.status == Status::Met {
                        Weight::Regular
                    } else {
                        Weight::Bold
                    },
                ),
                None if cell.status == Status::Exceeded => {
                    (cell.status.word(self.lang()), Weight::Bold)
                }
                None => ("–".to_owned(), Weight::Regular),
            };
            self.text(
                x + INDICATOR_WIDTH - PAD,
                baseline,
                BODY,
                weight,
                status_colour(cell.status),
                Anchor::End,
                text,
            );
            x += INDICATOR_WIDTH;
        }
        self.y += ROW_HEIGHT;
        self.rule(Self::table_width(columns), RULE_WIDTH);
    }

    /// Every page with its number.
    fn finish(mut self) -> Vec<Vec<Shape>> {
        let total = self.pages.len();
        let lang = self.locale.lang;
        for (n, page) in self.pages.iter_mut().enumerate() {
            let text = rust_i18n::t!(
                "export.pdf.page",
                locale = lang.code(),
                page = n + 1,
                total = total
            )
            .into_owned();
            page.push(Shape::Text {
                x: PAGE.0 - MARGIN,
                y: PAGE.1 - FOOTER,
                size: FOOTER_SIZE,
                weight: Weight::Regular,
                colour: colour::MUTED,
                anchor: Anchor::End,
                text,
            });
        }
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        self.pages
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_indicator_prints_on_a_page_that_fits_it() {
        // 27 indicators over 11 a page: three blocks.
        assert_eq!(columns_per_page(), 11);
        let width = Pages::table_width(&[0; 11]);
        assert!(MARGIN + width <= PAGE.0 - MARGIN + 0.01, "{width}");
    }
}
