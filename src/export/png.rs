//! The % of plan chart as a PNG picture, for pasting into a Word report: the chart's scene
//! drawn on a pixel [`Surface`](draw::Surface) (tiny-skia for shapes, the embedded font's
//! outlines for text), at twice its size in points so that it stays sharp when printed.

use ab_glyph::{Font as _, PxScale, ScaleFont as _, point};
use tiny_skia::{
    Paint, PathBuilder, Pixmap, PremultipliedColorU8, Rect, Stroke, StrokeDash, Transform,
};

use super::chart::{Rgb, Scene};
use super::draw::{self, TextStyle};
use super::font::{Faces, size_to_px};

/// Pixels per point of the picture.
pub const SCALE: f32 = 2.0;
/// The chart's size in points (the picture is `SCALE` times larger).
pub const SIZE: (f32, f32) = (800.0, 450.0);
/// A dashed line's dash and gap, in points.
const DASH: [f32; 2] = [6.0, 4.0];

/// The scene drawn into pixels and encoded as PNG.
pub fn render(scene: &Scene, faces: &Faces) -> Result<Vec<u8>, String> {
    let pixmap = draw(scene, faces)?;
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// The scene drawn into pixels.
pub fn draw(scene: &Scene, faces: &Faces) -> Result<Pixmap, String> {
    // Picture sizes are small positive numbers of points.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (width, height) = (
        (scene.width * SCALE).round() as u32,
        (scene.height * SCALE).round() as u32,
    );
    let pixmap = Pixmap::new(width, height)
        .ok_or_else(|| format!("a picture of {width} × {height} pixels cannot be made"))?;
    let mut surface = PixmapSurface {
        pixmap,
        faces,
        transform: Transform::from_scale(SCALE, SCALE),
    };
    draw::shapes(&scene.shapes, faces, &mut surface);
    Ok(surface.pixmap)
}

/// Pixels to draw on, `SCALE` to a point: shapes through tiny-skia, text from the embedded
/// font's outlines.
struct PixmapSurface<'f> {
    pixmap: Pixmap,
    faces: &'f Faces,
    /// Points to pixels.
    transform: Transform,
}

impl draw::Surface for PixmapSurface<'_> {
    fn fill_rect(&mut self, x: f32, y: f32, width: f32, height: f32, fill: Rgb) {
        if let Some(rect) = Rect::from_xywh(x, y, width, height) {
            self.pixmap
                .fill_rect(rect, &paint(fill), self.transform, None);
        }
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
        let stroke = Stroke {
            width,
            dash: if dashed {
                StrokeDash::new(DASH.to_vec(), 0.0)
            } else {
                None
            },
            ..Stroke::default()
        };
        self.pixmap
            .stroke_path(&path, &paint(colour), &stroke, self.transform, None);
    }

    fn draw_text(&mut self, x: f32, y: f32, text: &str, style: TextStyle) {
        text_run(
            &mut self.pixmap,
            self.faces,
            style.weight,
            style.size,
            (x, y),
            style.colour,
            text,
        );
    }
}

fn paint(colour: Rgb) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(colour.0, colour.1, colour.2, 255);
    paint.anti_alias = true;
    paint
}

/// One line of text from `origin` (points; y the baseline), blended over what is drawn.
fn text_run(
    pixmap: &mut Pixmap,
    faces: &Faces,
    weight: super::font::Weight,
    size: f32,
    origin: (f32, f32),
    colour: Rgb,
    text: &str,
) {
    let face = faces.face(weight);
    let scale = PxScale::from(size_to_px(face, size) * SCALE);
    let scaled = face.as_scaled(scale);
    let (width, height) = (pixmap.width(), pixmap.height());
    let pixels = pixmap.pixels_mut();
    let mut caret = origin.0 * SCALE;
    let baseline = origin.1 * SCALE;
    let mut previous = None;
    for c in text.chars() {
        let id = face.glyph_id(c);
        if let Some(previous) = previous {
            caret += scaled.kern(previous, id);
        }
        previous = Some(id);
        let glyph = id.with_scale_and_position(scale, point(caret, baseline));
        caret += scaled.h_advance(id);
        let Some(outlined) = face.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outlined.px_bounds();
        outlined.draw(|gx, gy, coverage| {
            // Glyph bounds are small and near the picture: the casts cannot wrap in practice,
            // and pixels outside the picture are skipped.
            #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
            let (px, py) = (
                bounds.min.x as i64 + i64::from(gx),
                bounds.min.y as i64 + i64::from(gy),
            );
            let (Ok(px), Ok(py)) = (u32::try_from(px), u32::try_from(py)) else {
                return;
            };
            if px >= width || py >= height {
                return;
            }
            let index = (py as usize) * (width as usize) + px as usize;
            pixels[index] = blend(pixels[index], colour, coverage.clamp(0.0, 1.0));
        });
    }
}

/// `colour` at `alpha` over a premultiplied pixel.
fn blend(under: PremultipliedColorU8, colour: Rgb, alpha: f32) -> PremultipliedColorU8 {
    let mix = |over: u8, under: u8| -> u8 {
        // Both terms are within 0..=255.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let mixed = (f32::from(over) * alpha + f32::from(under) * (1.0 - alpha)).round() as u8;
        mixed
    };
    let a = mix(255, under.alpha());
    let channel = |over: u8, under: u8| mix(over, under).min(a);
    PremultipliedColorU8::from_rgba(
        channel(colour.0, under.red()),
        channel(colour.1, under.green()),
        channel(colour.2, under.blue()),
        a,
    )
    .unwrap_or(under)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::Lang;
    use crate::export::chart::{self, colour};

    #[test]
    fn the_chart_is_a_png_with_coloured_bars_and_dark_text() {
        let (_dir, ward) = crate::export::tests::demo_ward_year();
        let faces = Faces::new();
        let scene = chart::layout(&ward.report, Lang::Vi.into(), &faces, SIZE.0, SIZE.1);
        let bytes = render(&scene, &faces).unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        let pixmap = Pixmap::decode_png(&bytes).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (1600, 900));
        let count = |rgb: Rgb| {
            pixmap
                .pixels()
                .iter()
                .filter(|p| (p.red(), p.green(), p.blue()) == (rgb.0, rgb.1, rgb.2))
                .count()
        };
        // Crop output exceeded its plan, budget revenue too: green bars, solid colour.
        assert!(
            count(colour::EXCEEDED) > 10_000,
            "{}",
            count(colour::EXCEEDED)
        );
        // Text was drawn: many dark pixels beyond the bars.
        let dark = pixmap
            .pixels()
            .iter()
            .filter(|p| p.red() < 80 && p.green() < 80 && p.blue() < 80)
            .count();
        assert!(dark > 3_000, "{dark}");
        assert!(count(colour::PAPER) > 1_000_000, "mostly white paper");
    }
}
