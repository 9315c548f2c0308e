//! One drawing vocabulary for pictures and printed pages, the way plotters draws one chart
//! through its `DrawingBackend`: a [`Surface`] fills rectangles, strokes lines and sets text;
//! the PNG (tiny-skia pixels) and the PDF (krilla vectors) each implement it, and [`shapes`]
//! walks laid-out [`Shape`]s onto any surface. Positions and sizes are in points from the
//! top-left corner, y downwards; a surface converts them to its own units.

use super::chart::{Rgb, Shape};
use super::font::{Faces, Weight};

/// How a line of text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    /// The face: regular or bold.
    pub weight: Weight,
    /// The em size, in points.
    pub size: f32,
    pub colour: Rgb,
}

/// Something shapes are drawn on: a picture, a PDF page.
pub trait Surface {
    /// Fills the rectangle whose top-left corner is (`x`, `y`).
    fn fill_rect(&mut self, x: f32, y: f32, width: f32, height: f32, fill: Rgb);

    /// Strokes a straight line `width` points wide, solid or dashed (in the surface's dash).
    fn stroke_line(
        &mut self,
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        colour: Rgb,
        dashed: bool,
    );

    /// Sets one line of text starting at `x`, on the baseline `y`.
    fn draw_text(&mut self, x: f32, y: f32, text: &str, style: TextStyle);
}

/// Draws the shapes in order on a surface. A text's anchor is resolved here, against its width
/// in the embedded font, so that every surface sets a text at the same place.
pub fn shapes(shapes: &[Shape], faces: &Faces, surface: &mut impl Surface) {
    for shape in shapes {
        match shape {
            Shape::Rect {
                x,
                y,
                width,
                height,
                fill,
            } => surface.fill_rect(*x, *y, *width, *height, *fill),
            Shape::Line {
                from,
                to,
                width,
                colour,
                dashed,
            } => surface.stroke_line(*from, *to, *width, *colour, *dashed),
            Shape::Text {
                x,
                y,
                size,
                weight,
                colour,
                anchor,
                text,
            } => {
                let start = anchor.start(*x, faces.width(text, *size, *weight));
                let style = TextStyle {
                    weight: *weight,
                    size: *size,
                    colour: *colour,
                };
                surface.draw_text(start, *y, text, style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::chart::{Anchor, colour};

    /// A surface that writes down what it is asked to draw.
    #[derive(Default)]
    struct Recorder {
        calls: Vec<String>,
    }

    impl Surface for Recorder {
        fn fill_rect(&mut self, x: f32, y: f32, width: f32, height: f32, _: Rgb) {
            self.calls.push(format!("rect {x} {y} {width} {height}"));
        }

        fn stroke_line(&mut self, from: (f32, f32), to: (f32, f32), _: f32, _: Rgb, dashed: bool) {
            self.calls
                .push(format!("line {from:?} {to:?} dashed {dashed}"));
        }

        fn draw_text(&mut self, x: f32, y: f32, text: &str, style: TextStyle) {
            self.calls
                .push(format!("text {x} {y} {} {text}", style.size));
        }
    }

    #[test]
    fn shapes_are_drawn_in_order_with_texts_placed_by_their_anchor() {
        let faces = Faces::new();
        let text = |x, anchor| Shape::Text {
            x,
            y: 20.0,
            size: 10.0,
            weight: Weight::Regular,
            colour: colour::TEXT,
            anchor,
            text: "Đạt".into(),
        };
        let shapes = [
            Shape::Rect {
                x: 1.0,
                y: 2.0,
                width: 3.0,
                height: 4.0,
                fill: colour::PAPER,
            },
            Shape::Line {
                from: (0.0, 5.0),
                to: (10.0, 5.0),
                width: 1.0,
                colour: colour::TARGET,
                dashed: true,
            },
            text(100.0, Anchor::Start),
            text(100.0, Anchor::End),
        ];
        let mut recorder = Recorder::default();
        super::shapes(&shapes, &faces, &mut recorder);
        let width = faces.width("Đạt", 10.0, Weight::Regular);
        assert_eq!(
            recorder.calls,
            [
                "rect 1 2 3 4".to_owned(),
                "line (0.0, 5.0) (10.0, 5.0) dashed true".to_owned(),
                "text 100 20 10 Đạt".to_owned(),
                format!("text {} 20 10 Đạt", 100.0 - width),
            ]
        );
    }
}
