//! Gathering the wards' submissions into a province's database (`ward-kpi gather`, the
//! window's "Nhận báo cáo phường…"): each ward's own database (read strictly read-only), this
//! program's workbooks and CSVs, and official annex sheets, all read into ONE preview, then
//! written all or nothing through the one write path, each ward-year recorded as a submission.
//!
//! The rules, on top of the write path's own (locks, bounds, archived indicators):
//! - Only wards reporting to the province that year count ([`Store::wards_under`]); a ward of
//!   another province, or a ward merged away for a year after its merger, is refused by name,
//!   and then nothing is written.
//! - A ward-year whose latest submission is this very file (same SHA-256) changes nothing and
//!   is not recorded again; the preview says so.
//! - A newer submission of a ward-year replaces the older one's values: a ward database holds
//!   the ward's whole record, so a value an earlier submission wrote that the new file no
//!   longer holds is cleared (values entered here since are left alone).
//! - Two files of one gathering holding the same ward-year: the newer file (by its time of
//!   change) is taken, the other is listed as superseded.
//! - Values of an indicator code this database lacks are listed, never silently dropped.

mod files;
mod wards;
mod words;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::domain::number::NumberStyle;
use crate::domain::{AdminUnit, Lang, Level, Locale};
use crate::edit::{Given, Planner, RowEdit, SlotEdit, Write};
use crate::import::{self, ImportError};
use crate::store::{
    Batch, IndicatorId, NewSubmission, Origin, SaveSummary, Store, StoreError, StoredSlot,
    SubmissionFormat, UnitId, WardFileSlot,
};

pub use files::sha256;
pub use wards::parent;
pub use words::{day, status, ward_lines};

/// Why a gathering cannot start or be written.
#[derive(Debug, thiserror::Error)]
pub enum GatherError {
    #[error("no province in this database: name the parent unit with --parent CODE")]
    NoProvince,
    #[error("several provinces in this database ({choices}): name one with --parent CODE")]
    SeveralProvinces { choices: String },
    #[error("no province or city with code '{0}' (see `ward-kpi units`)")]
    UnknownParent(String),
    #[error("{}: no ward file in this folder (.db, .xlsx, .csv, .docx)", path.display())]
    NoFiles { path: PathBuf },
    #[error("{}: the file cannot be read", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("nothing gathered: {count} problems (see the lines above)")]
    Refused { count: usize },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Import(#[from] ImportError),
}

impl GatherError {
    /// The error in Vietnamese, or `None` where the English words stand (a store's or an
    /// import's error is worded by their own messages).
    pub fn message_vi(&self) -> Option<String> {
        let vi = "vi";
        Some(
            match self {
                Self::NoProvince => rust_i18n::t!("gather.error.no_province", locale = vi),
                Self::SeveralProvinces { choices } => {
                    rust_i18n::t!("gather.error.several", locale = vi, choices = choices)
                }
                Self::UnknownParent(code) => {
                    rust_i18n::t!("gather.error.unknown_parent", locale = vi, code = code)
                }
                Self::NoFiles { path } => {
                    rust_i18n::t!("gather.error.no_files", locale = vi, path = path.display())
                }
                Self::Io { path, source } => rust_i18n::t!(
                    "gather.error.io",
                    locale = vi,
                    path = path.display(),
                    detail = source
                ),
                Self::Refused { count } => {
                    rust_i18n::t!("gather.error.refused", locale = vi, count = count)
                }
                Self::Store(_) | Self::Import(_) => return None,
            }
            .into_owned(),
        )
    }
}

/// What the user says of a gathering.
#[derive(Clone, Debug)]
pub struct Options {
    /// The province (or city) gathering; `None`: the database's only province.
    pub parent: Option<String>,
    pub lang: Lang,
    /// The user's number style, for values messages show.
    pub user_style: NumberStyle,
}

/// A file read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRead {
    pub path: PathBuf,
    pub name: String,
    pub sha256: String,
    pub format: SubmissionFormat,
}

/// What becomes of a ward-year a file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Its first submission.
    New,
    /// It replaces the values of an earlier submission: that file's name, and when it came.
    Replaces {
        file_name: String,
        received_at: jiff::Timestamp,
    },
    /// This file is the ward-year's latest submission already: nothing changes.
    Same { received_at: jiff::Timestamp },
    /// Another file of the gathering holds the same ward-year and is newer (its index).
    Superseded { by: usize },
}

/// A ward-year found in a file, and what gathering it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WardYearRead {
    /// The file, by index into [`Gathering::files`].
    pub file: usize,
    pub unit: UnitId,
    pub code: String,
    pub name: String,
    pub year: i16,
    pub status: Status,
    /// Values written (cleared ones included).
    pub changes: usize,
    /// Of those, values an earlier submission wrote that this one no longer holds.
    pub cleared: usize,
}

impl WardYearRead {
    /// True when gathering writes (or records) this ward-year.
    pub fn taken(&self) -> bool {
        matches!(self.status, Status::New | Status::Replaces { .. })
    }
}

/// What a gathering would do: per file and ward-year, the problems that stop it, and the
/// writes.
#[derive(Debug)]
pub struct Gathering {
    pub parent: AdminUnit,
    pub files: Vec<FileRead>,
    pub ward_years: Vec<WardYearRead>,
    /// What stops the gathering (a foreign ward, a locked year, a file that does not read):
    /// while there is any, nothing is written.
    pub problems: Vec<String>,
    /// What does not stop it: values of indicators this database lacks, values a plausibility
    /// rule doubts, a file read without its `-wal`.
    pub warnings: Vec<String>,
    /// Values given that repeat what is stored.
    pub unchanged: usize,
    /// Values a plausibility rule doubts (among the warnings): written only when agreed to.
    pub flagged: usize,
    batch: Batch,
    submissions: Vec<NewSubmission>,
}

impl Gathering {
    /// Values the gathering writes.
    pub fn changes(&self) -> usize {
        self.ward_years.iter().map(|w| w.changes).sum()
    }

    /// True when it writes or records anything.
    pub fn writes(&self) -> bool {
        self.problems.is_empty() && !self.submissions.is_empty()
    }
}

/// A ward-year read from a file before the rules of the module doc pick which file gives it.
struct Found {
    file: usize,
    unit: UnitId,
    unit_info: AdminUnit,
    year: i16,
    /// The file's time of change, to pick the newest of two files of one ward-year.
    modified: Option<std::time::SystemTime>,
    values: Values,
}

/// What a ward-year's file says.
enum Values {
    /// A ward database's values.
    Database(Vec<crate::store::WardFileValue>),
    /// An import's writes for it, and its changes and unchanged values.
    Import {
        batch: Batch,
        changes: usize,
        unchanged: usize,
    },
}

/// Where a value of the gathering comes from, for a refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct At {
    found: usize,
    indicator: IndicatorId,
}

/// Reads the files and works out what gathering them would do, writing nothing.
pub fn preview(
    store: &Store,
    paths: &[PathBuf],
    options: &Options,
    mut progress: impl FnMut(usize, usize),
) -> Result<Gathering, GatherError> {
    let parent = wards::parent(store, options.parent.as_deref())?;
    let list = files::list(paths, store.path())?;
    store.snapshot(|| {
        let mut gathering = Gathering {
            parent: parent.clone(),
            files: Vec::new(),
            ward_years: Vec::new(),
            problems: Vec::new(),
            warnings: Vec::new(),
            unchanged: 0,
            flagged: 0,
            batch: Batch::default(),
            submissions: Vec::new(),
        };
        let mut resolver = wards::Resolver::new(store, &parent, options.lang)?;
        let mut found = Vec::new();
        let total = list.len() + 1;
        for (index, path) in list.iter().enumerate() {
            progress(index, total);
            read_file(
                store,
                path,
                options,
                &mut resolver,
                &mut gathering,
                &mut found,
            )?;
        }
        pick_newest(store, &mut gathering, &mut found)?;
        plan(store, options, &mut gathering, found)?;
        progress(total, total);
        Ok(gathering)
    })
}

/// Reads one file into `found`, its problems and warnings into the gathering.
fn read_file(
    store: &Store,
    path: &Path,
    options: &Options,
    resolver: &mut wards::Resolver,
    gathering: &mut Gathering,
    found: &mut Vec<Found>,
) -> Result<(), GatherError> {
    let lang = options.lang.code();
    let name = files::name(path);
    let Some(mut format) = files::format(path) else {
        gathering
            .problems
            .push(rust_i18n::t!("gather.unsupported", locale = lang, file = name).into_owned());
        return Ok(());
    };
    let sha256 = files::sha256(path)?;
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let file = gathering.files.len();
    if format == SubmissionFormat::Database {
        let ward_file = match crate::store::read_ward_file(path) {
            Ok(ward_file) => ward_file,
            Err(error) => {
                let error = crate::messages::describe(&error.into(), options.lang);
                gathering.problems.push(error);
                return Ok(());
            }
        };
        if ward_file.wal_beside {
            gathering
                .warnings
                .push(rust_i18n::t!("gather.wal_beside", locale = lang, file = name).into_owned());
        }
        if ward_file.ward_years.is_empty() {
            gathering
                .warnings
                .push(rust_i18n::t!("gather.empty_file", locale = lang, file = name).into_owned());
        }
        for ward_year in ward_file.ward_years {
            match resolver.resolve(&ward_year.code, &ward_year.name, ward_year.year)? {
                Ok((unit, unit_info)) => found.push(Found {
                    file,
                    unit,
                    unit_info,
                    year: ward_year.year,
                    modified,
                    values: Values::Database(ward_year.values),
                }),
                Err(refusal) => gathering.problems.push(format!("{name}: {refusal}")),
            }
        }
    } else {
        // A file that names no ward is refused: never taken for the province's own ward.
        let defaults = import::Defaults {
            lang: options.lang,
            user_style: options.user_style,
            no_home_ward: true,
            ..import::Defaults::default()
        };
        let preview = import::preview(store, path, &defaults)?;
        if format == SubmissionFormat::Workbook
            && !matches!(preview.style, Ok(import::Found::Machine))
        {
            format = SubmissionFormat::Annex;
        }
        if !preview.problems.is_empty() {
            for problem in &preview.problems {
                let problem = problem.describe(options.lang);
                gathering.problems.push(format!("{name}: {problem}"));
            }
            return Ok(());
        }
        gathering.flagged += preview.flags.len();
        for warning in preview.warnings.iter().chain(&preview.flags) {
            let warning = warning.describe(options.lang);
            gathering.warnings.push(format!("{name}: {warning}"));
        }
        // The ward-years the file writes (its changes name them by ward code).
        // Those whose every value repeats what is stored too: the file is listed for them.
        let mut years: BTreeMap<(String, i16), usize> = preview
            .ward_years
            .iter()
            .map(|(code, year)| ((code.to_string(), *year), 0))
            .collect();
        for change in &preview.changes {
            *years
                .entry((change.ward.to_string(), change.year))
                .or_default() += 1;
        }
        if years.is_empty()
            && let (Some((_, Some(code))), Some((year, _))) =
                (&preview.title.ward, &preview.title.year)
        {
            years.insert((code.clone(), *year), 0);
        }
        if years.is_empty() {
            // Nothing to take from it, but said: every file counted is accounted for.
            gathering
                .warnings
                .push(rust_i18n::t!("gather.empty_file", locale = lang, file = name).into_owned());
        }
        let unchanged = preview.unchanged;
        let batch = preview.into_batch().unwrap_or_default();
        for (index, ((code, year), changes)) in years.into_iter().enumerate() {
            match resolver.resolve(&code, &code, year)? {
                Ok((unit, unit_info)) => {
                    let part = Batch {
                        plans: batch
                            .plans
                            .iter()
                            .filter(|w| w.unit == unit && w.year == year)
                            .cloned()
                            .collect(),
                        figures: batch
                            .figures
                            .iter()
                            .filter(|w| w.unit == unit && w.year == year)
                            .cloned()
                            .collect(),
                        aliases: Vec::new(),
                    };
                    found.push(Found {
                        file,
                        unit,
                        unit_info,
                        year,
                        modified,
                        values: Values::Import {
                            batch: part,
                            changes,
                            // The file's unchanged values count once.
                            unchanged: if index == 0 { unchanged } else { 0 },
                        },
                    });
                }
                Err(refusal) => gathering.problems.push(format!("{name}: {refusal}")),
            }
        }
    }
    gathering.files.push(FileRead {
        path: path.to_path_buf(),
        name,
        sha256,
        format,
    });
    Ok(())
}

/// Gives each ward-year its status: of two files holding it the newer; a file that is already
/// its latest submission changes nothing; else new, or replacing an earlier submission.
fn pick_newest(
    store: &Store,
    gathering: &mut Gathering,
    found: &mut [Found],
) -> Result<(), GatherError> {
    let mut newest: HashMap<(UnitId, i16), usize> = HashMap::new();
    for (index, f) in found.iter().enumerate() {
        newest
            .entry((f.unit, f.year))
            .and_modify(|best| {
                if f.modified >= found[*best].modified {
                    *best = index;
                }
            })
            .or_insert(index);
    }
    for (index, f) in found.iter().enumerate() {
        let best = newest[&(f.unit, f.year)];
        let status = if best == index {
            match store.latest_submission(f.unit, f.year)? {
                Some(latest) if latest.sha256 == gathering.files[f.file].sha256 => Status::Same {
                    received_at: latest.received_at,
                },
                Some(latest) => Status::Replaces {
                    file_name: latest.file_name,
                    received_at: latest.received_at,
                },
                None => Status::New,
            }
        } else {
            Status::Superseded {
                by: found[best].file,
            }
        };
        gathering.ward_years.push(WardYearRead {
            file: f.file,
            unit: f.unit,
            code: f.unit_info.code.clone(),
            name: f.unit_info.name.clone(),
            year: f.year,
            status,
            changes: 0,
            cleared: 0,
        });
    }
    Ok(())
}

/// Plans the writes of the ward-years taken through the one write path, counting each one's
/// changes; records their submissions.
fn plan(
    store: &Store,
    options: &Options,
    gathering: &mut Gathering,
    found: Vec<Found>,
) -> Result<(), GatherError> {
    let locale = Locale {
        lang: options.lang,
        style: options.user_style,
    };
    let codes: HashMap<String, IndicatorId> = store
        .indicators()?
        .into_iter()
        .map(|(id, indicator)| (indicator.code, id))
        .collect();
    let measures: HashMap<IndicatorId, crate::domain::Unit> = store
        .indicators()?
        .into_iter()
        .map(|(id, indicator)| (id, indicator.unit))
        .collect();
    let names: HashMap<IndicatorId, String> = store
        .indicators()?
        .into_iter()
        .map(|(id, indicator)| (id, indicator.name(options.lang).to_owned()))
        .collect();
    let no_measure = crate::domain::Unit::new("");
    let mut planner: Planner<'_, At> = Planner::new(store)?;
    let mut imported = Batch::default();
    // Values of codes this database lacks: by file and code, how many.
    let mut lacking: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for (index, mut f) in found.into_iter().enumerate() {
        if !gathering.ward_years[index].taken() {
            continue;
        }
        match std::mem::replace(&mut f.values, Values::Database(Vec::new())) {
            Values::Database(values) => {
                let replaced = match gathering.ward_years[index].status {
                    Status::Replaces { .. } => store.slots_of_submissions(f.unit, f.year)?,
                    _ => Vec::new(),
                };
                let edits = database_edits(index, &f, values, &replaced, &codes, &mut lacking);
                for (edit, cleared) in edits {
                    let refusals = planner.row(edit)?;
                    for refusal in refusals {
                        let at = refusal.at;
                        let reason = refusal.reason.message_in(locale);
                        gathering.problems.push(value_line(
                            gathering,
                            at,
                            &names,
                            "gather.refused_value",
                            &reason,
                            options.lang,
                        ));
                    }
                    for flag in planner.take_flags().collect::<Vec<_>>() {
                        gathering.flagged += 1;
                        let measure = measures.get(&flag.indicator).unwrap_or(&no_measure);
                        let why = flag.message(measure, locale);
                        gathering.warnings.push(value_line(
                            gathering,
                            flag.at,
                            &names,
                            "gather.flagged_value",
                            &why,
                            options.lang,
                        ));
                    }
                    let changes = planner.take_changes().count();
                    gathering.ward_years[index].changes += changes;
                    gathering.ward_years[index].cleared += cleared.min(changes);
                }
            }
            Values::Import {
                batch,
                changes,
                unchanged,
            } => {
                gathering.ward_years[index].changes += changes;
                gathering.unchanged += unchanged;
                imported.plans.extend(batch.plans);
                imported.figures.extend(batch.figures);
            }
        }
    }
    for ((file, code), count) in lacking {
        gathering.warnings.push(
            rust_i18n::t!(
                "gather.lacking",
                locale = options.lang.code(),
                file = gathering.files[file].name,
                count = crate::domain::number::format_count(count, options.user_style),
                code = code
            )
            .into_owned(),
        );
    }
    let planned = planner.finish();
    gathering.unchanged += planned.unchanged;
    gathering.batch = planned.batch;
    gathering.batch.plans.extend(imported.plans);
    gathering.batch.figures.extend(imported.figures);
    gathering.submissions = gathering
        .ward_years
        .iter()
        .filter(|w| w.taken())
        .map(|w| NewSubmission {
            unit: w.unit,
            year: w.year,
            file_name: gathering.files[w.file].name.clone(),
            sha256: gathering.files[w.file].sha256.clone(),
            format: gathering.files[w.file].format,
            values: w.changes,
        })
        .collect();
    Ok(())
}

/// "bao-cao.db: Phường X (03142), 2024, Thu ngân sách: why".
fn value_line(
    gathering: &Gathering,
    at: At,
    names: &HashMap<IndicatorId, String>,
    key: &str,
    why: &str,
    lang: Lang,
) -> String {
    let ward = &gathering.ward_years[at.found];
    rust_i18n::t!(
        key,
        locale = lang.code(),
        file = gathering.files[ward.file].name,
        ward = ward.name,
        code = ward.code,
        year = ward.year,
        indicator = names.get(&at.indicator).cloned().unwrap_or_default(),
        why = why
    )
    .into_owned()
}

/// A ward database's values of one ward-year as edits, one per indicator, with how many of
/// each edit's slots clear a value an earlier submission wrote that this file no longer holds.
fn database_edits(
    index: usize,
    found: &Found,
    values: Vec<crate::store::WardFileValue>,
    replaced: &[(IndicatorId, StoredSlot)],
    codes: &HashMap<String, IndicatorId>,
    lacking: &mut BTreeMap<(usize, String), usize>,
) -> Vec<(RowEdit<At>, usize)> {
    let mut rows: Vec<RowEdit<At>> = Vec::new();
    let mut named: std::collections::HashSet<(IndicatorId, StoredSlot)> =
        std::collections::HashSet::new();
    for value in values {
        let Some(&indicator) = codes.get(&value.indicator) else {
            *lacking.entry((found.file, value.indicator)).or_default() += 1;
            continue;
        };
        let at = At {
            found: index,
            indicator,
        };
        let (write, slot) = match value.slot {
            WardFileSlot::Plan {
                source,
                low,
                high,
                text,
                derived,
            } => (
                Write::Plan {
                    source: Some(source),
                    target: Given::Set {
                        value: crate::domain::PlanTarget::range(low, high),
                        text,
                    },
                    derived: Some(derived),
                },
                StoredSlot::Plan(source),
            ),
            WardFileSlot::Figure { stage, value, text } => (
                Write::Figure {
                    stage,
                    value: Given::Set { value, text },
                },
                StoredSlot::Figure(stage),
            ),
        };
        named.insert((indicator, slot));
        let edit = SlotEdit {
            at,
            write,
            note: Some(value.note),
        };
        match rows.last_mut() {
            Some(row) if row.indicator == indicator => row.slots.push(edit),
            _ => rows.push(row_edit(found, at, edit)),
        }
    }
    let mut edits: Vec<(RowEdit<At>, usize)> = rows.into_iter().map(|r| (r, 0)).collect();
    // What an earlier submission wrote and this one no longer holds is cleared.
    for &(indicator, slot) in replaced {
        if named.contains(&(indicator, slot)) {
            continue;
        }
        let at = At {
            found: index,
            indicator,
        };
        let write = match slot {
            StoredSlot::Plan(source) => Write::Plan {
                source: Some(source),
                target: Given::Clear,
                derived: None,
            },
            StoredSlot::Figure(stage) => Write::Figure {
                stage,
                value: Given::Clear,
            },
        };
        let edit = SlotEdit {
            at,
            write,
            note: None,
        };
        match edits.iter_mut().find(|(r, _)| r.indicator == indicator) {
            Some((row, cleared)) => {
                row.slots.push(edit);
                *cleared += 1;
            }
            None => edits.push((row_edit(found, at, edit), 1)),
        }
    }
    edits
}

fn row_edit(found: &Found, at: At, edit: SlotEdit<At>) -> RowEdit<At> {
    RowEdit {
        at,
        unit: found.unit,
        year: found.year,
        indicator: at.indicator,
        slots: vec![edit],
        note: None,
    }
}

/// What a gathering wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Gathered {
    pub summary: SaveSummary,
    /// Ward-years recorded as submissions.
    pub recorded: usize,
}

/// Writes a gathering previewed without problems: a copy of the database first, then its
/// values and its submissions in one transaction. `face`: the window or the command line.
pub fn write(
    store: &mut Store,
    gathering: &Gathering,
    face: Origin,
    progress: impl FnMut(usize, usize),
) -> Result<Gathered, GatherError> {
    if !gathering.problems.is_empty() {
        return Err(GatherError::Refused {
            count: gathering.problems.len(),
        });
    }
    let detail = match gathering.files.as_slice() {
        [one] => one.name.clone(),
        [first, rest @ ..] => format!("{} (+{})", first.name, rest.len()),
        [] => String::new(),
    };
    let summary = store.apply_gathered(
        &gathering.batch,
        &gathering.submissions,
        &detail,
        face,
        progress,
    )?;
    Ok(Gathered {
        summary,
        recorded: gathering.submissions.len(),
    })
}

/// One ward's line of the submissions list: whether it reported for the year, and its latest
/// submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WardSubmission {
    pub unit: UnitId,
    pub code: String,
    pub name: String,
    pub latest: Option<crate::store::Submission>,
}

/// The wards expected to report to `parent` for `year`, each with its latest submission.
pub fn submissions(
    store: &Store,
    parent: &AdminUnit,
    year: i16,
) -> Result<Vec<WardSubmission>, GatherError> {
    let wards = store.wards_under(&parent.code, year)?;
    let mut latest: HashMap<UnitId, crate::store::Submission> = HashMap::new();
    for submission in store.submissions(Some(year))? {
        latest.insert(submission.unit, submission);
    }
    Ok(wards
        .into_iter()
        .filter(|(_, unit)| unit.level == Level::Ward)
        .map(|(unit, info)| WardSubmission {
            unit,
            code: info.code,
            name: info.name,
            latest: latest.remove(&unit),
        })
        .collect())
}

/// "Đã nhận 42/45 phường" (and the missing named, when any).
pub fn summary_line(list: &[WardSubmission], lang: Lang) -> String {
    let received = list.iter().filter(|w| w.latest.is_some()).count();
    let missing: Vec<&str> = list
        .iter()
        .filter(|w| w.latest.is_none())
        .map(|w| w.name.as_str())
        .collect();
    let line = rust_i18n::t!(
        "gather.summary",
        locale = lang.code(),
        received = received,
        expected = list.len()
    )
    .into_owned();
    if missing.is_empty() {
        line
    } else {
        let missing_line = rust_i18n::t!(
            "gather.missing",
            locale = lang.code(),
            wards = missing.join(", ")
        );
        format!("{line}; {missing_line}")
    }
}

/// The year to list when none is named: the latest with a submission, else last year.
pub fn default_year(store: &Store) -> Result<i16, GatherError> {
    let latest = store.submissions(None)?.iter().map(|s| s.year).max();
    Ok(latest.unwrap_or_else(|| jiff::Zoned::now().year() - 1))
}
