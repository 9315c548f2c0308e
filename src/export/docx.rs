//! The report as a Word document in the state's format for administrative documents (Nghị định
//! 30/2020/NĐ-CP, Phụ lục I): the issuing body and the national motto side by side, the number
//! left for the clerk, the place and date, the title, the one-glance summary and the report
//! sentences by category, the recipients and the signature block, then the annex table of every
//! line reported, on landscape pages. Times New Roman, A4, the decree's margins; each ward from
//! a new page, its report's pages and its annex's each numbered from 1 (the number shown from
//! the second page).

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, Docx, Header, LineSpacing, LineSpacingType, PageMargin, PageNum,
    PageNumType, PageOrientationType, PageSize, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Section, Shading, SpecialIndentType,
    Table, TableAlignmentType, TableCell, TableLayoutType, TableRow, VAlignType, WidthType,
};
use jiff::civil::Date;

use crate::domain::letterhead::{self, Letterhead};
use crate::domain::report::{self, ReportRow};
use crate::domain::report_words;
use crate::domain::summary::Summary;
use crate::domain::{Category, Lang, Locale, number};

use super::WardYear;
use super::font::{Faces, Weight};

/// A4 in twentieths of a point, upright and on its side.
const PORTRAIT: (u32, u32) = (11_906, 16_838);
const LANDSCAPE: (u32, u32) = (16_838, 11_906);
/// The decree's margins (top and bottom 20 mm, left 30 mm, right 15 mm), in twips.
const MARGIN_TOP: i32 = 1_134;
const MARGIN_BOTTOM: i32 = 1_134;
const MARGIN_LEFT: i32 = 1_701;
const MARGIN_RIGHT: i32 = 851;
/// The width between the margins, upright and on its side.
const TEXT_WIDTH: usize = 9_354;
const WIDE_TEXT_WIDTH: usize = 14_286;
/// The header's two columns: the issuing body, the nation and the date. As the decree's
/// samples do, the header reaches a little into the side margins, so that the issuing body and
/// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" each hold on one line.
const HEADER_COLUMNS: [usize; 2] = [4_500, 5_800];
/// The short rules under the issuing body and under the title, about a third of their lines
/// as the decree asks (⅓ to ½), in twips.
const OFFICE_RULE: i32 = 1_500;
const TITLE_RULE: i32 = 3_000;
/// How far the header reaches into the left margin, in twips.
const HEADER_OUTDENT: i32 = -473;
/// The closing's two columns: the recipients, the signature block.
const SIGNATURE_COLUMNS: [usize; 2] = [4_200, 5_154];
/// The annex table's columns (on a landscape page): TT, indicator, unit, plan, value, % of
/// plan, last year, change. These at least: a column whose longest word is wider grows, the
/// indicator's gives way ([`annex_widths`]).
const ANNEX_COLUMNS: [usize; 8] = [550, 3_636, 1_200, 2_000, 2_100, 1_100, 2_100, 1_600];
/// Where the indicator's column stands in [`ANNEX_COLUMNS`].
const ANNEX_INDICATOR: usize = 1;
/// What a table cell keeps clear on its left and right together: Word's default margins,
/// 0,19 cm each, which the document leaves as they are.
const CELL_MARGINS: usize = 2 * 108;
const TWIPS_PER_POINT: f32 = 20.0;

/// Text sizes in half-points: the body 14 pt, the header lines 13 pt, the table 12 pt, the
/// recipients 11 pt.
const BODY: usize = 28;
const HEADER: usize = 26;
const TABLE: usize = 24;
const RECIPIENTS: usize = 22;
/// The body's first-line indent (1 cm) and the space after a paragraph (6 pt), in twips.
const FIRST_LINE: i32 = 567;
const AFTER: u32 = 120;
/// The typeface the decree prescribes.
const FONT: &str = "Times New Roman";
/// The grey of the annex table's heading and category rows.
const HEADING_FILL: &str = "E7E6E6";

/// What a report document needs beside the wards' years: each ward's letterhead and the date
/// it is issued.
#[derive(Clone, Debug)]
pub struct Paper<'a> {
    /// One letterhead per ward, in the wards' order; none: each unit's own
    /// ([`Letterhead::default_for`], without the body above among the recipients).
    pub letterheads: &'a [Letterhead],
    pub date: Date,
}

impl Paper<'_> {
    /// Each unit's own letterhead, dated `date`.
    pub fn plain(date: Date) -> Self {
        Paper {
            letterheads: &[],
            date,
        }
    }
}

/// The Word document of the wards' years, each ward from a new page.
pub fn to_bytes(wards: &[WardYear], paper: &Paper<'_>, locale: Locale) -> Result<Vec<u8>, String> {
    let own: Vec<Letterhead>;
    let letterheads = if paper.letterheads.is_empty() {
        own = wards
            .iter()
            .map(|w| Letterhead::default_for(&w.report.unit, None, locale.lang))
            .collect();
        &own
    } else if paper.letterheads.len() == wards.len() {
        paper.letterheads
    } else {
        return Err(format!(
            "{} letterheads for {} wards",
            paper.letterheads.len(),
            wards.len()
        ));
    };
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    // Each ward: its report on portrait pages, numbered from 1 with no number on the first,
    // then its annex on landscape pages (eight columns of numbers need the width). The last
    // section's page is the document's own.
    let mut docx = Docx::new()
        .page_size(LANDSCAPE.0, LANDSCAPE.1)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(margins())
        .page_num_type(PageNumType::new().start(1))
        .title_pg()
        .default_fonts(fonts)
        .default_size(BODY);
    let count = wards.len();
    for (index, (ward, letterhead)) in wards.iter().zip(letterheads).enumerate() {
        let document = Document {
            ward,
            letterhead,
            date: paper.date,
            locale,
        };
        let mut body = Section::new()
            .page_size(PageSize::new().size(PORTRAIT.0, PORTRAIT.1))
            .page_margin(margins())
            .page_num_type(PageNumType::new().start(1))
            .title_pg();
        if index == 0 {
            body = body
                .header(page_number_header())
                .first_header(Header::new());
        }
        docx = docx.add_section(document.body().into_section(body));
        // The annex is numbered on its own, from 1, as the decree numbers an annex's pages.
        let annex = document.annex();
        docx = if index + 1 == count {
            annex.into_docx(docx)
        } else {
            docx.add_section(
                annex.into_section(
                    Section::new()
                        .page_size(
                            PageSize::new()
                                .size(LANDSCAPE.0, LANDSCAPE.1)
                                .orient(PageOrientationType::Landscape),
                        )
                        .page_margin(margins())
                        .page_num_type(PageNumType::new().start(1))
                        .title_pg(),
                ),
            )
        };
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| format!("the document cannot be packed: {e}"))?;
    Ok(bytes.into_inner())
}

/// One ward's report.
struct Document<'a> {
    ward: &'a WardYear,
    letterhead: &'a Letterhead,
    date: Date,
    locale: Locale,
}

impl Document<'_> {
    fn lang(&self) -> Lang {
        self.locale.lang
    }

    fn t(&self, key: &str) -> String {
        rust_i18n::t!(key, locale = self.lang().code()).into_owned()
    }

    /// The report itself, on portrait pages.
    fn body(&self) -> Blocks {
        let report = &self.ward.report;
        let lang = self.lang();
        let year = report.year;
        let mut docx = Blocks::default()
            .add_table(self.header())
            .add_paragraph(spacer())
            .add_paragraph(centred(&self.t("docx.kind"), look(BODY).bold()))
            .add_paragraph(centred(
                &rust_i18n::t!("docx.subject", locale = lang.code(), year = year),
                look(BODY).bold(),
            ))
            .add_paragraph(short_rule(TITLE_RULE, TEXT_WIDTH))
            .add_paragraph(spacer())
            .add_paragraph(body_text(
                &rust_i18n::t!(
                    "docx.opening",
                    locale = lang.code(),
                    committee = letterhead::committee(&report.unit.name, lang),
                    year = year
                ),
                look(BODY),
            ));
        // The verdict before the detail.
        let summary = Summary::of(report, lang);
        docx = docx.add_paragraph(body(vec![
            look(BODY).bold().run(&self.t("docx.summary_label")),
            look(BODY).run(&format!("{}.", summary.line(lang))),
        ]));
        if report.unit.synthetic {
            docx = docx.add_paragraph(body_text(
                &report_words::synthetic_mark(lang),
                look(BODY).bold(),
            ));
        }
        if let Some(consolidation) = &report.consolidation {
            docx = docx.add_paragraph(body_text(
                &format!("({})", consolidation.line(lang)),
                look(BODY).italic(),
            ));
        }
        if let Some(locked) = report.locked_line(lang) {
            docx = docx.add_paragraph(body_text(&format!("({locked})"), look(BODY).italic()));
        }
        for (number, category, rows) in by_category(&report.rows) {
            docx = docx.add_paragraph(
                body_text(
                    &report_words::category_heading(number, category, lang),
                    look(BODY).bold(),
                )
                .keep_next(true),
            );
            for row in rows {
                let sentence = row.sentence(self.locale).unwrap_or_else(|| {
                    rust_i18n::t!(
                        "docx.no_figure",
                        locale = lang.code(),
                        name = row.indicator.name(lang)
                    )
                    .into_owned()
                });
                docx = docx.add_paragraph(body_text(&format!("- {sentence}."), look(BODY)));
            }
        }
        if report.rows.is_empty() {
            docx = docx.add_paragraph(body_text(&self.t("docx.nothing_reported"), look(BODY)));
        }
        docx.add_paragraph(body_text(&self.t("docx.see_annex"), look(BODY).italic()))
            .add_paragraph(body_text(
                &rust_i18n::t!(
                    "docx.closing",
                    locale = lang.code(),
                    committee = letterhead::committee(&report.unit.name, lang),
                    year = year
                ),
                look(BODY),
            ))
            .add_table(self.signature())
    }

    /// The header: the issuing body and the number on the left; the nation, the motto and
    /// the place and date on the right.
    fn header(&self) -> Table {
        let head = self.letterhead;
        let office = centred(&head.office, look(HEADER - 2).bold());
        let number = rust_i18n::t!(
            "docx.number",
            locale = self.lang().code(),
            symbol = head.symbol
        );
        let motto = Paragraph::new().align(AlignmentType::Center).add_run(
            look(HEADER)
                .bold()
                .run(&self.t("docx.motto"))
                .underline("single"),
        );
        // Two rows, so that "Số:" and the place and date stand on one line whatever the
        // heights above them.
        let heading = TableRow::new(vec![
            top_cell(
                HEADER_COLUMNS[0],
                vec![office, short_rule(OFFICE_RULE, HEADER_COLUMNS[0])],
            ),
            top_cell(
                HEADER_COLUMNS[1],
                vec![
                    centred(&self.t("docx.nation"), look(HEADER - 2).bold()),
                    motto,
                ],
            ),
        ]);
        let spaced = |paragraph: Paragraph| {
            paragraph.line_spacing(LineSpacing::new().before(AFTER).after(0))
        };
        let reference = TableRow::new(vec![
            cell(
                HEADER_COLUMNS[0],
                vec![spaced(centred(&number, look(HEADER)))],
            ),
            cell(
                HEADER_COLUMNS[1],
                vec![spaced(centred(
                    &letterhead::date_line(&head.place, self.date, self.lang()),
                    look(HEADER).italic(),
                ))],
            ),
        ]);
        Table::without_borders(vec![heading, reference])
            .set_grid(HEADER_COLUMNS.to_vec())
            .width(HEADER_COLUMNS.iter().sum(), WidthType::Dxa)
            .indent(HEADER_OUTDENT)
            .layout(TableLayoutType::Fixed)
    }

    /// "Nơi nhận:" on the left, the signature block on the right.
    fn signature(&self) -> Table {
        let head = self.letterhead;
        let widths = SIGNATURE_COLUMNS;
        let mut recipients = vec![
            Paragraph::new().add_run(
                look(HEADER - 2)
                    .bold()
                    .italic()
                    .run(&self.t("docx.recipients")),
            ),
        ];
        recipients.extend(head.recipients.iter().map(|recipient| {
            Paragraph::new().add_run(look(RECIPIENTS).run(&format!("- {recipient}")))
        }));
        let mut signer = Vec::new();
        if !head.signing_for.trim().is_empty() {
            signer.push(centred(&head.signing_for, look(BODY).bold()));
        }
        signer.push(centred(&head.signer_title, look(BODY).bold()));
        // Room for the signature and the seal.
        signer.extend(std::iter::repeat_with(spacer).take(4));
        signer.push(centred(&head.signer_name, look(BODY).bold()));
        let row = TableRow::new(vec![
            top_cell(widths[0], recipients),
            top_cell(widths[1], signer),
        ])
        .cant_split();
        Table::without_borders(vec![row])
            .set_grid(widths.to_vec())
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
    }

    /// The annex, on landscape pages: its title, the report it goes with, the table.
    fn annex(&self) -> Blocks {
        let report = &self.ward.report;
        let lang = self.lang();
        let cites = rust_i18n::t!(
            "docx.annex_cites",
            locale = lang.code(),
            symbol = self.letterhead.symbol,
            date = letterhead::date_words(self.date, lang),
            committee = letterhead::committee(&report.unit.name, lang)
        );
        Blocks::default()
            .add_paragraph(centred(&self.t("docx.annex"), look(BODY).bold()))
            .add_paragraph(centred(
                &rust_i18n::t!("docx.annex_title", locale = lang.code(), year = report.year),
                look(BODY).bold(),
            ))
            .add_paragraph(centred(&cites, look(HEADER).italic()))
            .add_paragraph(short_rule(TITLE_RULE, WIDE_TEXT_WIDTH))
            .add_paragraph(spacer())
            .add_table(self.table())
    }

    /// The annex table: a heading row, a shaded row per category (I–VI), a row per line. Each
    /// column is at least as wide as its longest word, so that no word breaks ("collectives",
    /// "No."); the indicator column gives up what the others take.
    fn table(&self) -> Table {
        let (headings, lines) = self.annex_texts();
        let widths = annex_widths(&headings, &lines);
        let heading_fill = || Shading::new().fill(HEADING_FILL);
        let mut rows = vec![
            TableRow::new(
                headings
                    .into_iter()
                    .zip(widths)
                    .map(|(texts, width)| cell(width, paragraphs(texts)).shading(heading_fill()))
                    .collect(),
            )
            .cant_split(),
        ];
        for line in lines {
            let row = match line {
                Line::Category(numeral, name) => TableRow::new(vec![
                    cell(widths[0], paragraphs(vec![numeral])).shading(heading_fill()),
                    cell(widths[1..].iter().sum(), paragraphs(vec![name]))
                        .grid_span(widths.len() - 1)
                        .shading(heading_fill()),
                ]),
                Line::Row(cells) => TableRow::new(
                    cells
                        .into_iter()
                        .zip(widths)
                        .map(|(texts, width)| cell(width, paragraphs(texts)))
                        .collect(),
                ),
            };
            rows.push(row.cant_split());
        }
        Table::new(rows)
            .set_grid(widths.to_vec())
            .width(WIDE_TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .align(TableAlignmentType::Center)
    }

    /// The annex table's texts: the headings' (each column's paragraphs), and the lines'.
    fn annex_texts(&self) -> (Vec<Vec<Text>>, Vec<Line>) {
        let report = &self.ward.report;
        let Locale { lang, style } = self.locale;
        let year = report.year;
        let normal = look(TABLE);
        let quiet = look(TABLE - 4).italic();
        let headings: Vec<Vec<Text>> = [
            self.t("docx.col.number"),
            self.t("docx.col.indicator"),
            self.t("docx.col.unit"),
            rust_i18n::t!("docx.col.plan", locale = lang.code(), year = year).into_owned(),
            rust_i18n::t!("docx.col.value", locale = lang.code(), year = year).into_owned(),
            self.t("docx.col.percent_of_plan"),
            rust_i18n::t!("docx.col.previous", locale = lang.code(), year = year - 1).into_owned(),
            self.t("docx.col.change"),
        ]
        .into_iter()
        .map(|heading| vec![Text::centred(heading, normal.bold())])
        .collect();
        let mut lines: Vec<Line> = Vec::new();
        for (number, category, rows) in by_category(&report.rows) {
            lines.push(Line::Category(
                Text::centred(report_words::category_numeral(number), normal.bold()),
                Text::left(category.name(lang), normal.bold()),
            ));
            for (n, row) in rows.iter().enumerate() {
                let value = match (&row.current, row.value_with_stage(self.locale)) {
                    (Some(figure), _) => vec![
                        Text::right(number::format_exact(figure.value, style), normal),
                        Text::right(
                            format!("({})", figure.stage.name(lang).to_lowercase()),
                            quiet,
                        ),
                    ],
                    (None, Some(spread)) => vec![Text::right(spread, normal)],
                    (None, None) => vec![Text::centred(row.verdict(lang), quiet)],
                };
                // A derived plan has its mark under it, as a value has its stage.
                let mut plan = vec![Text::right(
                    row.plan_text(self.locale).unwrap_or_default(),
                    normal,
                )];
                if row.plan_is_derived() {
                    plan.push(Text::right(report_words::derived_mark(lang), quiet));
                }
                let previous = row
                    .previous
                    .as_ref()
                    .map(|f| number::format_exact(f.value, style))
                    .unwrap_or_default();
                let change = row
                    .change
                    .map(|c| report::change_text(c, self.locale))
                    .unwrap_or_default();
                let percent =
                    report::percent_text(row.assessment.percent, style).unwrap_or_default();
                lines.push(Line::Row(vec![
                    vec![Text::centred((n + 1).to_string(), normal)],
                    vec![Text::left(row.indicator.name(lang).to_owned(), normal)],
                    // "triệu đồng/người/năm" may break after a slash, not inside a word.
                    vec![Text::centred(
                        row.indicator.unit.symbol_in(lang).replace('/', "/\u{200B}"),
                        normal,
                    )],
                    plan,
                    value,
                    vec![Text::right(percent, normal.bold())],
                    vec![Text::right(previous, normal)],
                    vec![Text::right(change, normal)],
                ]));
            }
        }
        (headings, lines)
    }
}

/// A line of the annex table under its heading: a category's (its numeral, its name across the
/// other columns), or an indicator's, each cell's paragraphs.
enum Line {
    Category(Text, Text),
    Row(Vec<Vec<Text>>),
}

/// A paragraph of the annex table before it is one: its text, how it looks, its alignment. The
/// text is kept to measure the columns by.
struct Text {
    text: String,
    look: Look,
    align: AlignmentType,
}

impl Text {
    fn centred(text: String, look: Look) -> Self {
        Self {
            text,
            look,
            align: AlignmentType::Center,
        }
    }

    fn left(text: String, look: Look) -> Self {
        Self {
            text,
            look,
            align: AlignmentType::Left,
        }
    }

    fn right(text: String, look: Look) -> Self {
        Self {
            text,
            look,
            align: AlignmentType::Right,
        }
    }
}

/// The annex table's texts by column (a category's name, across the columns, in none).
fn annex_columns<'a>(headings: &'a [Vec<Text>], lines: &'a [Line]) -> Vec<Vec<&'a Text>> {
    let mut columns: Vec<Vec<&Text>> = headings.iter().map(|h| h.iter().collect()).collect();
    for line in lines {
        match line {
            Line::Category(numeral, _) => columns[0].push(numeral),
            Line::Row(cells) => {
                for (column, texts) in columns.iter_mut().zip(cells) {
                    column.extend(texts);
                }
            }
        }
    }
    columns
}

impl Text {
    /// How wide each of its words runs, in points ("triệu đồng/\u{200B}người" breaks after the
    /// slash: two words there).
    fn word_widths<'a>(&'a self, faces: &'a Faces) -> impl Iterator<Item = f32> + 'a {
        let weight = if self.look.bold {
            Weight::Bold
        } else {
            Weight::Regular
        };
        #[allow(clippy::cast_precision_loss)]
        let size = self.look.size as f32 / 2.0;
        self.text
            .split(|c: char| c.is_whitespace() || c == '\u{200B}')
            .map(move |word| faces.width(word, size, weight))
    }
}

fn paragraphs(texts: Vec<Text>) -> Vec<Paragraph> {
    texts
        .into_iter()
        .map(|t| line(&t.text, t.look, t.align))
        .collect()
}

/// The annex table's column widths: [`ANNEX_COLUMNS`], each column other than the indicator's
/// widened to its longest word (a heading's or a cell's) where that is wider, the indicator's
/// column taking what is left of the page's width. A word is measured in the exports' own face
/// (Noto Sans), which runs wider than Times New Roman: the width errs on the generous side.
fn annex_widths(headings: &[Vec<Text>], lines: &[Line]) -> [usize; 8] {
    let faces = &Faces::new();
    let mut widths = ANNEX_COLUMNS;
    for (index, texts) in annex_columns(headings, lines).iter().enumerate() {
        if index == ANNEX_INDICATOR {
            continue;
        }
        let longest = texts
            .iter()
            .flat_map(|t| t.word_widths(faces))
            .fold(0.0_f32, f32::max);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let need = (longest * TWIPS_PER_POINT).ceil() as usize + CELL_MARGINS;
        widths[index] = widths[index].max(need);
    }
    let others: usize = widths
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != ANNEX_INDICATOR)
        .map(|(_, width)| width)
        .sum();
    widths[ANNEX_INDICATOR] = WIDE_TEXT_WIDTH.saturating_sub(others);
    widths
}

/// The decree's margins.
fn margins() -> PageMargin {
    PageMargin::new()
        .top(MARGIN_TOP)
        .bottom(MARGIN_BOTTOM)
        .left(MARGIN_LEFT)
        .right(MARGIN_RIGHT)
        .header(567)
        .footer(567)
}

/// The page number at the top centre (from the second page on: the first page's header is
/// empty).
fn page_number_header() -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_page_num(PageNum::new()),
    )
}

/// Paragraphs and tables in order, then poured into a section or the document's end.
#[derive(Default)]
struct Blocks(Vec<Block>);

enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

impl Blocks {
    fn add_paragraph(mut self, paragraph: Paragraph) -> Self {
        self.0.push(Block::Paragraph(Box::new(paragraph)));
        self
    }

    fn add_table(mut self, table: Table) -> Self {
        self.0.push(Block::Table(Box::new(table)));
        self
    }

    fn into_section(self, section: Section) -> Section {
        self.0
            .into_iter()
            .fold(section, |section, block| match block {
                Block::Paragraph(p) => section.add_paragraph(*p),
                Block::Table(t) => section.add_table(*t),
            })
    }

    fn into_docx(self, docx: Docx) -> Docx {
        self.0.into_iter().fold(docx, |docx, block| match block {
            Block::Paragraph(p) => docx.add_paragraph(*p),
            Block::Table(t) => docx.add_table(*t),
        })
    }
}

/// The report's lines by category, each category numbered from 1 in the order it comes.
fn by_category(rows: &[ReportRow]) -> Vec<(usize, Category, Vec<&ReportRow>)> {
    let mut groups: Vec<(usize, Category, Vec<&ReportRow>)> = Vec::new();
    for row in rows {
        match groups.last_mut() {
            Some((_, category, lines)) if *category == row.indicator.category => lines.push(row),
            _ => groups.push((groups.len() + 1, row.indicator.category, vec![row])),
        }
    }
    groups
}

/// How a run of text looks: its size in half-points, bold, italic.
#[derive(Clone, Copy)]
struct Look {
    size: usize,
    bold: bool,
    italic: bool,
}

const fn look(size: usize) -> Look {
    Look {
        size,
        bold: false,
        italic: false,
    }
}

impl Look {
    const fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    const fn italic(self) -> Self {
        Self {
            italic: true,
            ..self
        }
    }

    fn run(self, text: &str) -> Run {
        let mut run = Run::new().add_text(text).size(self.size);
        if self.bold {
            run = run.bold();
        }
        if self.italic {
            run = run.italic();
        }
        run
    }
}

/// A paragraph of one text, aligned.
fn line(text: &str, look: Look, align: AlignmentType) -> Paragraph {
    Paragraph::new().align(align).add_run(look.run(text))
}

fn centred(text: &str, look: Look) -> Paragraph {
    line(text, look, AlignmentType::Center)
}

/// A body paragraph: justified, its first line indented, 6 pt after.
fn body(runs: Vec<Run>) -> Paragraph {
    let paragraph = Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(FIRST_LINE)),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().after(AFTER));
    runs.into_iter().fold(paragraph, Paragraph::add_run)
}

/// A body paragraph of one text.
fn body_text(text: &str, look: Look) -> Paragraph {
    body(vec![look.run(text)])
}

/// An empty line.
fn spacer() -> Paragraph {
    Paragraph::new().add_run(Run::new().size(HEADER))
}

/// A short centred rule under a heading, `width` twips long: an empty paragraph's bottom border
/// between equal indents.
fn short_rule(width: i32, within: usize) -> Paragraph {
    let side = (i32::try_from(within).unwrap_or(i32::MAX) - width) / 2;
    let mut paragraph = Paragraph::new()
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(100)
                .before(0)
                .after(60),
        )
        .add_run(Run::new().size(2));
    // Only the bottom border: a default set of borders draws a box.
    paragraph.property = paragraph.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .color("000000"),
        ),
    );
    paragraph
}

/// A table cell of paragraphs, centred vertically.
fn cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    aligned_cell(width, paragraphs, VAlignType::Center)
}

/// A cell of paragraphs from its top (the signature block's).
fn top_cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    aligned_cell(width, paragraphs, VAlignType::Top)
}

fn aligned_cell(width: usize, paragraphs: Vec<Paragraph>, align: VAlignType) -> TableCell {
    paragraphs.into_iter().fold(
        TableCell::new()
            .width(width, WidthType::Dxa)
            .vertical_align(align),
        TableCell::add_paragraph,
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod tests {
    use std::io::Read as _;

    use super::*;
    use crate::domain::letterhead::LetterheadSettings;

    /// A part of the package as text.
    pub fn part(bytes: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    /// The document's paragraphs as plain text, in order (a table cell's paragraphs too).
    pub fn paragraphs(bytes: &[u8]) -> Vec<String> {
        use quick_xml::events::Event;
        let xml = part(bytes, "word/document.xml");
        let mut reader = quick_xml::Reader::from_str(&xml);
        let (mut out, mut current, mut in_text) = (Vec::new(), String::new(), false);
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
                Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
                Event::Text(t) if in_text => current.push_str(&t.unescape().unwrap()),
                Event::End(e) if e.name().as_ref() == b"w:p" => {
                    out.push(std::mem::take(&mut current));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    fn demo_docx(ward: &WardYear, signer: &str) -> Vec<u8> {
        let settings = LetterheadSettings {
            signer_name: Some(signer.into()),
            ..LetterheadSettings::default()
        };
        let letterhead = settings.resolve(&ward.report.unit, None, Lang::Vi);
        let paper = Paper {
            letterheads: std::slice::from_ref(&letterhead),
            date: jiff::civil::date(2022, 1, 7),
        };
        to_bytes(std::slice::from_ref(ward), &paper, Lang::Vi.into()).unwrap()
    }

    #[test]
    fn the_word_report_holds_the_state_header_the_summary_the_sentences_and_the_annex() {
        let (_dir, ward) = crate::export::tests::demo_ward_year();
        let ward = ward.only_reported();
        let bytes = demo_docx(&ward, "Lò Văn Bình");
        // Word and docx-rs's own reader open it.
        docx_rs::read_docx(&bytes).unwrap();
        let text = paragraphs(&bytes);
        let has = |line: &str| text.iter().any(|p| p == line);
        for line in [
            "UBND PHƯỜNG THANH TRƯỜNG",
            "Số:        /BC-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Thanh Trường, ngày 07 tháng 01 năm 2022",
            "BÁO CÁO",
            "Kết quả thực hiện các chỉ tiêu kế hoạch năm 2021",
            "Kết quả chung: 2/2 chỉ tiêu có kế hoạch đạt và vượt kế hoạch (vượt 2, đạt 0, \
             không đạt 0, chưa có kế hoạch 6, chưa có số liệu 0).",
            "- Thu ngân sách ước đạt 17.416.889.536 đồng, đạt 103% kế hoạch được giao.",
            "- Doanh thu thương mại - dịch vụ ước đạt 208 tỷ đồng.",
            "Nơi nhận:",
            "- Lưu: VT, VP.",
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
            "Lò Văn Bình",
            "Phụ lục",
            "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021",
            "(Kèm theo Báo cáo số        /BC-UBND ngày 07 tháng 01 năm 2022 của UBND phường \
             Thanh Trường)",
            "Thực hiện các chỉ tiêu kế hoạch năm 2021 được giao, UBND phường Thanh Trường báo cáo \
             kết quả như sau:",
            "Kế hoạch năm 2021",
            "Thực hiện năm 2020",
            "2.809,8",
            "114,6%",
            "17.416.889.536",
            "103%",
        ] {
            assert!(has(line), "missing {line:?} in {text:#?}");
        }
        // Categories numbered as reports number them, in the body and in the annex.
        assert!(text.iter().any(|p| p.starts_with("I. ")), "{text:#?}");
        assert!(text.iter().filter(|p| *p == "I").count() == 1, "{text:#?}");
        // The header comes first, the annex after the signature.
        let at = |line: &str| text.iter().position(|p| p == line).unwrap();
        assert!(at("UBND PHƯỜNG THANH TRƯỜNG") < at("BÁO CÁO"));
        assert!(at("Lò Văn Bình") < at("Phụ lục"));
        // A4, the decree's margins, Times New Roman.
        let document = part(&bytes, "word/document.xml");
        assert!(document.contains(r#"w:w="11906" w:h="16838""#), "A4");
        assert!(
            document.contains(r#"w:w="16838" w:h="11906" w:orient="landscape""#),
            "the annex on its side"
        );
        assert!(
            document.contains(r#"w:top="1134""#) && document.contains(r#"w:left="1701""#),
            "margins"
        );
        assert!(part(&bytes, "word/styles.xml").contains(r#"w:ascii="Times New Roman""#));
    }

    #[test]
    fn every_word_of_the_annex_fits_its_column_and_a_derived_plan_is_marked() {
        let (_dir, ward) = crate::export::tests::demo_ward_year();
        let faces = Faces::new();
        let date = jiff::civil::date(2022, 1, 7);
        for (lang, mark) in [(Lang::Vi, "(suy ra)"), (Lang::En, "(derived)")] {
            let letterhead = Letterhead::default_for(&ward.report.unit, None, lang);
            let document = Document {
                ward: &ward,
                letterhead: &letterhead,
                date,
                locale: lang.into(),
            };
            let (headings, lines) = document.annex_texts();
            let widths = annex_widths(&headings, &lines);
            assert_eq!(widths.iter().sum::<usize>(), WIDE_TEXT_WIDTH, "{lang:?}");
            let columns = annex_columns(&headings, &lines);
            let mut words = 0;
            for (index, texts) in columns.iter().enumerate() {
                if index == ANNEX_INDICATOR {
                    continue;
                }
                for text in texts {
                    for width in text.word_widths(&faces) {
                        words += 1;
                        let twips = width * TWIPS_PER_POINT;
                        #[allow(clippy::cast_precision_loss)]
                        let room = (widths[index] - CELL_MARGINS) as f32;
                        assert!(twips <= room, "{lang:?} {:?} in {widths:?}", text.text);
                    }
                }
            }
            assert!(words > 100, "{words}");
            // The words that broke in the English annex ("No / .", "collective / s") are
            // among those measured.
            let all: Vec<&str> = columns.iter().flatten().map(|t| t.text.as_str()).collect();
            if lang == Lang::En {
                for word in ["No.", "collectives", "individuals"] {
                    assert!(all.contains(&word), "{all:?}");
                }
            }
            // The document's grid is these widths; the derived plans are marked under their
            // number, in the plan column.
            let bytes = to_bytes(
                std::slice::from_ref(&ward),
                &Paper::plain(date),
                lang.into(),
            )
            .unwrap();
            let grid: Vec<String> = widths
                .iter()
                .map(|w| format!(r#"<w:gridCol w:w="{w}""#))
                .collect();
            let xml = part(&bytes, "word/document.xml");
            let at = grid
                .iter()
                .map(|col| xml.find(col.as_str()))
                .collect::<Vec<_>>();
            assert!(at.iter().all(Option::is_some), "{grid:?} in {xml}");
            let text = paragraphs(&bytes);
            assert_eq!(text.iter().filter(|p| *p == mark).count(), 2, "{text:#?}");
            for plan in [
                number::format_exact(rust_decimal::Decimal::new(24_518, 1), lang.into()),
                number::format_exact(rust_decimal::Decimal::new(16_909_601_491, 0), lang.into()),
            ] {
                let at = text.iter().position(|p| *p == plan).unwrap();
                assert_eq!(text[at + 1], mark, "{text:#?}");
            }
        }
    }

    #[test]
    fn the_tables_fill_the_width_between_the_margins() {
        assert_eq!(ANNEX_COLUMNS.iter().sum::<usize>(), WIDE_TEXT_WIDTH);
        assert_eq!(SIGNATURE_COLUMNS.iter().sum::<usize>(), TEXT_WIDTH);
        // The header reaches as far into the right margin as into the left.
        let outdent = usize::try_from(-HEADER_OUTDENT).unwrap();
        assert_eq!(
            HEADER_COLUMNS.iter().sum::<usize>(),
            TEXT_WIDTH + 2 * outdent
        );
        let width = |page: u32| usize::try_from(page).unwrap();
        let margins = usize::try_from(MARGIN_LEFT + MARGIN_RIGHT).unwrap();
        assert_eq!(width(PORTRAIT.0) - margins, TEXT_WIDTH);
        assert_eq!(width(LANDSCAPE.0) - margins, WIDE_TEXT_WIDTH);
    }

    #[test]
    fn the_whole_catalogue_is_one_switch_away() {
        let (_dir, ward) = crate::export::tests::demo_ward_year();
        let count = |ward: &WardYear| {
            paragraphs(&demo_docx(ward, ""))
                .iter()
                .filter(|p| p.ends_with(": chưa có số liệu."))
                .count()
        };
        assert_eq!(ward.report.rows.len(), 29);
        assert_eq!(count(&ward), 21, "every catalogue line");
        let reported = ward.only_reported();
        assert_eq!(reported.report.rows.len(), 8);
        assert_eq!(count(&reported), 0, "the lines reported only");
    }

    #[test]
    fn each_ward_starts_a_page_and_letterheads_must_match_the_wards() {
        let (_dir, ward) = crate::export::tests::demo_ward_year();
        let two = [ward.clone(), ward.clone()];
        let bytes = to_bytes(
            &two,
            &Paper::plain(jiff::civil::date(2022, 3, 5)),
            Lang::En.into(),
        )
        .unwrap();
        let text = paragraphs(&bytes);
        assert_eq!(
            text.iter()
                .filter(|p| *p == "Thanh Trường, 05 March 2022")
                .count(),
            2,
            "{text:#?}"
        );
        assert!(text.iter().any(|p| p == "SOCIALIST REPUBLIC OF VIETNAM"));
        // Each ward's report and its annex are sections of their own, each numbered from 1
        // with no number on its first page.
        let document = part(&bytes, "word/document.xml");
        assert_eq!(document.matches(r#"w:start="1""#).count(), 4, "{document}");
        assert_eq!(document.matches("<w:titlePg").count(), 4);
        assert_eq!(document.matches(r#"w:orient="landscape""#).count(), 2);
        let one = Letterhead::default_for(&ward.report.unit, None, Lang::Vi);
        let mismatch = Paper {
            letterheads: std::slice::from_ref(&one),
            date: jiff::civil::date(2022, 1, 7),
        };
        assert!(to_bytes(&two, &mismatch, Lang::Vi.into()).is_err());
    }
}
