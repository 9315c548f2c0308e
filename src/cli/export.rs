//! `ward-kpi export`: the year's report to a file (Excel, PDF, CSV, the chart as PNG or the
//! report sentences), for one ward or for every ward of the year, through the same exporters as
//! the window.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::domain::Locale;
use crate::export;
use crate::store::Store;

/// Arguments of `ward-kpi export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The year.
    #[arg(long)]
    pub year: i16,
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
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Xlsx,
    Pdf,
    Csv,
    Png,
    Txt,
}

impl From<Format> for export::Format {
    fn from(value: Format) -> Self {
        match value {
            Format::Xlsx => Self::Xlsx,
            Format::Pdf => Self::Pdf,
            Format::Csv => Self::Csv,
            Format::Png => Self::Png,
            Format::Txt => Self::Txt,
        }
    }
}

pub fn run(store: &Store, args: &ExportArgs, locale: Locale) -> anyhow::Result<()> {
    let lang = locale.lang;
    let year = super::check_year(args.year, lang)?;
    let wards = if args.ward.as_deref() == Some("all") {
        store.ward_years(year, |_, _| {})?
    } else {
        let (id, unit) = super::ward(store, args.ward.as_deref(), year)?;
        vec![store.ward_year(id, unit, year)?]
    };
    export::write(args.format.into(), &wards, locale, &args.output)?;
    super::print_line(&rust_i18n::t!(
        "cli.exported",
        locale = lang.code(),
        path = args.output.display(),
        wards = wards.len()
    ));
    Ok(())
}
