//! Draws the application icon, a bar chart crossing its 100% line in the window's own colours,
//! and writes it as `assets/icons/ward-kpi.png` (256×256: the Linux icon and the window's) and
//! `assets/icons/ward-kpi.ico` (16, 32, 48 and 256 px: the Windows program's icon). Run it again
//! after changing the drawing or the theme: `cargo run --example make_icon`.
//!
//! The drawing is laid out on a 16×16 grid, so each size (all multiples of 16) puts every edge
//! on a whole pixel and the small icons stay sharp.

use std::path::Path;

use anyhow::Context as _;
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, StrokeDash, Transform};
use ward_kpi::app::theme::LIGHT;

/// The sizes the .ico holds; the largest is also the .png.
const SIZES: [u32; 4] = [16, 32, 48, 256];
/// The grid the drawing is laid out on.
const GRID: f32 = 16.0;
/// The tile behind the chart: a very light blue-grey, so the icon reads on light and dark
/// desktops alike.
const TILE: (u8, u8, u8) = (0xF2, 0xF5, 0xF9);
/// The tile's edge, a shade darker.
const TILE_EDGE: (u8, u8, u8) = (0xC5, 0xCF, 0xDA);
/// The 100% line's height on the grid.
const TARGET_Y: f32 = 6.0;
/// The axis the bars stand on.
const BASE_Y: f32 = 13.0;

fn main() -> anyhow::Result<()> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons");
    std::fs::create_dir_all(&folder).with_context(|| folder.display().to_string())?;
    let mut entries = Vec::new();
    for size in SIZES {
        let pixmap = draw(size)?;
        let png = pixmap.encode_png().context("encoding the PNG")?;
        if size == 256 {
            let path = folder.join("ward-kpi.png");
            std::fs::write(&path, &png).with_context(|| path.display().to_string())?;
        }
        // Windows reads a 256 px entry as PNG, the smaller ones as bitmaps (as every icon
        // editor writes them, so any Windows version shows them).
        let data = if size == 256 { png } else { bitmap(&pixmap) };
        entries.push((size, data));
    }
    let path = folder.join("ward-kpi.ico");
    std::fs::write(&path, ico(&entries)).with_context(|| path.display().to_string())?;
    Ok(())
}

/// The icon drawn at one size.
fn draw(size: u32) -> anyhow::Result<Pixmap> {
    let mut pixmap = Pixmap::new(size, size).context("an empty icon size")?;
    #[allow(clippy::cast_precision_loss)] // The sizes are small whole numbers.
    let scale = Transform::from_scale(size as f32 / GRID, size as f32 / GRID);

    // The tile, with rounded corners and a thin edge.
    let tile = rounded_rect(0.25, 0.25, 15.5, 15.5, 3.0).context("the tile")?;
    pixmap.fill_path(&tile, &paint(TILE), FillRule::Winding, scale, None);
    let edge = Stroke {
        width: 0.5,
        ..Stroke::default()
    };
    pixmap.stroke_path(&tile, &paint(TILE_EDGE), &edge, scale, None);

    // Three bars, as the dashboard draws them: not met, met, exceeded.
    let bars = [
        (2.0, 9.0, LIGHT.not_met),
        (6.0, TARGET_Y, LIGHT.met),
        (10.0, 3.0, LIGHT.exceeded),
    ];
    for (left, top, colour) in bars {
        let rect = Rect::from_ltrb(left, top, left + 3.0, BASE_Y).context("a bar")?;
        pixmap.fill_rect(rect, &paint(rgb(colour)), scale, None);
    }

    // The axis, and the 100% line across the bars, dashed as on the chart.
    let ink = paint(rgb(LIGHT.target_line));
    let axis = Rect::from_ltrb(1.0, BASE_Y, 15.0, BASE_Y + 1.0).context("the axis")?;
    pixmap.fill_rect(axis, &ink, scale, None);
    let mut line = PathBuilder::new();
    line.move_to(1.0, TARGET_Y + 0.5);
    line.line_to(15.0, TARGET_Y + 0.5);
    let line = line.finish().context("the 100% line")?;
    let dashed = Stroke {
        width: 1.0,
        dash: StrokeDash::new(vec![2.0, 1.0], 0.0),
        ..Stroke::default()
    };
    pixmap.stroke_path(&line, &ink, &dashed, scale, None);
    Ok(pixmap)
}

/// A rectangle with rounded corners, on the grid.
fn rounded_rect(x: f32, y: f32, w: f32, h: f32, r: f32) -> Option<tiny_skia::Path> {
    // How far a cubic's handles reach to draw a quarter circle.
    const K: f32 = 0.552_284_8;
    let mut p = PathBuilder::new();
    p.move_to(x + r, y);
    p.line_to(x + w - r, y);
    p.cubic_to(x + w - r + K * r, y, x + w, y + r - K * r, x + w, y + r);
    p.line_to(x + w, y + h - r);
    p.cubic_to(
        x + w,
        y + h - r + K * r,
        x + w - r + K * r,
        y + h,
        x + w - r,
        y + h,
    );
    p.line_to(x + r, y + h);
    p.cubic_to(x + r - K * r, y + h, x, y + h - r + K * r, x, y + h - r);
    p.line_to(x, y + r);
    p.cubic_to(x, y + r - K * r, x + r - K * r, y, x + r, y);
    p.close();
    p.finish()
}

fn rgb(colour: egui::Color32) -> (u8, u8, u8) {
    (colour.r(), colour.g(), colour.b())
}

fn paint((r, g, b): (u8, u8, u8)) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(Color::from_rgba8(r, g, b, 255));
    paint.anti_alias = true;
    paint
}

/// One icon entry as a Windows bitmap: a BITMAPINFOHEADER, the pixels bottom row first in BGRA,
/// then the 1-bit mask (all zero: the alpha channel says what shows).
fn bitmap(pixmap: &Pixmap) -> Vec<u8> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let mask_row = width.div_ceil(32) * 4;
    let mut out = Vec::new();
    out.extend_from_slice(&40u32.to_le_bytes()); // The header's size.
    out.extend_from_slice(&width.to_le_bytes());
    out.extend_from_slice(&(height * 2).to_le_bytes()); // The colours and the mask.
    out.extend_from_slice(&1u16.to_le_bytes()); // Planes.
    out.extend_from_slice(&32u16.to_le_bytes()); // Bits per pixel.
    out.extend_from_slice(&0u32.to_le_bytes()); // Not compressed.
    out.extend_from_slice(&(width * height * 4 + mask_row * height).to_le_bytes());
    out.extend_from_slice(&[0; 16]); // Resolution and palette: none.
    for row in (0..height).rev() {
        for column in 0..width {
            let Some(pixel) = pixmap.pixel(column, row) else {
                continue;
            };
            let c = pixel.demultiply();
            out.extend_from_slice(&[c.blue(), c.green(), c.red(), c.alpha()]);
        }
    }
    out.resize(out.len() + (mask_row * height) as usize, 0);
    out
}

/// The .ico file: its header, one directory entry per size, then the entries' data.
fn ico(entries: &[(u32, Vec<u8>)]) -> Vec<u8> {
    const HEADER: u32 = 6;
    const DIRECTORY_ENTRY: u32 = 16;
    let count = u16::try_from(entries.len()).unwrap_or(u16::MAX);
    let mut out = Vec::new();
    out.extend_from_slice(&[0, 0, 1, 0]); // Reserved, then type 1: an icon.
    out.extend_from_slice(&count.to_le_bytes());
    let mut offset = HEADER + DIRECTORY_ENTRY * u32::from(count);
    for (size, data) in entries {
        // A width or height of 256 is written as 0.
        let side = u8::try_from(*size).unwrap_or(0);
        let length = u32::try_from(data.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&[side, side, 0, 0]); // No palette, reserved.
        out.extend_from_slice(&1u16.to_le_bytes()); // Planes.
        out.extend_from_slice(&32u16.to_le_bytes()); // Bits per pixel.
        out.extend_from_slice(&length.to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        offset += length;
    }
    for (_, data) in entries {
        out.extend_from_slice(data);
    }
    out
}
