//! What an import would do, for the user to decide on: each change (old and new value), every
//! problem that stops it named by sheet, row and column, the warnings, and the number style the
//! file was read in and why.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::style::{Found, Unsettled};
use crate::domain::Lang;
use crate::edit::{Slot, Value};
use crate::store::Batch;

/// One problem that stops the import: where, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub sheet: String,
    /// 1-based, as a spreadsheet numbers its rows.
    pub row: usize,
    /// The column's heading as the file writes it; empty for a problem of the whole row.
    pub column: String,
    pub reason: String,
}

impl Problem {
    /// Where and why, in the user's language.
    pub fn describe(&self, lang: Lang) -> String {
        let locale = lang.code();
        if self.row == 0 {
            // A problem of the whole file (its title), before any row.
            rust_i18n::t!(
                "import.where_file",
                locale = locale,
                sheet = self.sheet,
                reason = self.reason
            )
        } else if self.column.is_empty() {
            rust_i18n::t!(
                "import.where_row",
                locale = locale,
                sheet = self.sheet,
                row = self.row,
                reason = self.reason
            )
        } else {
            rust_i18n::t!(
                "import.where_cell",
                locale = locale,
                sheet = self.sheet,
                row = self.row,
                column = self.column,
                reason = self.reason
            )
        }
        .into_owned()
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.column.is_empty() {
            write!(f, "{}, row {}: {}", self.sheet, self.row, self.reason)
        } else {
            write!(
                f,
                "{}, row {}, column \"{}\": {}",
                self.sheet, self.row, self.column, self.reason
            )
        }
    }
}

/// One write the import would make, for the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub row: usize,
    pub ward: Arc<str>,
    pub year: i16,
    pub indicator: Arc<str>,
    pub slot: Slot,
    /// The value stored now, if any.
    pub old: Option<Value>,
    /// The value after the import (the stored one where only the note changes).
    pub new: Option<Value>,
}

/// Which columns of the file the import reads, which it checks (computed columns), and which
/// it leaves: every column is in one list, by its heading.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnUse {
    pub used: Vec<String>,
    pub checked: Vec<String>,
    pub unused: Vec<String>,
}

impl ColumnUse {
    /// Headings as a list says them: “Kế hoạch Năm 2023”, “Ghi chú” (a dash for none).
    pub fn listed(headings: &[String]) -> String {
        if headings.is_empty() {
            return "–".to_owned();
        }
        headings
            .iter()
            .map(|h| format!("“{}”", h.replace('\n', " ")))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The ward and the year the title above the table names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TitleFound {
    /// The ward's name as the title writes it, and its code once matched (`None`: the command
    /// line names the ward, or no single ward matches: then a problem says so).
    pub ward: Option<(String, Option<String>)>,
    /// The year, and the line that names it.
    pub year: Option<(i16, String)>,
}

/// A name the catalogue does not settle: where the file writes it, and the indicators it may
/// mean (best first; none when nothing is near), for the user to pick one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unresolved {
    pub row: usize,
    pub name: String,
    /// Each candidate's code and name in the user's language.
    pub candidates: Vec<(String, String)>,
}

/// What an import would do: the writes, or the problems that stop it.
#[derive(Debug)]
pub struct Preview {
    pub changes: Vec<Change>,
    pub problems: Vec<Problem>,
    /// Cells read with a warning (mixed separators, …): they do not stop the import.
    pub warnings: Vec<Problem>,
    /// Values a plausibility rule doubts (a change on last year, a multiple of the plan,
    /// estimate and actual apart), each at its cell with the indicator, the value and why:
    /// written only once the user confirms them.
    pub flags: Vec<Problem>,
    /// Values that repeat what is stored: nothing to write.
    pub unchanged: usize,
    /// The number style the file's cells were read in and how it was found, or why it could
    /// not be (then nothing was read, and `problems` says so too).
    pub style: Result<Found, Unsettled>,
    pub columns: ColumnUse,
    pub title: TitleFound,
    /// The tables of a Word report, the one read among them (empty for other files).
    pub tables: Vec<super::TableSummary>,
    /// Names no single indicator matches, each once (its first row).
    pub unresolved: Vec<Unresolved>,
    /// Names the user picked an indicator for, learnt as aliases on writing: name, code.
    pub learnt: Vec<(String, String)>,
    /// Every ward (by code) and year the file gives values of, changed or not: a gathering
    /// accounts for each, also where every value repeats what is stored.
    pub ward_years: BTreeSet<(Arc<str>, i16)>,
    pub(super) batch: Batch,
}

impl Preview {
    /// An empty preview of a file read in `style`.
    pub(super) fn new(style: Result<Found, Unsettled>) -> Self {
        Self {
            changes: Vec::new(),
            problems: Vec::new(),
            warnings: Vec::new(),
            flags: Vec::new(),
            unchanged: 0,
            style,
            columns: ColumnUse::default(),
            title: TitleFound::default(),
            tables: Vec::new(),
            unresolved: Vec::new(),
            learnt: Vec::new(),
            ward_years: BTreeSet::new(),
            batch: Batch::default(),
        }
    }

    /// The writes, when there is no problem.
    pub fn batch(&self) -> Option<&Batch> {
        self.problems.is_empty().then_some(&self.batch)
    }

    /// The writes, when there is no problem, taken out of the preview.
    pub fn into_batch(self) -> Option<Batch> {
        self.problems.is_empty().then_some(self.batch)
    }

    /// How many changes go to each year, newest year first.
    pub fn years(&self) -> Vec<(i16, usize)> {
        let mut years: Vec<(i16, usize)> = Vec::new();
        for change in &self.changes {
            match years.iter_mut().find(|(y, _)| *y == change.year) {
                Some((_, n)) => *n += 1,
                None => years.push((change.year, 1)),
            }
        }
        years.sort_unstable_by_key(|(year, _)| std::cmp::Reverse(*year));
        years
    }

    /// What the file says beyond its rows, a line each in `lang`: the ward and the year its
    /// title names, and the names to be learnt as aliases.
    pub fn found(&self, lang: Lang) -> Vec<String> {
        let locale = lang.code();
        let mut lines = Vec::new();
        if let Some((name, code)) = &self.title.ward {
            let code = code.as_deref().unwrap_or("–");
            let line = rust_i18n::t!(
                "import.found.ward",
                locale = locale,
                name = name,
                code = code
            );
            lines.push(line.into_owned());
        }
        if let Some((year, line)) = &self.title.year {
            let line = rust_i18n::t!(
                "import.found.year",
                locale = locale,
                year = year,
                line = line
            );
            lines.push(line.into_owned());
        }
        for (name, code) in &self.learnt {
            let line = rust_i18n::t!(
                "import.found.learnt",
                locale = locale,
                name = name,
                code = code
            );
            lines.push(line.into_owned());
        }
        lines
    }

    /// True when the file's cells read two ways and the user must choose its number style.
    pub fn asks_for_style(&self) -> bool {
        matches!(self.style, Err(Unsettled::Ask { .. }))
    }
}
