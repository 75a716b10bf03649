//! Fonts: egui's defaults plus the bundled BIZ UDPGothic as fallback for Japanese.
//!
//! The font is compiled in and system fonts are never consulted, so every machine shows
//! the same glyphs, whatever it has installed.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

const JAPANESE_FONT_NAME: &str = "BIZ UDPGothic";
const JAPANESE_FONT: &[u8] = include_bytes!("../../assets/fonts/BIZUDPGothic-Regular.ttf");

pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        JAPANESE_FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(JAPANESE_FONT)),
    );
    // Fallback, not primary: Latin text keeps egui's font, anything it lacks (kana, kanji,
    // full-width punctuation) comes from the Japanese font.
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(JAPANESE_FONT_NAME.to_owned());
    }
    fonts
}

pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_font_is_a_fallback_of_both_families() {
        let fonts = definitions();
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            let chain = &fonts.families[&family];
            assert_eq!(chain.last().map(String::as_str), Some(JAPANESE_FONT_NAME));
            assert!(chain.len() > 1, "egui's own font stays primary");
        }
    }
}
