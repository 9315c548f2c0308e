//! The embedded font (Noto Sans, SIL Open Font License, `assets/fonts/OFL.txt`), shared by the
//! window and the exports, and text measured in it so that pictures and pages lay out their
//! words before drawing them.

use ab_glyph::{Font as _, FontRef, PxScale, ScaleFont as _};

/// Noto Sans Regular: every Vietnamese letter.
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// Regular or bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// The two faces, parsed once.
pub struct Faces {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl Faces {
    /// The embedded faces. They are part of the program, so they always parse.
    pub fn new() -> Self {
        Self {
            regular: FontRef::try_from_slice(REGULAR).expect("the embedded regular face parses"),
            bold: FontRef::try_from_slice(BOLD).expect("the embedded bold face parses"),
        }
    }

    /// The face of a weight.
    pub fn face(&self, weight: Weight) -> &FontRef<'static> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// How wide `text` runs at `size` (the em size, in the caller's unit), kerning included.
    pub fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        let font = self
            .face(weight)
            .as_scaled(PxScale::from(size_to_px(self.face(weight), size)));
        let mut width = 0.0;
        let mut previous = None;
        for c in text.chars() {
            let glyph = font.glyph_id(c);
            if let Some(previous) = previous {
                width += font.kern(previous, glyph);
            }
            width += font.h_advance(glyph);
            previous = Some(glyph);
        }
        width
    }

    /// `text` broken at spaces into lines no wider than `width`; a word longer than a line is
    /// cut where it must be.
    pub fn wrap(&self, text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in words(text) {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size, weight) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            }
            // A single word wider than the line: cut it after a slash if one fits
            // ("triệu đồng/ | người/năm"), else by characters.
            while self.width(&line, size, weight) > width && line.chars().count() > 1 {
                let mut cut = line.clone();
                while self.width(&cut, size, weight) > width && cut.chars().count() > 1 {
                    cut.pop();
                }
                if let Some(slash) = cut.rfind('/')
                    && slash + 1 < cut.len()
                    && slash > 0
                {
                    cut.truncate(slash + 1);
                }
                line = line[cut.len()..].to_owned();
                lines.push(cut);
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// `text` broken into lines no wider than `width` at spaces and after slashes only
    /// ("triệu đồng/" "người/năm"); a word wider than a line stays whole, for the caller to
    /// set smaller. For units and short labels, where a word cut in two reads wrong.
    pub fn wrap_words(&self, text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for (w, word) in words(text).enumerate() {
            let pieces: Vec<&str> = word.split_inclusive('/').collect();
            for (p, piece) in pieces.iter().enumerate() {
                let joiner = if w > 0 && p == 0 { " " } else { "" };
                let candidate = format!("{line}{joiner}{piece}");
                if line.is_empty() || self.width(&candidate, size, weight) <= width {
                    line = if line.is_empty() {
                        (*piece).to_owned()
                    } else {
                        candidate
                    };
                } else {
                    lines.push(std::mem::take(&mut line));
                    line = (*piece).to_owned();
                }
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Whether every character of `text` has a glyph in the regular face.
    pub fn covers(&self, text: &str) -> bool {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| self.regular.glyph_id(c).0 != 0)
    }
}

/// The words of a text, for wrapping: split at spaces, but not at a no-break space ("≈ 3.090,8"
/// stays on one line).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .filter(|word| !word.is_empty())
}

/// Text the embedded font can set: the signs a plan may be written with that Noto Sans lacks
/// ("≈", "≤", "≥") as the characters people type for them ("~", "<=", ">=").
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['≈', '≤', '≥']) {
        return text.into();
    }
    text.replace('≈', "~")
        .replace('≤', "<=")
        .replace('≥', ">=")
        .into()
}

impl Default for Faces {
    fn default() -> Self {
        Self::new()
    }
}

/// The pixel scale ab_glyph wants (ascent to descent) for an em size.
pub fn size_to_px(font: &FontRef<'_>, size: f32) -> f32 {
    let units_per_em = font.units_per_em().unwrap_or(1000.0);
    size * font.height_unscaled() / units_per_em
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_are_covered_and_measured() {
        let faces = Faces::new();
        assert!(faces.covers("Sản lượng cây trồng đạt 114,6% kế hoạch; ạ ấ ế ệ ộ ờ ự ỹ"));
        assert!(
            !faces.covers("→"),
            "Noto Sans has no arrows: they must not be used"
        );
        let narrow = faces.width("iii", 10.0, Weight::Regular);
        let wide = faces.width("MMM", 10.0, Weight::Regular);
        assert!(narrow > 0.0 && wide > 2.0 * narrow);
        assert!(faces.width("Đạt", 10.0, Weight::Bold) > faces.width("Đạt", 10.0, Weight::Regular));
        // At 10 units an em, "M" is nearly an em wide.
        let m = faces.width("M", 10.0, Weight::Regular);
        assert!((8.0..10.5).contains(&m), "{m}");
    }

    #[test]
    fn signs_the_font_lacks_are_written_as_typed_and_a_no_break_space_holds() {
        let faces = Faces::new();
        assert!(!faces.covers("≈ ≤ ≥"));
        let plan = printable("tăng 10% so với cùng kỳ (≈\u{a0}3.090,8) ≤ 3 ≥ 1");
        assert!(faces.covers(&plan), "{plan}");
        assert_eq!(plan, "tăng 10% so với cùng kỳ (~\u{a0}3.090,8) <= 3 >= 1");
        let lines = faces.wrap_words(&plan, 10.0, Weight::Regular, 60.0);
        assert!(
            lines.iter().any(|l| l.contains("(~\u{a0}3.090,8)")),
            "{lines:?}"
        );
    }

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let faces = Faces::new();
        let text = "Tổng mức lưu chuyển hàng hóa và doanh thu dịch vụ tiêu dùng";
        let lines = faces.wrap(text, 10.0, Weight::Regular, 120.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(faces.width(line, 10.0, Weight::Regular) <= 120.0, "{line}");
        }
        let cut = faces.wrap("Mmmmmmmmmmmmmmmmmmmmmmmmmmm", 10.0, Weight::Regular, 40.0);
        assert!(cut.len() > 2 && cut.concat() == "Mmmmmmmmmmmmmmmmmmmmmmmmmmm");
        // Units break between words and after slashes, never inside a word.
        let unit = faces.wrap_words("triệu đồng/người/năm", 8.5, Weight::Regular, 38.0);
        assert_eq!(unit.concat().replace(' ', ""), "triệuđồng/người/năm");
        assert!(unit.iter().all(|l| !l.starts_with('/')), "{unit:?}");
        assert_eq!(
            faces.wrap_words("households", 8.5, Weight::Regular, 20.0),
            ["households"]
        );
        assert_eq!(
            faces.wrap_words("party members", 8.5, Weight::Regular, 38.0),
            ["party", "members"]
        );
    }
}
