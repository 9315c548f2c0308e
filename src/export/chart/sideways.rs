//! The % of plan chart with its bars lying sideways, for many indicators (from
//! [`SIDEWAYS_FROM`](super::SIDEWAYS_FROM) bars), where bars standing up leave each name a
//! column a few letters wide: each name whole on the left, wrapped in its column (never cut),
//! its bar to the right with its % at its end, last year's lighter bar under it, the % axis
//! above, the dashed target down the chart. The picture grows taller with the bars
//! ([`height`]), the way the window's chart does.

use super::{Anchor, Bar, HEADROOM, MARGIN, Scene, Shape, TARGET, colour, status_colour};
use super::{GRID_WIDTH, TARGET_WIDTH, TICK_SIZE, on_paper, tick_label};
use crate::domain::number::NumberStyle;
use crate::export::font::{Faces, Weight};

/// The names' column: a share of the picture's width, at most so wide; its text size and line
/// advance; the gap between it and the bars.
const NAME_SHARE: f32 = 0.36;
const NAME_MAX: f32 = 260.0;
const NAME_SIZE: f32 = 8.5;
const NAME_LEADING_EM: f32 = 1.2;
const NAME_GAP: f32 = 8.0;
/// This year's bar, last year's under it, the gap between them, and between two indicators.
const BAR: f32 = 9.0;
const LAST_BAR: f32 = 5.0;
const BAR_GAP: f32 = 1.5;
const ROW_GAP: f32 = 5.0;
/// The % labels at the bars' ends: this year's and last year's size, the gap after the bar, the
/// room kept right of the longest bar.
const LABEL_SIZE: f32 = 8.0;
const LAST_LABEL_SIZE: f32 = 6.5;
const LABEL_GAP: f32 = 3.0;
const LABEL_ROOM: f32 = 42.0;
/// The tick labels' row above the bars.
const TICK_ROW: f32 = 14.0;
/// From the legend's baseline down to the tick labels' baseline.
const TICKS_DROP: f32 = 20.0;

/// One indicator's line: its name's lines and its height.
struct Row {
    name: Vec<String>,
    height: f32,
}

/// Where the bars are drawn.
struct Plot {
    left: f32,
    right: f32,
    /// The first line's top.
    top: f32,
    top_percent: f64,
    step: f64,
}

impl Plot {
    fn new(bars: &[Bar], width: f32, legend_baseline: f32) -> Self {
        let top_percent = bars
            .iter()
            .flat_map(|b| [Some(b.percent), b.last.as_ref().map(|(p, _)| *p)])
            .flatten()
            .fold(TARGET, f64::max)
            * HEADROOM;
        Self {
            left: MARGIN + name_width(width) + NAME_GAP,
            right: width - MARGIN - LABEL_ROOM,
            top: legend_baseline + TICKS_DROP + TICK_ROW / 2.0,
            top_percent,
            step: crate::domain::report::percent_axis_step(top_percent),
        }
    }

    /// The x of a %.
    fn x_of(&self, percent: f64) -> f32 {
        // Precision loss is irrelevant at the scale of a drawing.
        #[allow(clippy::cast_possible_truncation)]
        let share = (percent / self.top_percent).clamp(0.0, 1.0) as f32;
        self.left + share * (self.right - self.left)
    }
}

fn name_width(width: f32) -> f32 {
    (width * NAME_SHARE).min(NAME_MAX)
}

/// Each bar's line: its name wrapped whole, its height that of the name or of the bars.
fn rows(bars: &[Bar], faces: &Faces, width: f32) -> Vec<Row> {
    let paired = bars.iter().any(|b| b.last.is_some());
    let stack = if paired {
        BAR + BAR_GAP + LAST_BAR
    } else {
        BAR
    };
    bars.iter()
        .map(|bar| {
            let name = faces.wrap(&bar.name, NAME_SIZE, Weight::Regular, name_width(width));
            #[allow(clippy::cast_precision_loss)]
            let text = name.len() as f32 * NAME_SIZE * NAME_LEADING_EM;
            Row {
                name,
                height: text.max(stack) + ROW_GAP,
            }
        })
        .collect()
}

/// The height a picture `width` points wide needs for these bars under a legend on
/// `legend_baseline`.
pub(super) fn height(bars: &[Bar], faces: &Faces, width: f32, legend_baseline: f32) -> f32 {
    let plot = Plot::new(bars, width, legend_baseline);
    let rows: f32 = rows(bars, faces, width).iter().map(|r| r.height).sum();
    plot.top + rows + MARGIN
}

/// The axis, the bars, their names and %s, and the target line, under a legend on
/// `legend_baseline`.
pub(super) fn draw(
    scene: &mut Scene,
    bars: &[Bar],
    faces: &Faces,
    style: NumberStyle,
    legend_baseline: f32,
) {
    let plot = Plot::new(bars, scene.width, legend_baseline);
    let rows = rows(bars, faces, scene.width);
    let bottom = plot.top + rows.iter().map(|r| r.height).sum::<f32>();
    axis(scene, &plot, bottom, style);
    let mut labels = Vec::new();
    let mut y = plot.top;
    for (bar, row) in bars.iter().zip(&rows) {
        line(scene, &plot, (bar, row), y, &mut labels);
        y += row.height;
    }
    let x = plot.x_of(TARGET);
    scene.line(
        (x, plot.top),
        (x, bottom),
        TARGET_WIDTH,
        colour::TARGET,
        true,
    );
    on_paper(scene, faces, labels);
}

/// The % axis above the bars: a label and a grid line down the chart at each step.
fn axis(scene: &mut Scene, plot: &Plot, bottom: f32, style: NumberStyle) {
    let mut tick = 0.0;
    while tick <= plot.top_percent {
        let x = plot.x_of(tick);
        scene.line((x, plot.top), (x, bottom), GRID_WIDTH, colour::GRID, false);
        scene.text(
            x,
            plot.top - TICK_ROW / 2.0 + TICK_SIZE * 0.35,
            TICK_SIZE,
            Weight::Regular,
            colour::MUTED,
            Anchor::Middle,
            tick_label(tick, style),
        );
        tick += plot.step;
    }
}

/// One indicator from `top`: its name, its bar and last year's; its %s go to `labels`.
fn line(
    scene: &mut Scene,
    plot: &Plot,
    (bar, row): (&Bar, &Row),
    top: f32,
    labels: &mut Vec<Shape>,
) {
    let name_top =
        top + (row.height - ROW_GAP - row.name.len() as f32 * NAME_SIZE * NAME_LEADING_EM) / 2.0;
    for (n, text) in row.name.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let baseline = name_top + (n as f32 + 0.8) * NAME_SIZE * NAME_LEADING_EM;
        scene.text(
            MARGIN,
            baseline,
            NAME_SIZE,
            Weight::Regular,
            colour::TEXT,
            Anchor::Start,
            text.clone(),
        );
    }
    let stack = if bar.last.is_some() {
        BAR + BAR_GAP + LAST_BAR
    } else {
        BAR
    };
    let bar_top = top + (row.height - ROW_GAP - stack) / 2.0;
    let fill = status_colour(bar.status);
    let end = plot.x_of(bar.percent);
    scene.shapes.push(Shape::Rect {
        x: plot.left,
        y: bar_top,
        width: end - plot.left,
        height: BAR,
        fill,
    });
    labels.push(Shape::Text {
        x: end + LABEL_GAP,
        y: bar_top + BAR / 2.0 + LABEL_SIZE * 0.35,
        size: LABEL_SIZE,
        weight: Weight::Bold,
        colour: fill,
        anchor: Anchor::Start,
        text: bar.label.clone(),
    });
    if let Some((percent, text)) = &bar.last {
        let last_top = bar_top + BAR + BAR_GAP;
        let end = plot.x_of(*percent);
        scene.shapes.push(Shape::Rect {
            x: plot.left,
            y: last_top,
            width: end - plot.left,
            height: LAST_BAR,
            fill: colour::LAST_YEAR,
        });
        labels.push(Shape::Text {
            x: end + LABEL_GAP,
            y: last_top + LAST_BAR / 2.0 + LAST_LABEL_SIZE * 0.35,
            size: LAST_LABEL_SIZE,
            weight: Weight::Regular,
            colour: colour::MUTED,
            anchor: Anchor::Start,
            text: text.clone(),
        });
    }
}
