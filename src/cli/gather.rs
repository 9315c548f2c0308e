//! `ward-kpi gather FILE|FOLDER…`: the wards' files (their own databases, read read-only;
//! workbooks, CSVs, annex sheets) gathered into the province's database in one preview and one
//! transaction, each ward-year recorded as a submission; `--dry-run` only shows it. And
//! `ward-kpi submissions`: which wards reported for a year, and which did not.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::domain::Lang;
use crate::domain::number::{self, NumberStyle};
use crate::gather::{self, Options, day, ward_lines};
use crate::store::{Origin, Store};

/// Arguments of `ward-kpi gather`.
#[derive(Debug, Args)]
pub struct GatherArgs {
    /// Ward files, or folders of them: a ward's ward-kpi database (read only, never changed),
    /// this program's .xlsx or .csv, an annex sheet (.xlsx, .docx).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Show what would be written, per ward and year; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The province (or city, before 1/7/2025) gathering [default: the database's only
    /// province].
    #[arg(long, value_name = "CODE")]
    pub parent: Option<String>,
    /// Write the values a plausibility rule doubts without asking.
    #[arg(long)]
    pub yes: bool,
    /// Refuse the gathering if a plausibility rule doubts any value.
    #[arg(long, conflicts_with = "yes")]
    pub strict: bool,
}

/// Arguments of `ward-kpi submissions`.
#[derive(Debug, Args)]
pub struct SubmissionsArgs {
    /// The year [default: the latest year with a submission].
    #[arg(long, allow_negative_numbers = true)]
    pub year: Option<super::year::YearArg>,
    /// The province (or city) [default: the database's only province].
    #[arg(long, value_name = "CODE")]
    pub parent: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
}

/// How `submissions` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

/// Runs `gather`.
pub fn run(
    store: &mut Store,
    args: &GatherArgs,
    lang: Lang,
    style: NumberStyle,
) -> anyhow::Result<()> {
    let options = Options {
        parent: args.parent.clone(),
        lang,
        user_style: style,
    };
    let gathering = gather::preview(store, &args.paths, &options, |_, _| {})?;
    let count = |n: usize| number::format_count(n, style);
    super::print_line(&rust_i18n::t!(
        "gather.parent",
        locale = lang.code(),
        parent = gathering.parent.name,
        code = gathering.parent.code,
        files = count(gathering.files.len())
    ));
    for line in ward_lines(&gathering, lang, style) {
        super::print_line(&line);
    }
    let warning = rust_i18n::t!("gather.warning", locale = lang.code());
    for line in &gathering.warnings {
        eprintln!("ward-kpi: {warning}: {line}");
    }
    if !gathering.problems.is_empty() {
        for line in &gathering.problems {
            eprintln!("ward-kpi: {line}");
        }
        return Err(gather::GatherError::Refused {
            count: gathering.problems.len(),
        }
        .into());
    }
    // Values a plausibility rule doubts are written only when agreed to, as `import` does.
    if gathering.flagged > 0 {
        let flagged = count(gathering.flagged);
        if args.strict {
            anyhow::bail!(rust_i18n::t!(
                "gather.strict",
                locale = lang.code(),
                count = flagged
            ));
        }
        if !args.dry_run && !args.yes && !super::import::confirmed(&flagged, lang)? {
            anyhow::bail!(rust_i18n::t!(
                "gather.unconfirmed",
                locale = lang.code(),
                count = flagged
            ));
        }
    }
    let wards = gathering.ward_years.iter().filter(|w| w.taken()).count();
    if args.dry_run {
        super::print_line(&rust_i18n::t!(
            "gather.dry_run",
            locale = lang.code(),
            wards = count(wards),
            count = count(gathering.changes()),
            unchanged = count(gathering.unchanged)
        ));
        return Ok(());
    }
    if !gathering.writes() {
        super::print_line(&rust_i18n::t!("gather.nothing", locale = lang.code()));
        return Ok(());
    }
    let written = gather::write(store, &gathering, Origin::Cli, |_, _| {})?;
    super::print_line(&rust_i18n::t!(
        "gather.done",
        locale = lang.code(),
        wards = count(written.recorded),
        count = count(written.summary.plans_changed + written.summary.figures_changed),
        unchanged = count(gathering.unchanged)
    ));
    Ok(())
}

/// Runs `submissions`.
pub fn list(
    store: &Store,
    args: &SubmissionsArgs,
    lang: Lang,
    style: NumberStyle,
) -> anyhow::Result<()> {
    let parent = gather::parent(store, args.parent.as_deref())?;
    let year = match &args.year {
        Some(year) => year.check(lang)?,
        None => gather::default_year(store)?,
    };
    let wards = gather::submissions(store, &parent, year)?;
    match args.format {
        ListFormat::Json => {
            let rows: Vec<serde_json::Value> = wards
                .iter()
                .map(|w| {
                    let latest = w.latest.as_ref();
                    serde_json::json!({
                        "ward_code": w.code,
                        "ward": w.name,
                        "received": latest.is_some(),
                        "file": latest.map(|s| s.file_name.clone()),
                        "sha256": latest.map(|s| s.sha256.clone()),
                        "received_at": latest.map(|s| s.received_at.to_string()),
                        "received_by": latest.map(|s| s.received_by.clone()),
                        "format": latest.map(|s| s.format.code()),
                        "values_written": latest.map(|s| s.values),
                    })
                })
                .collect();
            let received = wards.iter().filter(|w| w.latest.is_some()).count();
            let missing: Vec<&str> = wards
                .iter()
                .filter(|w| w.latest.is_none())
                .map(|w| w.code.as_str())
                .collect();
            let json = serde_json::json!({
                "parent_code": parent.code,
                "parent": parent.name,
                "year": year,
                "expected": wards.len(),
                "received": received,
                "missing": missing,
                "wards": rows,
            });
            super::print_line(&serde_json::to_string_pretty(&json)?);
        }
        ListFormat::Table => {
            use super::table::{Align, Table};
            let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
            super::print_line(&rust_i18n::t!(
                "gather.title",
                locale = lang.code(),
                year = year,
                parent = parent.name
            ));
            let mut table = Table::new(vec![
                (t("gather.col.ward"), Align::Left),
                (t("gather.col.code"), Align::Left),
                (t("gather.col.state"), Align::Left),
                (t("gather.col.file"), Align::Left),
                (t("gather.col.received"), Align::Left),
                (t("gather.col.by"), Align::Left),
                (t("gather.col.values"), Align::Right),
            ]);
            for ward in &wards {
                let cells = match &ward.latest {
                    Some(s) => vec![
                        ward.name.clone(),
                        ward.code.clone(),
                        t("gather.received"),
                        s.file_name.clone(),
                        day(s.received_at),
                        s.received_by.clone(),
                        number::format_count(s.values, style),
                    ],
                    None => vec![
                        ward.name.clone(),
                        ward.code.clone(),
                        t("gather.not_received"),
                    ],
                };
                table.row(cells);
            }
            super::print_text(&table.render());
            super::print_line(&gather::summary_line(&wards, lang));
        }
    }
    Ok(())
}
