//! `ward-kpi compare`: the wards under a province (or a city) side by side for a year, each
//! indicator's % of plan and status, as a table, JSON, CSV, an Excel sheet or a PDF; with
//! `--indicator`, one indicator's ranking. Every number comes from the wards' reports; this file
//! only lays them out.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, ValueEnum};
use serde::Serialize;
use serde_json::value::RawValue;

use super::table::{Align, Table};
use crate::domain::compare::{Comparison, Order, Sort, SortKey};
use crate::domain::compute;
use crate::domain::report::{self, short_name};
use crate::domain::{AdminUnit, Lang, Locale};
use crate::export::compare as export;
use crate::export::machine::machine_number;
use crate::store::Store;

/// Arguments of `ward-kpi compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The year.
    #[arg(long, allow_negative_numbers = true)]
    pub year: super::year::YearArg,
    /// The statistics code of the province or city whose wards are compared (`ward-kpi units`).
    #[arg(long, value_name = "CODE")]
    pub parent: String,
    /// One indicator's ranking across the wards, best first, instead of every indicator.
    #[arg(long, value_name = "CODE")]
    pub indicator: Option<String>,
    /// Sort by an indicator's % of plan (highest first; wards without one last), or `ward`
    /// for the names [default: ward].
    #[arg(long, value_name = "CODE")]
    pub sort: Option<String>,
    /// The way of the sort [default: desc for an indicator, asc for the names].
    #[arg(long, value_enum)]
    pub order: Option<OrderArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// The file to write (needed for xlsx and pdf; else the output goes to the terminal).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Xlsx,
    Pdf,
}

/// `--order` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    Asc,
    Desc,
}

pub fn run(store: &Store, args: &CompareArgs, locale: Locale) -> anyhow::Result<()> {
    let lang = locale.lang;
    let year = args.year.check(lang)?;
    // A code the catalogue lacks is said as such, before any ward is asked for its figures.
    let sort_code = args.sort.as_deref().filter(|code| *code != "ward");
    for code in [args.indicator.as_deref(), sort_code].into_iter().flatten() {
        store.indicator(code)?;
    }
    let (_, parent) = store.unit_for(&args.parent, year)?;
    let comparison = Comparison::new(year, &store.reports_under(&parent.code, year)?);
    anyhow::ensure!(
        !comparison.rows.is_empty(),
        rust_i18n::t!(
            "compare.no_wards",
            locale = lang.code(),
            name = parent.name,
            code = parent.code,
            year = year
        )
    );
    let column = |code: &str| {
        comparison.column(code).with_context(|| {
            rust_i18n::t!(
                "compare.no_indicator",
                locale = lang.code(),
                code = code,
                year = year
            )
            .into_owned()
        })
    };
    let sort = match (&args.indicator, args.sort.as_deref()) {
        (Some(code), _) => Sort::default().clicked(SortKey::Indicator(column(code)?)),
        (None, None | Some("ward")) => Sort::default(),
        (None, Some(code)) => Sort::default().clicked(SortKey::Indicator(column(code)?)),
    };
    let sort = match args.order {
        Some(OrderArg::Asc) => Sort {
            order: Order::Ascending,
            ..sort
        },
        Some(OrderArg::Desc) => Sort {
            order: Order::Descending,
            ..sort
        },
        None => sort,
    };
    let order = comparison.order(sort);
    let ranked = match sort.key {
        SortKey::Indicator(column) if args.indicator.is_some() => Some(column),
        _ => None,
    };
    let text = match (args.format, ranked) {
        (Format::Xlsx | Format::Pdf, _) => {
            let path = args
                .output
                .as_ref()
                .with_context(|| rust_i18n::t!("compare.need_output", locale = lang.code()))?;
            let format = if args.format == Format::Xlsx {
                export::Format::Xlsx
            } else {
                export::Format::Pdf
            };
            export::write(format, &comparison, &parent, &order, locale, path)?;
            super::print_line(&rust_i18n::t!(
                "cli.exported",
                locale = lang.code(),
                path = path.display(),
                wards = comparison.rows.len()
            ));
            return Ok(());
        }
        (Format::Table, None) => table(&comparison, &parent, &order, locale),
        (Format::Table, Some(column)) => {
            ranking_table(&comparison, &parent, &order, column, locale)
        }
        (Format::Json, None) => json(&comparison, &order)?,
        (Format::Json, Some(column)) => ranking_json(&comparison, &order, column)?,
        (Format::Csv, None) => csv(&comparison, &order)?,
        (Format::Csv, Some(column)) => ranking_csv(&comparison, &order, column)?,
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, text.as_bytes()).with_context(|| path.display().to_string())?;
        }
        None => super::print_text(&text),
    }
    Ok(())
}

/// The title and the parent's line, as every table starts.
fn heading(comparison: &Comparison, parent: &AdminUnit, locale: Locale) -> String {
    let mut line = export::parent_line(parent, comparison.rows.len(), locale);
    if comparison.rows.iter().any(|r| r.unit.synthetic) {
        line.push_str(&format!(
            " [{}]",
            rust_i18n::t!("cli.synthetic_mark", locale = locale.lang.code())
        ));
    }
    format!(
        "{}\n{line}\n\n",
        export::title(comparison.year, locale.lang)
    )
}

/// A cell as people read it: the % of plan, or the status where there is none to show.
fn cell_text(cell: crate::domain::compare::Cell, locale: Locale) -> String {
    report::percent_text(cell.percent, locale.style).unwrap_or_else(|| match cell.status {
        compute::Status::NoData => String::new(),
        status => status.word(locale.lang),
    })
}

fn t(key: &str, lang: Lang) -> String {
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

/// Wards as rows, indicators as columns (their short names).
fn table(comparison: &Comparison, parent: &AdminUnit, order: &[usize], locale: Locale) -> String {
    let lang = locale.lang;
    let mut headers = vec![
        (t("compare.col.number", lang), Align::Right),
        (t("compare.col.code", lang), Align::Left),
        (t("compare.col.ward", lang), Align::Left),
    ];
    headers.extend(
        comparison
            .indicators
            .iter()
            .map(|i| (short_name(i.name(lang)), Align::Right)),
    );
    let mut table = Table::new(headers);
    for (n, &index) in order.iter().enumerate() {
        let ward = &comparison.rows[index];
        let mut cells = vec![
            (n + 1).to_string(),
            ward.unit.code.clone(),
            ward.unit.name.clone(),
        ];
        cells.extend(ward.cells.iter().map(|c| cell_text(*c, locale)));
        table.row(cells);
    }
    format!("{}{}", heading(comparison, parent, locale), table.render())
}

/// One indicator across the wards, best first.
fn ranking_table(
    comparison: &Comparison,
    parent: &AdminUnit,
    order: &[usize],
    column: usize,
    locale: Locale,
) -> String {
    let lang = locale.lang;
    let indicator = &comparison.indicators[column];
    let mut table = Table::new(vec![
        (t("compare.col.rank", lang), Align::Right),
        (t("compare.col.code", lang), Align::Left),
        (t("compare.col.ward", lang), Align::Left),
        (t("cli.col.percent_of_plan", lang), Align::Right),
        (t("cli.col.status", lang), Align::Left),
    ]);
    for (n, &index) in order.iter().enumerate() {
        let ward = &comparison.rows[index];
        let cell = ward.cells[column];
        table.row(vec![
            (n + 1).to_string(),
            ward.unit.code.clone(),
            ward.unit.name.clone(),
            report::percent_text(cell.percent, locale.style).unwrap_or_default(),
            cell.status.word(lang),
        ]);
    }
    format!(
        "{}{} ({})\n\n{}",
        heading(comparison, parent, locale),
        indicator.name(lang),
        indicator.unit.symbol_in(lang),
        table.render()
    )
}

/// A cell as machines read it.
#[derive(Serialize)]
struct MachineCell {
    percent: Option<Box<RawValue>>,
    status: &'static str,
}

impl From<crate::domain::compare::Cell> for MachineCell {
    fn from(cell: crate::domain::compare::Cell) -> Self {
        Self {
            percent: cell
                .percent
                .and_then(|p| machine_number(compute::round(p, 2))),
            status: cell.status.code(),
        }
    }
}

/// A ward's row as machines read it: its indicators by code.
#[derive(Serialize)]
struct MachineWard<'a> {
    ward_code: &'a str,
    ward_name: &'a str,
    indicators: BTreeMap<&'a str, MachineCell>,
}

fn json(comparison: &Comparison, order: &[usize]) -> anyhow::Result<String> {
    let rows: Vec<MachineWard<'_>> = order
        .iter()
        .map(|&index| {
            let ward = &comparison.rows[index];
            MachineWard {
                ward_code: &ward.unit.code,
                ward_name: &ward.unit.name,
                indicators: comparison
                    .indicators
                    .iter()
                    .zip(&ward.cells)
                    .map(|(i, c)| (i.code.as_str(), MachineCell::from(*c)))
                    .collect(),
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&rows)?;
    text.push('\n');
    Ok(text)
}

/// A ward's place in one indicator's ranking as machines read it.
#[derive(Serialize)]
struct MachineRank<'a> {
    rank: usize,
    ward_code: &'a str,
    ward_name: &'a str,
    indicator: &'a str,
    #[serde(flatten)]
    cell: MachineCell,
}

fn ranks<'a>(comparison: &'a Comparison, order: &[usize], column: usize) -> Vec<MachineRank<'a>> {
    order
        .iter()
        .enumerate()
        .map(|(n, &index)| {
            let ward = &comparison.rows[index];
            MachineRank {
                rank: n + 1,
                ward_code: &ward.unit.code,
                ward_name: &ward.unit.name,
                indicator: &comparison.indicators[column].code,
                cell: ward.cells[column].into(),
            }
        })
        .collect()
}

fn ranking_json(comparison: &Comparison, order: &[usize], column: usize) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(&ranks(comparison, order, column))?;
    text.push('\n');
    Ok(text)
}

/// A name cell that a spreadsheet would not take for a formula.
fn defused(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn percent_cell(cell: crate::domain::compare::Cell) -> String {
    cell.percent
        .map(|p| compute::round(p, 2).normalize().to_string())
        .unwrap_or_default()
}

/// One row per ward: its code and name, then each indicator's % and status (by code).
fn csv(comparison: &Comparison, order: &[usize]) -> anyhow::Result<String> {
    let mut out = ::csv::Writer::from_writer(Vec::new());
    let mut header = vec!["ward_code".to_owned(), "ward_name".to_owned()];
    for indicator in &comparison.indicators {
        header.push(format!("{}.percent", indicator.code));
        header.push(format!("{}.status", indicator.code));
    }
    out.write_record(&header)?;
    for &index in order {
        let ward = &comparison.rows[index];
        let mut record = vec![ward.unit.code.clone(), defused(&ward.unit.name)];
        for cell in &ward.cells {
            record.push(percent_cell(*cell));
            record.push(cell.status.code().to_owned());
        }
        out.write_record(&record)?;
    }
    Ok(String::from_utf8(out.into_inner()?)?)
}

fn ranking_csv(comparison: &Comparison, order: &[usize], column: usize) -> anyhow::Result<String> {
    let mut out = ::csv::Writer::from_writer(Vec::new());
    out.write_record([
        "rank",
        "ward_code",
        "ward_name",
        "indicator",
        "percent",
        "status",
    ])?;
    for (n, &index) in order.iter().enumerate() {
        let ward = &comparison.rows[index];
        let cell = ward.cells[column];
        out.write_record([
            (n + 1).to_string(),
            ward.unit.code.clone(),
            defused(&ward.unit.name),
            comparison.indicators[column].code.clone(),
            percent_cell(cell),
            cell.status.code().to_owned(),
        ])?;
    }
    Ok(String::from_utf8(out.into_inner()?)?)
}
