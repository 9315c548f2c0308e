//! `ward-kpi report`: the year's report table as text, JSON or CSV. Every number comes from the
//! domain's report; this file only lays it out.

use clap::{Args, ValueEnum};

use super::table::{Align, Table};
use crate::domain::number;
use crate::domain::report::{self, Report, ReportRow};
use crate::domain::report_words::category_heading;
use crate::domain::{Lang, Locale};
use crate::export::machine::machine_rows;
use crate::store::Store;

/// Arguments of `ward-kpi report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The year.
    #[arg(long, allow_negative_numbers = true)]
    pub year: super::year::YearArg,
    /// The ward's statistics code [default: the database's ward].
    #[arg(long)]
    pub ward: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

pub fn run(store: &Store, args: &ReportArgs, locale: Locale) -> anyhow::Result<()> {
    let lang = locale.lang;
    let year = args.year.check(lang)?;
    let (unit, _) = super::ward(store, args.ward.as_deref(), year)?;
    let report = store.report(unit, year)?;
    let text = match args.format {
        Format::Table => table(&report, locale),
        Format::Json => json(&report)?,
        Format::Csv => csv(&report, lang),
    };
    super::print_text(&text);
    Ok(())
}

/// The report as officials read it: title, then rows grouped by category.
fn table(report: &Report, locale: Locale) -> String {
    let lang = locale.lang;
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
    let key = if report.consolidation.is_some() {
        "consolidate.title"
    } else {
        "cli.report_title"
    };
    let mut title = rust_i18n::t!(
        key,
        locale = lang.code(),
        year = report.year,
        unit = report.unit.name,
        code = report.unit.code
    )
    .into_owned();
    if report.unit.synthetic {
        title.push_str(&format!(" [{}]", t("cli.synthetic_mark")));
    }
    if let Some(consolidation) = &report.consolidation {
        title.push('\n');
        title.push_str(&consolidation.line(lang));
    }
    title.push('\n');
    title.push_str(&crate::domain::summary::Summary::of(report, lang).line(lang));
    let mut table = Table::new(vec![
        (t("cli.col.number"), Align::Right),
        (t("cli.col.indicator"), Align::Left),
        (t("cli.col.unit"), Align::Left),
        (t("cli.col.plan"), Align::Right),
        (t("cli.col.value"), Align::Right),
        (t("cli.col.percent_of_plan"), Align::Right),
        (t("cli.col.previous"), Align::Right),
        (t("cli.col.change"), Align::Right),
        (t("cli.col.status"), Align::Left),
        (t("cli.col.note"), Align::Left),
    ]);
    let mut category = None;
    let mut section = 0;
    for (index, row) in report.rows.iter().enumerate() {
        if category != Some(row.indicator.category) {
            category = Some(row.indicator.category);
            section += 1;
            table.section(category_heading(section, row.indicator.category, lang));
        }
        table.row(vec![
            (index + 1).to_string(),
            row.indicator.name(lang).to_owned(),
            row.indicator.unit.symbol_in(lang).to_owned(),
            row.plan_text(locale).unwrap_or_default(),
            row.value_with_stage(locale).unwrap_or_default(),
            report::percent_text(row.assessment.percent, locale.style).unwrap_or_default(),
            row.previous
                .as_ref()
                .map(|f| number::format_exact(f.value, locale.style))
                .unwrap_or_default(),
            row.change
                .map(|c| report::change_text(c, locale))
                .unwrap_or_default(),
            row.verdict(lang),
            note(row, locale),
        ]);
    }
    format!("{title}\n\n{}", table.render())
}

/// The note column: which plan the % refers to (and whether it was derived), then the figure's
/// own note.
fn note(row: &ReportRow, locale: Locale) -> String {
    let lang = locale.lang;
    let mut parts = Vec::new();
    if let Some(consolidated) = &row.consolidated {
        let note = consolidated.note(locale);
        if !note.is_empty() {
            parts.push(capitalise(&note));
        }
    } else if let Some(plan) = &row.plan {
        let mut source = plan.source.phrase(lang);
        if plan.derived {
            source.push(' ');
            source.push_str(&crate::domain::report_words::derived_mark(lang));
        }
        parts.push(capitalise(&source));
    }
    if let Some(figure) = row.current.as_ref().filter(|f| !f.note.is_empty()) {
        parts.push(figure.note.clone());
    }
    parts.join("; ")
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn json(report: &Report) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(&machine_rows(report))?;
    text.push('\n');
    Ok(text)
}

fn csv(report: &Report, lang: Lang) -> String {
    String::from_utf8_lossy(&crate::export::csv::to_bytes(&[report], lang, false)).into_owned()
}
