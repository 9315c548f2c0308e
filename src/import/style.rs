//! A file's number style, found from the file itself, never from the reader's language: a cell
//! written in one style only (`18.000.000.000`, `2.751,25`, `1,234.5`) decides; failing one, the
//! language of the headings does; failing that, a file whose cells read two ways (`2.600`,
//! `1,500`) waits for the user to say. A file with cells of both styles is refused.

use crate::domain::Lang;
use crate::domain::number::{NumberStyle, StyleEvidence, style_evidence};

/// A cell named in a message: where it is and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellRef {
    /// 1-based, as a spreadsheet numbers its rows.
    pub row: usize,
    /// The column's heading as the file writes it.
    pub column: String,
    pub text: String,
}

impl CellRef {
    /// "row 5, column "Kế hoạch": 2.600", in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        rust_i18n::t!(
            "import.style.cell",
            locale = lang.code(),
            row = self.row,
            column = self.column,
            text = self.text
        )
        .into_owned()
    }
}

/// How the file's style was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// A cell written in this style only.
    Cell { style: NumberStyle, at: CellRef },
    /// No cell decides; the headings are written in this style's language.
    Headings { style: NumberStyle, heading: String },
    /// The user chose it for this file.
    Chosen(NumberStyle),
    /// No cell reads two ways: the values are the same in either style (read as plain machine
    /// numbers, which spares rewriting a workbook's number cells).
    Either,
    /// This program's own CSV: plain machine numbers (`2809.8`).
    Machine,
}

impl Found {
    /// The style the file's cells are read in.
    pub fn style(&self) -> NumberStyle {
        match self {
            Self::Cell { style, .. } | Self::Headings { style, .. } | Self::Chosen(style) => *style,
            Self::Either | Self::Machine => NumberStyle::En,
        }
    }

    /// Which style, and why, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let locale = lang.code();
        match self {
            Self::Cell { style, at } => rust_i18n::t!(
                "import.style.from_cell",
                locale = locale,
                style = style.name(lang),
                cell = at.describe(lang)
            ),
            Self::Headings { style, heading } => rust_i18n::t!(
                "import.style.from_headings",
                locale = locale,
                style = style.name(lang),
                heading = heading
            ),
            Self::Chosen(style) => rust_i18n::t!(
                "import.style.chosen",
                locale = locale,
                style = style.name(lang)
            ),
            Self::Either => rust_i18n::t!("import.style.either", locale = locale),
            Self::Machine => rust_i18n::t!("import.style.machine", locale = locale),
        }
        .into_owned()
    }
}

/// Why the file's style cannot be settled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsettled {
    /// Cells of both styles: no reading of the file is safe.
    Both { vi: CellRef, en: CellRef },
    /// Cells that read two ways and nothing to decide them: the user must say.
    Ask { at: CellRef },
}

impl Unsettled {
    /// The row of the (first) cell it names.
    pub fn row(&self) -> usize {
        match self {
            Self::Both { vi, en } => vi.row.min(en.row),
            Self::Ask { at } => at.row,
        }
    }

    /// What is wrong and what to do, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let locale = lang.code();
        match self {
            Self::Both { vi, en } => rust_i18n::t!(
                "import.style.both",
                locale = locale,
                vi = vi.describe(lang),
                en = en.describe(lang)
            ),
            Self::Ask { at } => rust_i18n::t!(
                "import.style.ask",
                locale = locale,
                cell = at.describe(lang)
            ),
        }
        .into_owned()
    }
}

/// What the cells say, gathered cell by cell.
#[derive(Debug, Default)]
pub struct Evidence {
    vi: Option<CellRef>,
    en: Option<CellRef>,
    ambiguous: Option<CellRef>,
}

impl Evidence {
    /// Whether a cell decided the style.
    pub fn decided(&self) -> bool {
        self.vi.is_some() || self.en.is_some()
    }

    /// Adds what a value cell tells (the first cell of each kind is kept, to be named).
    pub fn cell(&mut self, text: &str, at: impl FnOnce() -> CellRef) {
        if self.vi.is_some() && self.en.is_some() {
            return;
        }
        let slot = match style_evidence(text) {
            StyleEvidence::None => return,
            StyleEvidence::Ambiguous => &mut self.ambiguous,
            StyleEvidence::Decides(NumberStyle::Vi) => &mut self.vi,
            StyleEvidence::Decides(NumberStyle::En) => &mut self.en,
        };
        if slot.is_none() {
            *slot = Some(at());
        }
    }

    /// The file's style: from its cells; else from its headings' style (if they have one); else
    /// from the user's choice for this file (if made), which is asked for only then: what the
    /// file itself says comes first.
    pub fn settle(
        self,
        headings: Option<(NumberStyle, String)>,
        chosen: Option<NumberStyle>,
    ) -> Result<Found, Unsettled> {
        match (self.vi, self.en) {
            (Some(vi), Some(en)) => Err(Unsettled::Both { vi, en }),
            (Some(at), None) => Ok(Found::Cell {
                style: NumberStyle::Vi,
                at,
            }),
            (None, Some(at)) => Ok(Found::Cell {
                style: NumberStyle::En,
                at,
            }),
            (None, None) => match (headings, chosen, self.ambiguous) {
                (_, _, None) => Ok(Found::Either),
                (Some((style, heading)), _, Some(_)) => Ok(Found::Headings { style, heading }),
                (None, Some(chosen), Some(_)) => Ok(Found::Chosen(chosen)),
                (None, None, Some(at)) => Err(Unsettled::Ask { at }),
            },
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn cell(row: usize, text: &str) -> CellRef {
        CellRef {
            row,
            column: "Kế hoạch".into(),
            text: text.into(),
        }
    }

    fn settle(
        texts: &[&str],
        headings: Option<NumberStyle>,
        chosen: Option<NumberStyle>,
    ) -> Result<Found, Unsettled> {
        let mut evidence = Evidence::default();
        for (i, text) in texts.iter().enumerate() {
            evidence.cell(text, || cell(i + 1, text));
        }
        let headings = headings.map(|s| (s, "Kế hoạch".to_owned()));
        evidence.settle(headings, chosen)
    }

    #[test]
    fn one_unambiguous_cell_decides_for_every_ambiguous_one() {
        let found = settle(&["2.600", "2.809", "18.000.000.000"], None, None).unwrap();
        assert_eq!(
            found,
            Found::Cell {
                style: NumberStyle::Vi,
                at: cell(3, "18.000.000.000")
            }
        );
        let found = settle(&["1,500", "1,234.5"], None, None).unwrap();
        assert_eq!(found.style(), NumberStyle::En);
    }

    #[test]
    fn the_headings_decide_when_no_cell_does_and_else_the_user_is_asked() {
        let found = settle(&["2.600"], Some(NumberStyle::Vi), None).unwrap();
        assert_eq!(found.style(), NumberStyle::Vi);
        assert!(matches!(found, Found::Headings { .. }));
        assert_eq!(
            settle(&["2.600", "2.809"], None, None),
            Err(Unsettled::Ask {
                at: cell(1, "2.600")
            })
        );
        assert_eq!(
            settle(&["2.600"], None, Some(NumberStyle::En)),
            Ok(Found::Chosen(NumberStyle::En))
        );
        // What the file says comes first: a choice never overrides a cell or the headings.
        assert_eq!(
            settle(&["2.600"], Some(NumberStyle::Vi), Some(NumberStyle::En)).map(|f| f.style()),
            Ok(NumberStyle::Vi)
        );
        assert_eq!(
            settle(&["18.000.000.000"], None, Some(NumberStyle::En)).map(|f| f.style()),
            Ok(NumberStyle::Vi)
        );
        // Nothing reads two ways: the style makes no difference.
        assert_eq!(
            settle(&["2809.8", "1,5", "17 416"], None, None),
            Ok(Found::Either)
        );
    }

    #[test]
    fn cells_of_both_styles_are_refused_by_name() {
        assert_eq!(
            settle(&["2.600", "18.000.000.000", "1,234.5"], None, None),
            Err(Unsettled::Both {
                vi: cell(2, "18.000.000.000"),
                en: cell(3, "1,234.5")
            })
        );
        let message = settle(&["2.600", "18.000.000.000", "1,234.5"], None, None)
            .unwrap_err()
            .describe(Lang::Vi);
        assert!(
            message.contains("18.000.000.000") && message.contains("1,234.5"),
            "{message}"
        );
    }
}
