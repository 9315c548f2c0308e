//! Where the problems and warnings of a file's rows go, each named by sheet, row and column;
//! and the reading of a cell's value in the file's style, with its warnings, a cell in the
//! other style kept to be named.

use rust_decimal::Decimal;

use super::columns::{self, Columns};
use super::headings::Key;
use super::preview::Problem;
use super::rows::At;
use super::style::CellRef;
use crate::domain::number::{self, NumberStyle, NumberWarning, StyleEvidence, style_evidence};
use crate::domain::plan::PlanError;
use crate::domain::{Lang, PlanSource, PlanTarget, Unit};

/// Where the problems and warnings of the rows go, each named by sheet, row and column.
pub struct Sink<'a> {
    pub(super) columns: &'a Columns,
    pub(super) sheet: String,
    pub(super) lang: Lang,
    /// The style the file's cells are written in.
    pub(super) style: NumberStyle,
    /// The user's style, for values a message shows.
    pub(super) user_style: NumberStyle,
    /// The cell that settled the file's style, when one did.
    pub(super) settled_by: Option<CellRef>,
    /// The first cell written in the other style, if any: then nothing is read.
    pub conflict: Option<CellRef>,
    /// Problems that stop the import, and warnings that do not.
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Sink<'_> {
    /// The cells of both styles, when the reading found one in the style the file's deciding
    /// cell is not written in.
    pub fn both_styles(&self) -> Option<(CellRef, CellRef)> {
        let settled = self.settled_by.clone()?;
        let other = self.conflict.clone()?;
        Some(match self.style {
            NumberStyle::Vi => (settled, other),
            NumberStyle::En => (other, settled),
        })
    }

    /// A problem at a row (and column, when named).
    pub fn problem(&mut self, at: At, reason: String) {
        let column = self.heading(at);
        self.problems.push(Problem {
            sheet: self.sheet.clone(),
            row: at.row,
            column,
            reason,
        });
    }

    /// Warnings of a cell read. A number that reads two ways is read in the file's style,
    /// settled once for the whole file and shown in the preview: no warning per cell.
    pub(super) fn warn(&mut self, at: At, warnings: &[NumberWarning]) {
        let shown = |w: &NumberWarning| !matches!(w, NumberWarning::AmbiguousSeparator { .. });
        if !warnings.iter().any(shown) {
            return;
        }
        let column = self.heading(at);
        for warning in warnings.iter().filter(|w| shown(w)) {
            self.warnings.push(Problem {
                sheet: self.sheet.clone(),
                row: at.row,
                column: column.clone(),
                reason: warning.message(self.lang, self.user_style),
            });
        }
    }

    pub(super) fn heading(&self, at: At) -> String {
        at.column
            .map(|c| self.columns.heading_at(c).to_owned())
            .unwrap_or_default()
    }

    /// A warning at a cell.
    pub(super) fn warning(&mut self, at: At, reason: String) {
        let column = self.heading(at);
        self.warnings.push(Problem {
            sheet: self.sheet.clone(),
            row: at.row,
            column,
            reason,
        });
    }

    pub(super) fn t(&self, key: &str) -> String {
        rust_i18n::t!(key, locale = self.lang.code()).into_owned()
    }

    /// A plan's target: a number or a band in one cell, or a band's two ends in two cells.
    pub(super) fn plan_target(
        &mut self,
        at: At,
        unit: &Unit,
        text: &str,
        high: Option<&str>,
    ) -> Option<PlanTarget> {
        let style = self.style;
        let read = match high.filter(|c| !c.is_empty()) {
            Some(high) => number::parse(text, unit, style)
                .and_then(|low| {
                    number::parse(high, unit, style).map(|high| {
                        let mut warnings = low.warnings;
                        warnings.extend(high.warnings);
                        (PlanTarget::range(low.value, high.value), warnings)
                    })
                })
                .map_err(PlanError::from),
            None => PlanTarget::parse(text, unit, style),
        };
        let doubtful = read
            .as_ref()
            .map_or(true, |(_, w)| w.contains(&NumberWarning::OtherStyle));
        if doubtful
            && (self.in_other_style(at, text) || high.is_some_and(|h| self.in_other_style(at, h)))
        {
            return None;
        }
        match read {
            Ok((target, warnings)) => {
                self.warn(at, &warnings);
                Some(target)
            }
            Err(error) => {
                self.problem(at, error.message(self.lang));
                None
            }
        }
    }

    /// A figure's value.
    pub(super) fn number(&mut self, at: At, unit: &Unit, text: &str) -> Option<Decimal> {
        let read = number::parse(text, unit, self.style);
        let doubtful = read
            .as_ref()
            .map_or(true, |p| p.warnings.contains(&NumberWarning::OtherStyle));
        if doubtful && self.in_other_style(at, text) {
            return None;
        }
        match read {
            Ok(parsed) => {
                self.warn(at, &parsed.warnings);
                Some(parsed.value)
            }
            Err(error) => {
                self.problem(at, error.message(self.lang));
                None
            }
        }
    }

    /// Whether a cell that did not read cleanly in the file's style is written in the other
    /// one, when a cell settled the style: then the file holds both styles (the style search
    /// stops at its first deciding cell, and the reading of every cell finds any other). The
    /// first such cell is kept, to be named.
    pub(super) fn in_other_style(&mut self, at: At, text: &str) -> bool {
        if self.settled_by.is_none()
            || style_evidence(text) != StyleEvidence::Decides(self.style.other())
        {
            return false;
        }
        if self.conflict.is_none() {
            self.conflict = Some(CellRef {
                row: at.row,
                column: self.heading(at),
                text: text.trim().to_owned(),
            });
        }
        true
    }

    /// Whether a plan is derived, as its cell says: yes (`true`, `x`, `1`, `có`), no (`false`,
    /// `0`, `không`), or (blank, no column) nothing; anything else is a problem, never a guess.
    pub(super) fn derived(&mut self, row: usize, text: Option<&str>) -> Result<Option<bool>, ()> {
        let Some(text) = text.filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        match text.to_lowercase().as_str() {
            "true" | "x" | "1" | "có" | "yes" => Ok(Some(true)),
            "false" | "0" | "không" | "no" => Ok(Some(false)),
            _ => {
                let reason =
                    rust_i18n::t!("import.bad_derived", locale = self.lang.code(), text = text);
                let at = At {
                    row,
                    column: self.columns.position(Key::PlanDerived),
                };
                self.problem(at, reason.into_owned());
                Err(())
            }
        }
    }

    /// The plan source a row names (its source column, else its row code), `None` when it
    /// names none; an unknown one is a problem, never a silent default.
    pub(super) fn plan_source(
        &mut self,
        row: usize,
        named: Option<&str>,
        row_code: Option<&str>,
    ) -> Result<Option<PlanSource>, ()> {
        let Some(code) = named.filter(|c| !c.is_empty()) else {
            return Ok(row_code.and_then(columns::plan_source_of_row_code));
        };
        PlanSource::from_code(code).map(Some).ok_or_else(|| {
            let all: Vec<_> = PlanSource::ALL.iter().map(|s| s.code()).collect();
            let reason = rust_i18n::t!(
                "import.unknown_plan_source",
                locale = self.lang.code(),
                text = code,
                all = all.join(", ")
            );
            let at = At {
                row,
                column: self.columns.position(Key::PlanSource),
            };
            self.problem(at, reason.into_owned());
        })
    }
}
