//! The % of plan chart as a picture, laid out once as rectangles, lines and text in points and
//! then drawn on any [`Surface`](super::draw::Surface) (`png` in pixels for a Word report, `pdf`
//! in vectors on the printed page): one bar per indicator with a plan and a value, coloured by
//! status, its % above it, last year's % as a lighter bar beside it where last year had one, a
//! dashed line at the 100% target, the indicators' names wrapped whole under the bars, a legend
//! of the statuses (and of last year's bars). The layout goes step by step (title, legend, bars, plot,
//! axis, bar shapes), each step a function of its own.

use rust_decimal::prelude::ToPrimitive as _;

mod sideways;

use super::font::{Faces, Weight};
use crate::domain::number::NumberStyle;
use crate::domain::report::{self, Report};
use crate::domain::report_words;
use crate::domain::{Lang, Locale, Status};

/// A colour, red green blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The colour as a workbook writes it: "#AEB8C2".
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// The print palette: the window's light palette (kept equal by a test in `app::theme`), on
/// white paper.
pub mod colour {
    use super::Rgb;
    pub const EXCEEDED: Rgb = Rgb(0x1B, 0x7F, 0x3B);
    pub const MET: Rgb = Rgb(0x1F, 0x5F, 0xAF);
    pub const NOT_MET: Rgb = Rgb(0xB3, 0x26, 0x1E);
    pub const MISSING: Rgb = Rgb(0x70, 0x70, 0x70);
    pub const TARGET: Rgb = Rgb(0x20, 0x20, 0x20);
    /// Last year's % of plan, a lighter bar beside this year's.
    pub const LAST_YEAR: Rgb = Rgb(0xAE, 0xB8, 0xC2);
    pub const TEXT: Rgb = Rgb(0x10, 0x10, 0x10);
    pub const MUTED: Rgb = Rgb(0x55, 0x55, 0x55);
    pub const GRID: Rgb = Rgb(0xDD, 0xDD, 0xDD);
    pub const AXIS: Rgb = Rgb(0x88, 0x88, 0x88);
    pub const PAPER: Rgb = Rgb(0xFF, 0xFF, 0xFF);
    /// Header and category rows of printed tables.
    pub const HEADING_FILL: Rgb = Rgb(0xE8, 0xEE, 0xF6);
}

/// The colour of a status.
pub fn status_colour(status: Status) -> Rgb {
    match status {
        Status::Exceeded => colour::EXCEEDED,
        Status::Met => colour::MET,
        Status::NotMet => colour::NOT_MET,
        Status::NoPlan | Status::NoData => colour::MISSING,
    }
}

/// Where a text's x lies on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// Where a text `width` wide, anchored at `x`, starts.
    pub fn start(self, x: f32, width: f32) -> f32 {
        match self {
            Self::Start => x,
            Self::Middle => x - width / 2.0,
            Self::End => x - width,
        }
    }
}

/// One thing to draw, in points from the top-left corner, y downwards.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        fill: Rgb,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        colour: Rgb,
        dashed: bool,
    },
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        colour: Rgb,
        anchor: Anchor,
        text: String,
    },
}

/// A laid-out picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    pub shapes: Vec<Shape>,
}

impl Scene {
    /// A picture `width` × `height` points of blank paper.
    fn blank(width: f32, height: f32) -> Self {
        Self {
            width,
            height,
            shapes: vec![Shape::Rect {
                x: 0.0,
                y: 0.0,
                width,
                height,
                fill: colour::PAPER,
            }],
        }
    }

    /// Every text of the picture, in drawing order (for tests and accessibility).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
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
        self.shapes.push(Shape::Text {
            x,
            y,
            size,
            weight,
            colour,
            anchor,
            text,
        });
    }

    fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32, colour: Rgb, dashed: bool) {
        self.shapes.push(Shape::Line {
            from,
            to,
            width,
            colour,
            dashed,
        });
    }
}

/// From this many bars the bars lie sideways ([`sideways`]): standing up, each name would get a
/// column a few letters wide.
pub const SIDEWAYS_FROM: usize = 9;

/// The target every bar is measured against.
const TARGET: f64 = 100.0;
/// Lines an indicator's name may take under its bar.
const NAME_LINES: usize = 4;

// The chart's measures, in points (1/72 inch). A name ending in `_EM` is a multiple of the size
// of the text it goes with, so that it scales with that text.

/// Space kept clear around the chart.
const MARGIN: f32 = 16.0;
/// The title's text size, and the advance from one of its lines to the next.
const TITLE_SIZE: f32 = 15.0;
const TITLE_LEADING_EM: f32 = 1.25;

/// The legend's text size; its colour swatches are squares of this size.
const LEGEND_SIZE: f32 = 10.0;
/// From the title's last baseline down to the legend's baseline.
const LEGEND_DROP_EM: f32 = 1.9;
/// How far a swatch's top rises above the legend's baseline.
const SWATCH_RISE_EM: f32 = 0.8;
/// From a swatch's left edge to the start of its word.
const SWATCH_ADVANCE_EM: f32 = 1.4;
/// After an entry's word, before the next swatch.
const ENTRY_GAP_EM: f32 = 1.6;
/// The target's sample line: its height above the baseline, its length, and the advance from
/// its start to its words.
const SAMPLE_RISE_EM: f32 = 0.35;
const SAMPLE_LENGTH_EM: f32 = 2.4;
const SAMPLE_ADVANCE_EM: f32 = 2.9;
/// The sample line's width.
const SAMPLE_LINE_WIDTH: f32 = 1.5;

/// The text size of the note a chart without bars shows.
const EMPTY_NOTE_SIZE: f32 = 12.0;

/// The % axis above the highest bar and the target, as a share of it.
const HEADROOM: f64 = 1.12;
/// From the legend's baseline down to the plot's top, in ems of the bar labels.
const PLOT_DROP_EM: f32 = 2.2;
/// A plot shorter than this is not drawn: the picture is too small for bars.
const MIN_PLOT_HEIGHT: f32 = 40.0;
/// The tick labels' text size, and how far a label's baseline sits under its grid line.
const TICK_SIZE: f32 = 9.0;
const TICK_DROP_EM: f32 = 0.35;
/// Between a tick label's end and the plot.
const TICK_GAP: f32 = 4.0;
/// Room the tick labels' column takes beyond the widest label.
const TICK_COLUMN_ROOM: f32 = 8.0;
/// Line widths: the grid, the axis under the bars, the target line.
const GRID_WIDTH: f32 = 0.6;
const AXIS_WIDTH: f32 = 0.8;
const TARGET_WIDTH: f32 = 1.6;

/// Slots the plot is divided into at least, so that one or two bars are not a wall of colour.
const MIN_SLOTS: usize = 4;
/// A bar's width, as a share of its slot.
const BAR_SHARE: f32 = 0.6;
/// Beside last year's bar: this year's bar, last year's, and the gap between them, as shares of
/// the slot; last year's % label's size as a share of this year's.
const PAIR_THIS_SHARE: f32 = 0.42;
const PAIR_LAST_SHARE: f32 = 0.26;
const PAIR_GAP_SHARE: f32 = 0.04;
const LAST_LABEL_SHARE: f32 = 0.85;
/// The % label over a bar: its largest and smallest text size, at most this part of its slot,
/// and its gap above the bar.
const LABEL_SIZE: f32 = 10.0;
const LABEL_MIN_SIZE: f32 = 6.0;
const LABEL_SLOT_DIVISOR: f32 = 3.2;
const LABEL_GAP: f32 = 4.0;
/// The indicators' names under the bars: their text size, line advance, the gap under the
/// plot, and the room kept clear between the names of neighbouring bars.
const NAME_SIZE: f32 = 8.5;
const NAME_LEADING_EM: f32 = 1.2;
const NAME_GAP: f32 = 4.0;
const NAME_SIDE_ROOM: f32 = 4.0;

/// The chart of a report's year, `width` × `height` points, with its title: the title, the
/// legend, then (when any indicator has a % of plan) the axis, the bars and the target line.
pub fn layout(report: &Report, locale: Locale, faces: &Faces, width: f32, height: f32) -> Scene {
    let lang = locale.lang;
    let mut scene = Scene::blank(width, height);
    let title = report_words::chart_title(report.year, &report.unit, lang);
    let title_baseline = title_lines(&mut scene, faces, &title);
    let legend_baseline = title_baseline + LEGEND_SIZE * LEGEND_DROP_EM;
    let bars = bars(report, locale);
    let last_year = bars.iter().any(|b| b.last.is_some()).then_some(report.year);
    legend(&mut scene, faces, lang, legend_baseline, last_year);
    if bars.is_empty() {
        scene.text(
            width / 2.0,
            (legend_baseline + height) / 2.0,
            EMPTY_NOTE_SIZE,
            Weight::Regular,
            colour::MUTED,
            Anchor::Middle,
            report_words::chart_empty(lang),
        );
        return scene;
    }
    if bars.len() >= SIDEWAYS_FROM {
        sideways::draw(&mut scene, &bars, faces, locale.style, legend_baseline);
        return scene;
    }
    let Some(plot) = Plot::new(&bars, faces, locale.style, (width, height), legend_baseline) else {
        return scene;
    };
    axis(&mut scene, &plot, locale.style);
    let mut labels = Vec::new();
    bar_shapes(&mut scene, &plot, faces, &bars, &mut labels);
    target_line(&mut scene, &plot);
    on_paper(&mut scene, faces, labels);
    scene
}

/// The height the chart of a report's year needs, `width` points wide, and at least `least`:
/// bars lying sideways ([`SIDEWAYS_FROM`] and more) take a line each, their names whole.
pub fn height(report: &Report, locale: Locale, faces: &Faces, width: f32, least: f32) -> f32 {
    let bars = bars(report, locale);
    if bars.len() < SIDEWAYS_FROM {
        return least;
    }
    let title = report_words::chart_title(report.year, &report.unit, locale.lang);
    let title_lines = faces.wrap(&title, TITLE_SIZE, Weight::Bold, width - 2.0 * MARGIN);
    #[allow(clippy::cast_precision_loss)]
    let title_baseline = MARGIN + title_lines.len() as f32 * TITLE_SIZE * TITLE_LEADING_EM;
    let legend_baseline = title_baseline + LEGEND_SIZE * LEGEND_DROP_EM;
    sideways::height(&bars, faces, width, legend_baseline).max(least)
}

/// The title, wrapped to the picture's width under the top margin; returns its last baseline.
fn title_lines(scene: &mut Scene, faces: &Faces, title: &str) -> f32 {
    let lines = faces.wrap(title, TITLE_SIZE, Weight::Bold, scene.width - 2.0 * MARGIN);
    let mut y = MARGIN;
    for line in lines {
        y += TITLE_SIZE * TITLE_LEADING_EM;
        scene.text(
            MARGIN,
            y,
            TITLE_SIZE,
            Weight::Bold,
            colour::TEXT,
            Anchor::Start,
            line,
        );
    }
    y
}

/// The legend on the baseline `y`: a swatch and a word for each status a bar can have, then a
/// sample of the dashed target line and its name; for a chart of `last_year`'s year drawing last
/// year's bars, their swatch and name ("Năm trước (2020)").
fn legend(scene: &mut Scene, faces: &Faces, lang: Lang, y: f32, last_year: Option<i16>) {
    let mut x = MARGIN;
    for status in [Status::Exceeded, Status::Met, Status::NotMet] {
        scene.shapes.push(Shape::Rect {
            x,
            y: y - LEGEND_SIZE * SWATCH_RISE_EM,
            width: LEGEND_SIZE,
            height: LEGEND_SIZE,
            fill: status_colour(status),
        });
        x += LEGEND_SIZE * SWATCH_ADVANCE_EM;
        let word = status.word(lang);
        let word_width = faces.width(&word, LEGEND_SIZE, Weight::Regular);
        // The entry ends a gap after its word. The word is placed back from that end rather
        // than at `x`: the same point to a rounding, which keeps the pictures already sent out
        // identical to the pixel.
        let end = x + (word_width + LEGEND_SIZE * ENTRY_GAP_EM);
        scene.text(
            end - word_width - LEGEND_SIZE * ENTRY_GAP_EM,
            y,
            LEGEND_SIZE,
            Weight::Regular,
            colour::TEXT,
            Anchor::Start,
            word,
        );
        x = end;
    }
    let sample = y - LEGEND_SIZE * SAMPLE_RISE_EM;
    scene.line(
        (x, sample),
        (x + SAMPLE_LENGTH_EM * LEGEND_SIZE, sample),
        SAMPLE_LINE_WIDTH,
        colour::TARGET,
        true,
    );
    x += SAMPLE_ADVANCE_EM * LEGEND_SIZE;
    let target = report_words::chart_target(lang);
    let target_width = faces.width(&target, LEGEND_SIZE, Weight::Regular);
    scene.text(
        x,
        y,
        LEGEND_SIZE,
        Weight::Regular,
        colour::TEXT,
        Anchor::Start,
        target,
    );
    let Some(year) = last_year else { return };
    x += target_width + LEGEND_SIZE * ENTRY_GAP_EM;
    scene.shapes.push(Shape::Rect {
        x,
        y: y - LEGEND_SIZE * SWATCH_RISE_EM,
        width: LEGEND_SIZE,
        height: LEGEND_SIZE,
        fill: colour::LAST_YEAR,
    });
    scene.text(
        x + LEGEND_SIZE * SWATCH_ADVANCE_EM,
        y,
        LEGEND_SIZE,
        Weight::Regular,
        colour::TEXT,
        Anchor::Start,
        report::last_year_legend(year, lang),
    );
}

/// One bar of the chart: an indicator with a % of plan.
#[derive(Clone, Debug, PartialEq)]
struct Bar {
    /// The indicator's whole name ("Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)").
    name: String,
    percent: f64,
    status: Status,
    /// The % as the report prints it ("114,6%").
    label: String,
    /// Last year's % of plan, and as printed.
    last: Option<(f64, String)>,
}

/// The report's bars, in report order: the rows with a % of plan.
fn bars(report: &Report, locale: Locale) -> Vec<Bar> {
    let lang = locale.lang;
    report
        .rows
        .iter()
        .filter_map(|row| {
            let percent = row.assessment.percent?;
            let last = row
                .previous_percent
                .and_then(|p| Some((p.to_f64()?, report::percent_text(Some(p), locale.style)?)));
            Some(Bar {
                name: row.indicator.name(lang).to_owned(),
                percent: percent.to_f64()?,
                status: row.assessment.status,
                label: report::percent_text(Some(percent), locale.style)?,
                last,
            })
        })
        .collect()
}

/// Where the bars are drawn: the plot's edges in points and the % its top stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Plot {
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    /// The % at the plot's top.
    top_percent: f64,
    /// The % between two grid lines.
    step: f64,
}

impl Plot {
    /// The plot of a picture `size` points wide and high whose legend sits on `legend_baseline`:
    /// room on the left for the % labels, below for the names. `None` when the picture leaves
    /// no useful height for bars.
    fn new(
        bars: &[Bar],
        faces: &Faces,
        style: NumberStyle,
        size: (f32, f32),
        legend_baseline: f32,
    ) -> Option<Self> {
        let (width, height) = size;
        let top_percent = bars
            .iter()
            .flat_map(|b| [Some(b.percent), b.last.as_ref().map(|(p, _)| *p)])
            .flatten()
            .fold(TARGET, f64::max)
            * HEADROOM;
        let labels = faces.width(&tick_label(top_percent, style), TICK_SIZE, Weight::Regular);
        let left = MARGIN + (labels + TICK_COLUMN_ROOM);
        let top = legend_baseline + LABEL_SIZE * PLOT_DROP_EM;
        #[allow(clippy::cast_precision_loss)]
        let bottom = height - MARGIN - NAME_LINES as f32 * NAME_SIZE * NAME_LEADING_EM - NAME_GAP;
        (bottom - top >= MIN_PLOT_HEIGHT).then_some(Self {
            left,
            right: width - MARGIN,
            top,
            bottom,
            top_percent,
            step: crate::domain::report::percent_axis_step(top_percent),
        })
    }

    /// The height of a %.
    fn y_of(&self, percent: f64) -> f32 {
        // Precision loss is irrelevant at the scale of a drawing.
        #[allow(clippy::cast_possible_truncation)]
        let share = (percent / self.top_percent) as f32;
        self.bottom - share * (self.bottom - self.top)
    }

    /// The width of one bar's slot, and where the first slot starts, for `count` bars centred
    /// in at least `MIN_SLOTS` slots.
    fn slots(&self, count: usize) -> (f32, f32) {
        #[allow(clippy::cast_precision_loss)]
        let slots = count.max(MIN_SLOTS) as f32;
        let slot = (self.right - self.left) / slots;
        #[allow(clippy::cast_precision_loss)]
        let offset = (slots - count as f32) / 2.0 * slot;
        (slot, self.left + offset)
    }
}

/// The % axis: a grid line and a label at each step from 0 to the top, and the axis line under
/// the bars.
fn axis(scene: &mut Scene, plot: &Plot, style: NumberStyle) {
    let mut tick = 0.0;
    while tick <= plot.top_percent {
        let y = plot.y_of(tick);
        scene.line(
            (plot.left, y),
            (plot.right, y),
            GRID_WIDTH,
            colour::GRID,
            false,
        );
        scene.text(
            plot.left - TICK_GAP,
            y + TICK_SIZE * TICK_DROP_EM,
            TICK_SIZE,
            Weight::Regular,
            colour::MUTED,
            Anchor::End,
            tick_label(tick, style),
        );
        tick += plot.step;
    }
    scene.line(
        (plot.left, plot.bottom),
        (plot.right, plot.bottom),
        AXIS_WIDTH,
        colour::AXIS,
        false,
    );
}

/// Each bar in its status colour, its name below the axis, its % above it (added to `labels`,
/// drawn over the target line); where any bar has last year's %, last year's lighter bar on its
/// left.
fn bar_shapes(
    scene: &mut Scene,
    plot: &Plot,
    faces: &Faces,
    bars: &[Bar],
    labels: &mut Vec<Shape>,
) {
    let (slot, first) = plot.slots(bars.len());
    // The same for every bar: a label no larger than its slot allows.
    let label_size = LABEL_SIZE
        .min(slot / LABEL_SLOT_DIVISOR)
        .max(LABEL_MIN_SIZE);
    let paired = bars.iter().any(|b| b.last.is_some());
    for (i, bar) in bars.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let centre = first + (i as f32 + 0.5) * slot;
        // This year's bar: alone in the middle of its slot, or right of last year's.
        let (this_x, this_width) = if paired {
            let pair = slot * (PAIR_THIS_SHARE + PAIR_GAP_SHARE + PAIR_LAST_SHARE);
            let start = centre - pair / 2.0 + slot * (PAIR_LAST_SHARE + PAIR_GAP_SHARE);
            (start, slot * PAIR_THIS_SHARE)
        } else {
            (centre - slot * (BAR_SHARE / 2.0), slot * BAR_SHARE)
        };
        let bar_top = plot.y_of(bar.percent);
        let fill = status_colour(bar.status);
        scene.shapes.push(Shape::Rect {
            x: this_x,
            y: bar_top,
            width: this_width,
            height: plot.bottom - bar_top,
            fill,
        });
        labels.push(Shape::Text {
            x: this_x + this_width / 2.0,
            y: bar_top - LABEL_GAP,
            size: label_size,
            weight: Weight::Bold,
            colour: fill,
            anchor: Anchor::Middle,
            text: bar.label.clone(),
        });
        if let Some((last, label)) = &bar.last {
            let this_label = (faces.width(&bar.label, label_size, Weight::Bold), bar_top);
            let shapes = (&mut *scene, &mut *labels);
            last_year_bar(
                shapes,
                plot,
                faces,
                (slot, centre),
                (*last, label),
                (label_size, this_label),
            );
        }
        let lines = name_lines(faces, &bar.name, NAME_SIZE, slot - NAME_SIDE_ROOM);
        for (n, line) in lines.into_iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let y = plot.bottom + NAME_GAP + (n as f32 + 1.0) * NAME_SIZE * NAME_LEADING_EM;
            scene.text(
                centre,
                y,
                NAME_SIZE,
                Weight::Regular,
                colour::TEXT,
                Anchor::Middle,
                line,
            );
        }
    }
}

/// Last year's lighter bar on the left of its slot (centred at `centre`), its % above it (added
/// to `labels`) in a smaller muted size where it keeps clear of this year's label (of
/// `label_size`, its width and its bar's top given).
fn last_year_bar(
    (scene, labels): (&mut Scene, &mut Vec<Shape>),
    plot: &Plot,
    faces: &Faces,
    (slot, centre): (f32, f32),
    (percent, label): (f64, &str),
    (label_size, (this_width, this_top)): (f32, (f32, f32)),
) {
    let pair = slot * (PAIR_THIS_SHARE + PAIR_GAP_SHARE + PAIR_LAST_SHARE);
    let x = centre - pair / 2.0;
    let width = slot * PAIR_LAST_SHARE;
    let top = plot.y_of(percent);
    scene.shapes.push(Shape::Rect {
        x,
        y: top,
        width,
        height: plot.bottom - top,
        fill: colour::LAST_YEAR,
    });
    let size = label_size * LAST_LABEL_SHARE;
    // The two labels are centred over their bars; they clash when they come closer than their
    // half widths side by side and than a line's height up and down.
    let apart = slot * (PAIR_LAST_SHARE / 2.0 + PAIR_GAP_SHARE + PAIR_THIS_SHARE / 2.0);
    let side_by_side = faces.width(label, size, Weight::Regular) / 2.0 + this_width / 2.0 + 2.0;
    let clear = side_by_side <= apart || (top - this_top).abs() >= label_size;
    if clear {
        labels.push(Shape::Text {
            x: x + width / 2.0,
            y: top - LABEL_GAP,
            size,
            weight: Weight::Regular,
            colour: colour::MUTED,
            anchor: Anchor::Middle,
            text: label.to_owned(),
        });
    }
}

/// Draws the bars' % labels last, each on a patch of paper: read whole where the target line
/// crosses them.
fn on_paper(scene: &mut Scene, faces: &Faces, labels: Vec<Shape>) {
    /// How far a patch reaches above the baseline, and its height, in ems of its text.
    const PATCH_RISE_EM: f32 = 0.85;
    const PATCH_HEIGHT_EM: f32 = 1.1;
    for label in labels {
        if let Shape::Text {
            x,
            y,
            size,
            weight,
            anchor,
            text,
            ..
        } = &label
        {
            let width = faces.width(text, *size, *weight);
            scene.shapes.push(Shape::Rect {
                x: anchor.start(*x, width) - 1.0,
                y: y - size * PATCH_RISE_EM,
                width: width + 2.0,
                height: size * PATCH_HEIGHT_EM,
                fill: colour::PAPER,
            });
        }
        scene.shapes.push(label);
    }
}

/// The dashed target line across the plot, over the bars.
fn target_line(scene: &mut Scene, plot: &Plot) {
    let y = plot.y_of(TARGET);
    scene.line(
        (plot.left, y),
        (plot.right, y),
        TARGET_WIDTH,
        colour::TARGET,
        true,
    );
}

/// An indicator's name under its bar: wrapped, at most `NAME_LINES` lines, the last one cut
/// with an ellipsis when the name runs longer.
fn name_lines(faces: &Faces, name: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = faces.wrap(name, size, Weight::Regular, width);
    if lines.len() > NAME_LINES {
        lines.truncate(NAME_LINES);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty()
                && faces.width(&format!("{last}…"), size, Weight::Regular) > width
            {
                last.pop();
            }
            *last = format!("{}…", last.trim_end());
        }
    }
    lines
}

fn tick_label(percent: f64, style: NumberStyle) -> String {
    let value = rust_decimal::Decimal::from_f64_retain(percent.round()).unwrap_or_default();
    crate::domain::number::format_percent(value, style)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_published_year_charts_its_bars_with_formatted_percents() {
        let (_dir, ward) = crate::export::tests::demo_ward_year();
        let report = ward.report;
        let faces = Faces::new();
        let scene = layout(&report, Lang::Vi.into(), &faces, 800.0, 450.0);
        let texts: Vec<&str> = scene.texts().collect();
        assert!(texts.contains(&"114,6%"), "{texts:?}");
        assert!(texts.contains(&"103%"), "{texts:?}");
        assert!(texts.contains(&"Mục tiêu 100%"), "{texts:?}");
        assert!(
            texts.iter().any(|t| t.contains("Thanh Trường")),
            "{texts:?}"
        );
        for text in &texts {
            assert!(faces.covers(text), "a glyph the font lacks: {text}");
        }
        assert_on_the_picture(&scene, &faces);
        let english = layout(&report, Lang::En.into(), &faces, 800.0, 450.0);
        assert!(english.texts().any(|t| t == "114.6%"));
    }

    /// Every shape stays on the picture: rectangles, lines, and each text's whole extent.
    fn assert_on_the_picture(scene: &Scene, faces: &Faces) {
        let (right, bottom) = (scene.width + 0.01, scene.height + 0.01);
        let inside = |x: f32, y: f32| (0.0..=right).contains(&x) && (0.0..=bottom).contains(&y);
        for shape in &scene.shapes {
            match shape {
                Shape::Rect {
                    x,
                    y,
                    width,
                    height,
                    ..
                } => assert!(inside(*x, *y) && inside(x + width, y + height), "{shape:?}"),
                Shape::Line { from, to, .. } => {
                    assert!(inside(from.0, from.1) && inside(to.0, to.1), "{shape:?}");
                }
                Shape::Text {
                    x,
                    y,
                    size,
                    weight,
                    anchor,
                    text,
                    ..
                } => {
                    let width = faces.width(text, *size, *weight);
                    let start = anchor.start(*x, width);
                    assert!(
                        inside(start, y - size) && inside(start + width, *y),
                        "{shape:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn many_bars_lie_sideways_each_name_whole_and_the_picture_grows_to_hold_them() {
        let (_dir, mut ward) = crate::export::tests::demo_ward_year();
        // Every line of the catalogue with a % of plan, every other one with last year's.
        for (i, row) in ward.report.rows.iter_mut().enumerate() {
            row.assessment.percent = Some(rust_decimal::Decimal::from(90 + i));
            row.assessment.status = Status::Exceeded;
            row.previous_percent = (i % 2 == 0).then(|| rust_decimal::Decimal::from(85 + i));
        }
        let count = ward.report.rows.len();
        assert!(count >= 27, "{count}");
        let faces = Faces::new();
        let locale = Lang::Vi.into();
        let height = super::height(&ward.report, locale, &faces, 800.0, 450.0);
        assert!(height > 450.0, "{height}");
        let scene = layout(&ward.report, locale, &faces, 800.0, height);
        assert_on_the_picture(&scene, &faces);
        // Each name whole, its lines one after the other, never cut with "…".
        let texts: Vec<&str> = scene.texts().collect();
        let joined = texts.join(" ");
        for row in &ward.report.rows {
            assert!(
                joined.contains(&row.indicator.name_vi),
                "{}",
                row.indicator.name_vi
            );
        }
        assert!(!texts.iter().any(|t| t.ends_with('…')), "{texts:?}");
        // Every bar and every last year's bar drawn, and the legend says what the lighter are.
        let fills = |fill: Rgb| {
            scene
                .shapes
                .iter()
                .filter(|s| matches!(s, Shape::Rect { fill: f, .. } if *f == fill))
                .count()
        };
        assert_eq!(
            fills(colour::EXCEEDED),
            count + 1,
            "the bars and the swatch"
        );
        assert_eq!(fills(colour::LAST_YEAR), count.div_ceil(2) + 1);
        assert!(texts.contains(&"Năm trước (2020)"));
        // Few bars keep the height they are given.
        ward.report.rows.truncate(SIDEWAYS_FROM - 1);
        assert_eq!(
            super::height(&ward.report, locale, &faces, 800.0, 450.0),
            450.0
        );
    }

    fn bar(percent: f64) -> Bar {
        Bar {
            name: "Thu ngân sách".into(),
            percent,
            status: Status::Exceeded,
            label: format!("{percent}%"),
            last: None,
        }
    }

    #[test]
    fn the_legend_shows_the_three_statuses_and_the_dashed_target() {
        let faces = Faces::new();
        let mut scene = Scene::blank(800.0, 450.0);
        legend(&mut scene, &faces, Lang::Vi, 60.0, None);
        let swatches: Vec<&Shape> = scene.shapes[1..]
            .iter()
            .filter(|s| matches!(s, Shape::Rect { .. }))
            .collect();
        assert_eq!(swatches.len(), 3);
        let dashed = scene
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Line { dashed: true, .. }))
            .count();
        assert_eq!(dashed, 1);
        let texts: Vec<&str> = scene.texts().collect();
        assert_eq!(texts, ["Vượt", "Đạt", "Không đạt", "Mục tiêu 100%"]);
    }

    #[test]
    fn last_years_percent_stands_beside_this_years_with_its_legend() {
        let (_dir, mut ward) = crate::export::tests::demo_ward_year();
        let faces = Faces::new();
        // Without last year's %, no lighter bar and no legend for it.
        let plain = layout(&ward.report, Lang::Vi.into(), &faces, 800.0, 450.0);
        let last_fills = |scene: &Scene| {
            scene
                .shapes
                .iter()
                .filter(|s| matches!(s, Shape::Rect { fill, .. } if *fill == colour::LAST_YEAR))
                .count()
        };
        assert_eq!(last_fills(&plain), 0);
        assert!(!plain.texts().any(|t| t.starts_with("Năm trước")));
        // The crop at 80% of its plan last year; the budget had no plan last year.
        let crop = ward
            .report
            .rows
            .iter_mut()
            .find(|r| r.indicator.code == "crop_output")
            .unwrap();
        crop.previous_percent = Some(rust_decimal::Decimal::from(80));
        let scene = layout(&ward.report, Lang::Vi.into(), &faces, 800.0, 450.0);
        let texts: Vec<&str> = scene.texts().collect();
        assert!(texts.contains(&"Năm trước (2020)"), "{texts:?}");
        assert!(texts.contains(&"80%"), "{texts:?}");
        assert!(
            texts.contains(&"114,6%") && texts.contains(&"103%"),
            "{texts:?}"
        );
        // One lighter bar, and the legend's swatch.
        assert_eq!(last_fills(&scene), 2);
        // Last year's bar stands left of this year's and is shorter (80% against 114,6%).
        let rect_of = |fill: Rgb| {
            scene.shapes.iter().find_map(|s| match s {
                Shape::Rect {
                    x,
                    y,
                    width,
                    fill: f,
                    ..
                } if *f == fill && *y > 80.0 => Some((*x, *y, *width)),
                _ => None,
            })
        };
        let (last_x, last_y, last_width) = rect_of(colour::LAST_YEAR).unwrap();
        let (this_x, this_y, _) = rect_of(colour::EXCEEDED).unwrap();
        assert!(last_x + last_width < this_x, "{last_x} {this_x}");
        assert!(last_y > this_y);
        // Full names, wrapped under the bars, the parenthesis included.
        let names = texts.join(" ");
        assert!(names.contains("cây vụ 3)"), "{texts:?}");
        let english = layout(&ward.report, Lang::En.into(), &faces, 800.0, 450.0);
        assert!(english.texts().any(|t| t == "Last year (2020)"));
    }

    #[test]
    fn the_plot_leaves_room_for_the_labels_and_maps_percents_to_heights() {
        let faces = Faces::new();
        let bars = [bar(114.6), bar(50.0)];
        let plot = Plot::new(&bars, &faces, NumberStyle::Vi, (800.0, 450.0), 60.0).unwrap();
        assert!(plot.left > MARGIN && plot.right == 800.0 - MARGIN);
        assert!((plot.top_percent - 114.6 * 1.12).abs() < 1e-9);
        assert_eq!(plot.y_of(0.0), plot.bottom);
        assert_eq!(plot.y_of(plot.top_percent), plot.top);
        assert!(plot.y_of(TARGET) < plot.y_of(50.0));
        // No plot where the picture leaves no height for one.
        assert_eq!(
            Plot::new(&bars, &faces, NumberStyle::Vi, (800.0, 120.0), 60.0),
            None
        );
    }

    #[test]
    fn two_bars_stand_in_the_middle_of_four_slots() {
        let faces = Faces::new();
        let plot = Plot::new(&[bar(100.0)], &faces, NumberStyle::Vi, (800.0, 450.0), 60.0).unwrap();
        let (slot, first) = plot.slots(2);
        assert!((slot - (plot.right - plot.left) / 4.0).abs() < 1e-3);
        assert!((first - (plot.left + slot)).abs() < 1e-3);
        // Many bars fill the plot.
        let (slot, first) = plot.slots(10);
        assert!((slot * 10.0 - (plot.right - plot.left)).abs() < 1e-3);
        assert_eq!(first, plot.left);
    }

    #[test]
    fn a_year_without_a_percent_of_plan_says_so_and_draws_no_bar() {
        let (_dir, mut ward) = crate::export::tests::demo_ward_year();
        for row in &mut ward.report.rows {
            row.assessment.percent = None;
        }
        let faces = Faces::new();
        let scene = layout(&ward.report, Lang::En.into(), &faces, 800.0, 450.0);
        assert!(
            scene
                .texts()
                .any(|t| t == "No indicator has both a plan and a figure this year.")
        );
        // The paper and the legend's three swatches, no bar.
        let rects = scene
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Rect { .. }))
            .count();
        assert_eq!(rects, 4);
    }
}
