//! Imports: figures and plans from the tables people keep (CSV, Excel), checked row by row
//! before anything is written. The file's number style is found from the file itself; each row
//! is read into an edit ([`rows`]) and checked by the one write path ([`crate::edit`]). The
//! preview names every problem by sheet, row and column with the reason; a file with any
//! problem writes nothing, and a clean one is written in one transaction through the store's
//! change log.

pub mod catalogue;
mod checks;
mod columns;
mod headings;
mod names;
mod preview;
mod read;
mod rows;
mod sheet;
mod sink;
mod style;

use std::path::Path;

use crate::domain::number::{self, NumberStyle};
use crate::domain::{Lang, Locale};
use crate::edit::{Flag, Planner, Refusal};
use crate::store::{Store, StoreError};

pub use crate::edit::{Slot, Value};
pub use preview::{Change, ColumnUse, Preview, Problem, TitleFound, Unresolved};
pub use read::TableSummary;
pub use style::{CellRef, Found, Unsettled};

use columns::Columns;
use headings::Key;
use rows::RowReader;

/// Why a file cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: the file cannot be read", path.display())]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the file cannot be read: {detail}", path.display())]
    Unreadable {
        path: std::path::PathBuf,
        detail: String,
    },
    #[error("{}: no header row: a row naming the indicator (\"Chỉ tiêu\" or \"indicator\") and at least one value column (\"Kế hoạch\", \"Ước đạt\", \"Thực hiện\", \"Quyết toán\", \"value\")", path.display())]
    NoHeader { path: std::path::PathBuf },
    #[error("{}: file type not supported (use .csv, .xlsx or .docx)", path.display())]
    Unsupported { path: std::path::PathBuf },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Defaults for what a file does not say.
#[derive(Clone, Debug, Default)]
pub struct Defaults {
    /// The ward of rows without a ward column (the database's ward when unset).
    pub ward: Option<String>,
    /// The year of rows without a year column.
    pub year: Option<i16>,
    /// The language of the messages.
    pub lang: Lang,
    /// The number style the user names for this file, used only where its numbers read two
    /// ways and neither its cells nor its headings say which: what the file says comes first.
    pub number_style: Option<NumberStyle>,
    /// The user's own style, for the values messages show.
    pub user_style: NumberStyle,
    /// Which table of a Word report to read (0-based); the first readable one when unset.
    pub table: Option<usize>,
    /// The user's picks for names the catalogue does not settle: the name as the file writes
    /// it, and the indicator's code. Each is learnt as an alias when the import is written.
    pub map: Vec<(String, String)>,
    /// The ward and the year for a file that names neither in a column nor in its title (the
    /// window's open ward-year); `ward` and `year` above are the user's word, above the title's.
    pub fallback: (Option<String>, Option<i16>),
    /// Rows that name no ward, and a file whose title names none, are refused rather than
    /// given the database's home ward: a province gathering its wards' files.
    pub no_home_ward: bool,
}

/// Reads a file and works out what importing it would do, writing nothing.
pub fn preview(store: &Store, path: &Path, defaults: &Defaults) -> Result<Preview, ImportError> {
    preview_with_progress(store, path, defaults, |_, _| {})
}

/// [`preview`], telling `progress` (rows checked, rows in all) as it goes: after reading the
/// file, every thousand rows, and at the end.
pub fn preview_with_progress(
    store: &Store,
    path: &Path,
    defaults: &Defaults,
    mut progress: impl FnMut(usize, usize),
) -> Result<Preview, ImportError> {
    const EVERY: usize = 1000;
    let (sheet, mut table, tables) = read::file(
        path,
        defaults.table,
        defaults.lang,
        |table| Columns::find(table).is_some(),
        |table| Columns::find(table).is_some_and(|(_, columns)| columns.has(Key::RowCode)),
        needs_merges,
    )?;
    let (header_at, columns) = Columns::find(&table).ok_or_else(|| ImportError::NoHeader {
        path: path.to_path_buf(),
    })?;
    let data_at = header_at + columns.rows;
    let found = match file_style(&table, data_at, &columns, defaults) {
        Ok(found) => found,
        Err(unsettled) => {
            let mut preview = unsettled_preview(sheet, unsettled, defaults.lang);
            preview.tables = tables;
            return Ok(preview);
        }
    };
    table.restyle(found.style());
    // The title above the table: a Word report's lines, a sheet's rows above the header.
    let title_lines = table.lines.iter().map(String::as_str).chain(
        table.rows[..header_at]
            .iter()
            .flat_map(|(_, cells)| cells.iter().map(String::as_str)),
    );
    let title = sheet::title(title_lines);
    let rows = &table.rows[data_at..];
    progress(0, rows.len());
    store.snapshot(|| {
        let mut preview = Preview::new(Ok(found.clone()));
        preview.tables = tables.clone();
        preview.columns = column_use(&columns);
        let mut defaults = defaults.clone();
        preview.title = title_found(store, &title, &mut defaults, &sheet, &mut preview.problems)?;
        let defaults = &defaults;
        // Room for a change per value cell, so that 100,000 changes are not moved as the list
        // grows (the room is only claimed, not touched, where cells are empty).
        preview.changes.reserve(
            rows.len()
                .saturating_mul(columns.value_positions().count().max(1)),
        );
        let mut reader = RowReader::new(store, &columns, defaults, sheet.clone(), &found)?;
        let mut planner = Planner::new(store)?;
        let locale = Locale {
            lang: defaults.lang,
            style: defaults.user_style,
        };
        for (done, (line, cells)) in rows.iter().enumerate() {
            if done % EVERY == 0 && done > 0 {
                progress(done, rows.len());
            }
            if cells.iter().all(|c| c.trim().is_empty()) || sheet::is_numbering(cells, &columns) {
                continue;
            }
            if !columns.machine && sheet::ends_table(cells, &columns) {
                break;
            }
            reader.read(*line, cells)?;
            let mut reads = std::mem::take(&mut reader.reads);
            for (edit, ward) in reads.drain(..) {
                preview.ward_years.insert((ward.clone(), edit.year));
                let indicator = reader.catalogue.code(edit.indicator).cloned();
                for Refusal { at, reason } in planner.row(edit)? {
                    reader.sink.problem(at, reason.message_in(locale));
                }
                for flag in planner.take_flags() {
                    preview.flags.push(flagged(&reader, &flag, locale));
                }
                // The row's changes, named for the preview as they are made.
                for change in planner.take_changes() {
                    preview.changes.push(Change {
                        row: change.at.row,
                        ward: ward.clone(),
                        year: change.year,
                        indicator: indicator.clone().unwrap_or_default(),
                        slot: change.slot,
                        old: change.old,
                        new: change.new,
                    });
                }
            }
            reader.reads = reads;
        }
        progress(rows.len(), rows.len());
        if let Some((vi, en)) = reader.sink.both_styles() {
            return Ok(unsettled_preview(
                sheet.clone(),
                Unsettled::Both { vi, en },
                defaults.lang,
            ));
        }
        let planned = planner.finish();
        preview.problems.append(&mut reader.sink.problems);
        preview.warnings.append(&mut reader.sink.warnings);
        preview.unchanged = planned.unchanged;
        preview.batch = planned.batch;
        preview.unresolved = std::mem::take(&mut reader.unresolved);
        preview.learnt = reader
            .learnt
            .iter()
            .filter_map(|(name, id)| Some((name.clone(), reader.catalogue.code(*id)?.to_string())))
            .collect();
        preview.batch.aliases = std::mem::take(&mut reader.learnt);
        Ok(preview)
    })
}

/// A flagged value as the preview lists it: at its cell, the indicator, the value and why.
fn flagged(reader: &RowReader<'_>, flag: &Flag<rows::At>, locale: Locale) -> Problem {
    let unit = reader.catalogue.unit(flag.indicator);
    let fallback = crate::domain::Unit::new("");
    let unit = unit.unwrap_or(&fallback);
    let name = reader
        .catalogue
        .name(flag.indicator, locale.lang)
        .unwrap_or_default();
    let reason = rust_i18n::t!(
        "import.flag",
        locale = locale.lang.code(),
        year = flag.year,
        indicator = name,
        value = number::format_with_unit(flag.value, unit, locale.lang, locale.style),
        why = flag.message(unit, locale)
    )
    .into_owned();
    Problem {
        sheet: reader.sink.sheet.clone(),
        row: flag.at.row,
        column: reader.sink.heading(flag.at),
        reason,
    }
}

/// Whether a sheet's merged cells are needed to read its header: no header is found without
/// them, or the row under the one found leaves the indicator's cell blank (a second heading
/// row, whose headings may sit under a merged one).
fn needs_merges(table: &read::Table) -> bool {
    let Some((at, columns)) = Columns::find(table) else {
        return true;
    };
    let name = columns
        .position(Key::Name)
        .or_else(|| columns.position(Key::Indicator));
    let below = table.rows.get(at + columns.rows).map(|(_, cells)| cells);
    match (name, below) {
        (Some(name), Some(cells)) => cells.get(name).is_none_or(|c| c.trim().is_empty()),
        _ => false,
    }
}

/// Which columns the import uses, checks, and leaves, by their headings.
fn column_use(columns: &Columns) -> ColumnUse {
    let headings = |positions: &mut dyn Iterator<Item = usize>| -> Vec<String> {
        positions
            .map(|p| columns.heading_at(p).to_owned())
            .filter(|h| !h.is_empty())
            .collect()
    };
    let mut used: Vec<usize> = columns.used_positions().collect();
    used.sort_unstable();
    ColumnUse {
        used: headings(&mut used.into_iter()),
        checked: headings(&mut columns.checks.iter().map(|c| c.position)),
        unused: headings(&mut columns.unused.iter().copied()),
    }
}

/// The ward and the year the title names, matched against the store's units; what is found
/// fills what the command line leaves unset. A ward the title names that matches no ward (or
/// several) is a problem, unless the command line names the ward.
fn title_found(
    store: &Store,
    title: &sheet::Title,
    defaults: &mut Defaults,
    sheet_name: &str,
    problems: &mut Vec<Problem>,
) -> Result<TitleFound, ImportError> {
    let mut found = TitleFound::default();
    if let Some((year, line)) = &title.year {
        found.year = Some((*year, line.clone()));
        defaults.year = defaults.year.or(Some(*year));
    }
    let fill_fallback = |defaults: &mut Defaults| {
        defaults.year = defaults.year.or(defaults.fallback.1);
        if defaults.ward.is_none() {
            defaults.ward.clone_from(&defaults.fallback.0);
        }
    };
    let Some(name) = &title.ward else {
        fill_fallback(defaults);
        return Ok(found);
    };
    if defaults.ward.is_some() {
        found.ward = Some((name.clone(), None));
        fill_fallback(defaults);
        return Ok(found);
    }
    defaults.year = defaults.year.or(defaults.fallback.1);
    let home = store.home_ward_code()?;
    let mut matches: Vec<(String, String)> = store
        .units()?
        .into_iter()
        .filter(|(_, unit)| unit.level == crate::domain::Level::Ward)
        .filter(|(_, unit)| defaults.year.is_none_or(|y| unit.valid_in(y)))
        .filter(|(_, unit)| sheet::names_ward(name, &unit.name))
        .map(|(_, unit)| (unit.code, unit.name))
        .collect();
    matches.dedup_by(|a, b| a.0 == b.0);
    if matches.len() > 1
        && let Some(home) = home
            .as_ref()
            .filter(|h| matches.iter().any(|(c, _)| c == *h))
    {
        matches.retain(|(code, _)| code == home);
    }
    match matches.as_slice() {
        [(code, _)] => {
            defaults.ward = Some(code.clone());
            found.ward = Some((name.clone(), Some(code.clone())));
        }
        _ => {
            let reason = if matches.is_empty() {
                rust_i18n::t!(
                    "import.title_ward_unknown",
                    locale = defaults.lang.code(),
                    name = name
                )
            } else {
                let codes: Vec<&str> = matches.iter().map(|(c, _)| c.as_str()).collect();
                rust_i18n::t!(
                    "import.title_ward_several",
                    locale = defaults.lang.code(),
                    name = name,
                    codes = codes.join(", ")
                )
            };
            problems.push(Problem {
                sheet: sheet_name.to_owned(),
                row: 0,
                column: String::new(),
                reason: reason.into_owned(),
            });
            found.ward = Some((name.clone(), None));
        }
    }
    Ok(found)
}

/// The preview of a file whose number style cannot be settled: that one problem, nothing read.
fn unsettled_preview(sheet: String, unsettled: Unsettled, lang: Lang) -> Preview {
    let problem = Problem {
        sheet,
        row: unsettled.row(),
        column: String::new(),
        reason: unsettled.describe(lang),
    };
    let mut preview = Preview::new(Err(unsettled));
    preview.problems.push(problem);
    preview
}

/// The style the file's cells are written in (see [`style`]), from the typed cells of its
/// value columns; number cells say nothing of it.
fn file_style(
    table: &read::Table,
    data_at: usize,
    columns: &Columns,
    defaults: &Defaults,
) -> Result<Found, Unsettled> {
    if columns.machine {
        return Ok(Found::Machine);
    }
    let mut value_columns: Vec<_> = columns.value_positions().collect();
    // In the order of the cells, so that the number cells (listed in that order) are walked
    // alongside, not searched for.
    value_columns.sort_unstable();
    let mut numbers = table.decimals.iter().peekable();
    let mut evidence = style::Evidence::default();
    // The search stops at the first cell that decides: a later cell of the other style is
    // found by the reading itself (see `rows::Sink`).
    for (index, (line, cells)) in table.rows.iter().enumerate().skip(data_at) {
        if evidence.decided() {
            break;
        }
        for &position in &value_columns {
            let Some(text) = cells.get(position) else {
                continue;
            };
            // Only a dot or a comma can tell a style; a number cell never does.
            if !text.contains(['.', ',']) {
                continue;
            }
            while numbers.next_if(|cell| **cell < (index, position)).is_some() {}
            if numbers.peek() == Some(&&(index, position)) {
                continue;
            }
            evidence.cell(text, || CellRef {
                row: *line,
                column: columns.heading_at(position).to_owned(),
                text: text.trim().to_owned(),
            });
        }
    }
    evidence.settle(columns.heading_style(), defaults.number_style)
}
