//! The % of plan chart as a picture, laid out once as rectangles, lines and text in points and
//! then drawn by `png` (pixels, for a Word report) and `pdf` (vectors, on the printed page): one
//! bar per indicator with a plan and a value, coloured by status, its % above it, a dashed line
//! at the 100% target, the indicators' short names under the bars, a legend of the statuses.

use rust_decimal::prelude::ToPrimitive as _;

use super::font::{Faces, Weight};
use crate::domain::report::{self, Report};
use crate::domain::report_words;
use crate::domain::{Lang, Status};

/// A colour, red green blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The print palette: the window's light palette (kept equal by a test in `app::theme`), on
/// white paper.
pub mod colour {
    use super::Rgb;
    pub const EXCEEDED: Rgb = Rgb(0x1B, 0x7F, 0x3B);
    pub const MET: Rgb = Rgb(0x1F, 0x5F, 0xAF);
    pub const NOT_MET: Rgb = Rgb(0xB3, 0x26, 0x1E);
    pub const MISSING: Rgb = Rgb(0x70, 0x70, 0x70);
    pub const TARGET: Rgb = Rgb(0x20, 0x20, 0x20);
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

/// The target every bar is measured against.
const TARGET: f64 = 100.0;
/// Lines an indicator's name may take under its bar.
const NAME_LINES: usize = 3;

/// The chart of a report's year, `width` × `height` points, with its title.
pub fn layout(report: &Report, lang: Lang, faces: &Faces, width: f32, height: f32) -> Scene {
    let mut scene = Scene {
        width,
        height,
        shapes: vec![Shape::Rect {
            x: 0.0,
            y: 0.0,
            width,
            height,
            fill: colour::PAPER,
        }],
    };
    let margin = 16.0;
    let title = report_words::chart_title(report.year, &report.unit, lang);
    let title_size = 15.0;
    let title_lines = faces.wrap(&title, title_size, Weight::Bold, width - 2.0 * margin);
    let mut y = margin;
    for line in &title_lines {
        y += title_size * 1.25;
        scene.text(
            margin,
            y,
            title_size,
            Weight::Bold,
            colour::TEXT,
            Anchor::Start,
            line.clone(),
        );
    }

    let bars: Vec<(String, f64, Status, String)> = report
        .rows
        .iter()
        .filter_map(|row| {
            let percent = row.assessment.percent?;
            Some((
                row.indicator
                    .name(lang)
                    .split(" (")
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
                percent.to_f64()?,
                row.assessment.status,
                report::percent_text(Some(percent), lang)?,
            ))
        })
        .collect();

    // The legend, right under the title.
    let legend_size = 10.0;
    y += legend_size * 1.9;
    let mut x = margin;
    for status in [Status::Exceeded, Status::Met, Status::NotMet] {
        scene.shapes.push(Shape::Rect {
            x,
            y: y - legend_size * 0.8,
            width: legend_size,
            height: legend_size,
            fill: status_colour(status),
        });
        x += legend_size * 1.4;
        let word = status.word(lang);
        x += faces.width(&word, legend_size, Weight::Regular) + legend_size * 1.6;
        scene.text(
            x - faces.width(&word, legend_size, Weight::Regular) - legend_size * 1.6,
            y,
            legend_size,
            Weight::Regular,
            colour::TEXT,
            Anchor::Start,
            word,
        );
    }
    scene.line(
        (x, y - legend_size * 0.35),
        (x + 2.4 * legend_size, y - legend_size * 0.35),
        1.5,
        colour::TARGET,
        true,
    );
    x += 2.9 * legend_size;
    scene.text(
        x,
        y,
        legend_size,
        Weight::Regular,
        colour::TEXT,
        Anchor::Start,
        report_words::chart_target(lang),
    );

    if bars.is_empty() {
        scene.text(
            width / 2.0,
            (y + height) / 2.0,
            12.0,
            Weight::Regular,
            colour::MUTED,
            Anchor::Middle,
            report_words::chart_empty(lang),
        );
        return scene;
    }

    // The plot: % on the left axis, names below.
    let tick_size = 9.0;
    let name_size = 8.5;
    let label_size = 10.0;
    let top = bars.iter().map(|b| b.1).fold(TARGET, f64::max) * 1.12;
    let step = nice_step(top);
    let axis_width = faces.width(&tick_label(top, lang), tick_size, Weight::Regular) + 8.0;
    let left = margin + axis_width;
    let right = width - margin;
    let plot_top = y + label_size * 2.2;
    let plot_bottom = height - margin - NAME_LINES as f32 * name_size * 1.2 - 4.0;
    if plot_bottom - plot_top < 40.0 {
        return scene;
    }
    // Precision loss is irrelevant at the scale of a drawing.
    #[allow(clippy::cast_possible_truncation)]
    let y_of = |percent: f64| plot_bottom - ((percent / top) as f32) * (plot_bottom - plot_top);

    let mut tick = 0.0;
    while tick <= top {
        let ty = y_of(tick);
        scene.line((left, ty), (right, ty), 0.6, colour::GRID, false);
        scene.text(
            left - 4.0,
            ty + tick_size * 0.35,
            tick_size,
            Weight::Regular,
            colour::MUTED,
            Anchor::End,
            tick_label(tick, lang),
        );
        tick += step;
    }
    scene.line(
        (left, plot_bottom),
        (right, plot_bottom),
        0.8,
        colour::AXIS,
        false,
    );

    // Room for at least four bars, so that one or two bars are not a wall of colour.
    #[allow(clippy::cast_precision_loss)]
    let slots = bars.len().max(4) as f32;
    let slot = (right - left) / slots;
    #[allow(clippy::cast_precision_loss)]
    let offset = (slots - bars.len() as f32) / 2.0 * slot;
    for (i, (name, percent, status, label)) in bars.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let centre = left + offset + (i as f32 + 0.5) * slot;
        let bar_top = y_of(*percent);
        scene.shapes.push(Shape::Rect {
            x: centre - slot * 0.3,
            y: bar_top,
            width: slot * 0.6,
            height: plot_bottom - bar_top,
            fill: status_colour(*status),
        });
        let label_size = label_size.min(slot / 3.2).max(6.0);
        scene.text(
            centre,
            bar_top - 4.0,
            label_size,
            Weight::Bold,
            status_colour(*status),
            Anchor::Middle,
            label.clone(),
        );
        let lines = name_lines(faces, name, name_size, slot - 4.0);
        for (n, line) in lines.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let ny = plot_bottom + 4.0 + (n as f32 + 1.0) * name_size * 1.2;
            scene.text(
                centre,
                ny,
                name_size,
                Weight::Regular,
                colour::TEXT,
                Anchor::Middle,
                line.clone(),
            );
        }
    }
    // The target line over the bars.
    let ty = y_of(TARGET);
    scene.line((left, ty), (right, ty), 1.6, colour::TARGET, true);
    scene
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

/// A round step for the % axis: about five ticks.
fn nice_step(top: f64) -> f64 {
    [10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0]
        .into_iter()
        .find(|step| top / step <= 6.0)
        .unwrap_or(top / 5.0)
}

fn tick_label(percent: f64, lang: Lang) -> String {
    let value = rust_decimal::Decimal::from_f64_retain(percent.round()).unwrap_or_default();
    crate::domain::number::format_percent(value, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_year_charts_its_bars_with_formatted_percents() {
        let (_dir, ward) = crate::export::tests::demo_ward_year();
        let report = ward.report;
        let faces = Faces::new();
        let scene = layout(&report, Lang::Vi, &faces, 800.0, 450.0);
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
        // Every shape stays on the picture: rectangles, lines, and each text's whole extent.
        let inside = |x: f32, y: f32| (0.0..=800.01).contains(&x) && (0.0..=450.01).contains(&y);
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
        let english = layout(&report, Lang::En, &faces, 800.0, 450.0);
        assert!(english.texts().any(|t| t == "114.6%"));
    }
}
