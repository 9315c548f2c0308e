//! The embedded font. egui's own font lacks most Vietnamese letters (ạ ấ ế ệ ộ ờ ự ỹ …), so the
//! window and the tests install Noto Sans (SIL Open Font License, `assets/fonts/OFL.txt`).

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::export::font::{BOLD, REGULAR};

/// The family name of the bold face, for headings: `FontFamily::Name(BOLD_FAMILY.into())`.
pub const BOLD_FAMILY: &str = "noto-sans-bold";

/// Puts Noto Sans first in every family, egui's fonts after it for symbols it lacks.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("noto-sans".into(), Arc::new(FontData::from_static(REGULAR)));
    fonts
        .font_data
        .insert(BOLD_FAMILY.into(), Arc::new(FontData::from_static(BOLD)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "noto-sans".into());
    }
    let mut bold = vec![BOLD_FAMILY.to_owned()];
    bold.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts
        .families
        .insert(FontFamily::Name(BOLD_FAMILY.into()), bold);
    ctx.set_fonts(fonts);
}
