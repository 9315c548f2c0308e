//! `ward-kpi export`: the year's report to a file (Excel, Word, PDF, CSV, the chart as PNG or
//! the report sentences), for one ward or for every ward of the year, through the same exporters
//! as the window. Only the indicators with a plan or a figure that year are listed unless
//! `--all-indicators` asks for the whole catalogue.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::domain::Locale;
use crate::domain::report::WardYear;
use crate::export;
use crate::store::Store;

/// Arguments of `ward-kpi export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The year.
    #[arg(long, allow_negative_numbers = true)]
    pub year: super::year::YearArg,
    /// The ward's statistics code, or `all` for every ward of the year [default: the database's
    /// ward].
    #[arg(long)]
    pub ward: Option<String>,
    /// The file format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// The file to write (replaced if it exists, once the new one is complete).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// List every indicator of the catalogue, not only those with a plan or a figure that year.
    #[arg(long)]
    pub all_indicators: bool,
    /// The date the Word document is issued, as YYYY-MM-DD or DD/MM/YYYY [default: today].
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub date: Option<jiff::civil::Date>,
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Xlsx,
    Docx,
    Pdf,
    Csv,
    Png,
    Txt,
}

impl From<Format> for export::Format {
    fn from(value: Format) -> Self {
        match value {
            Format::Xlsx => Self::Xlsx,
            Format::Docx => Self::Docx,
            Format::Pdf => Self::Pdf,
            Format::Csv => Self::Csv,
            Format::Png => Self::Png,
            Format::Txt => Self::Txt,
        }
    }
}

pub fn run(store: &Store, args: &ExportArgs, locale: Locale) -> anyhow::Result<()> {
    let lang = locale.lang;
    let year = args.year.check(lang)?;
    let mut wards = if args.ward.as_deref() == Some("all") {
        store.ward_years(year, |_, _| {})?
    } else {
        let (id, unit) = super::ward(store, args.ward.as_deref(), year)?;
        vec![store.ward_year(id, unit, year)?]
    };
    if !args.all_indicators {
        wards = wards.into_iter().map(WardYear::only_reported).collect();
    }
    // Only a Word document prints a letterhead: no other export depends on reading it.
    let letterheads = if args.format == Format::Docx {
        store.letterheads(&wards, lang)?
    } else {
        Vec::new()
    };
    let paper = export::Paper {
        letterheads: &letterheads,
        date: args.date.unwrap_or_else(super::today),
    };
    export::write(args.format.into(), &wards, &paper, locale, &args.output)?;
    super::print_line(&rust_i18n::t!(
        "cli.exported",
        locale = lang.code(),
        path = args.output.display(),
        wards = wards.len()
    ));
    Ok(())
}
