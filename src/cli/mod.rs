//! The command line: one face over the same core as the window. Parses the arguments, opens the
//! database, runs one command, and turns any error into one clear line on stderr.

mod alias;
mod backup;
mod catalogue;
mod compare;
mod demo;
mod export;
mod gather;
mod handout;
mod history;
mod home_ward;
mod import;
mod lock;
mod report;
mod set;
mod settings;
mod table;
mod year;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::Lang;
use crate::domain::number::NumberStyle;
use crate::store::Store;

/// ward-kpi: a ward's yearly indicators against plan.
#[derive(Debug, Parser)]
#[command(name = "ward-kpi", version, about, long_about = None)]
pub struct Args {
    /// The database file [default: ward-kpi.db in the user's data folder, created with the demo
    /// data on first start].
    #[arg(long, global = true, env = "WARD_KPI_DB", value_name = "FILE")]
    pub db: Option<PathBuf>,

    /// Language of the output [default: vi; the window remembers its own].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// How you write numbers: vi (2.809,8) or en (2,809.8) [default: the language's]. For
    /// `import`, also the style of a file whose numbers read two ways (a file's own style is
    /// otherwise found from its cells).
    #[arg(long, global = true, value_enum, value_name = "STYLE")]
    pub number_style: Option<LangArg>,

    /// Close the window after its first frame (to measure the start).
    #[arg(long, hide = true)]
    pub quit_after_first_frame: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--lang` and `--number-style` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for NumberStyle {
    fn from(value: LangArg) -> Self {
        match value {
            LangArg::Vi => Self::Vi,
            LangArg::En => Self::En,
        }
    }
}

impl From<LangArg> for Lang {
    fn from(value: LangArg) -> Self {
        match value {
            LangArg::Vi => Self::Vi,
            LangArg::En => Self::En,
        }
    }
}

/// The subcommands. Without one, ward-kpi opens its window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the demo database (Phường Thanh Trường, 2021) into a new file.
    Demo(demo::DemoArgs),
    /// Create a new database with the standard catalogue and units, no figures and no home
    /// ward yet (choose it with `ward-kpi home-ward CODE`).
    Init,
    /// Show the database's home ward, the ward commands use without --ward, or choose it:
    /// `ward-kpi home-ward 03142` (the codes: `ward-kpi units`).
    HomeWard(home_ward::HomeWardArgs),
    /// List the indicator catalogue with each one's plausibility rules; `indicators export -o
    /// FILE` and `indicators import FILE` carry it to another database.
    Indicators(catalogue::IndicatorsArgs),
    /// The other names an indicator goes by in the tables you import: `ward-kpi alias add
    /// "Thu NS" budget_revenue`, `ward-kpi alias remove "Thu NS"`, `ward-kpi alias list`.
    Alias(alias::AliasArgs),
    /// List the administrative units (`--format json` for scripts).
    Units(catalogue::UnitsArgs),
    /// Write a verified copy of the database: `ward-kpi backup` (into the backups folder
    /// beside it) or `ward-kpi backup -o copy.db`.
    Backup(backup::BackupArgs),
    /// List the copies in the backups folder beside the database: file, date, reason, size,
    /// figures.
    Backups,
    /// Replace the database by a copy (checked first; the file as it is is kept in the
    /// backups folder): `ward-kpi restore backups/ward-kpi-2026-11-30-141503-daily.db`.
    Restore(backup::RestoreArgs),
    /// Lock a year's figures (chốt số liệu), whole or one stage or the plans, for a ward or
    /// all: `ward-kpi lock --year 2025 --stage estimate --reason "đã gửi báo cáo ước"`.
    Lock(lock::LockArgs),
    /// Lift a lock, saying why: `ward-kpi unlock --year 2025 --reason "sửa số liệu quyết toán"`.
    Unlock(lock::LockArgs),
    /// List the locks and unlocks: who, when, what, why.
    Locks(lock::LocksArgs),
    /// Set a year's plan and figures for one indicator, typed as people type them.
    Set(set::SetArgs),
    /// Print the year's report table for a ward.
    Report(report::ReportArgs),
    /// Compare the wards under a province or a city for a year: each indicator's % of plan,
    /// or with --indicator one indicator's ranking (`ward-kpi compare --year 2024 --parent 11`).
    Compare(compare::CompareArgs),
    /// Show the change log of one indicator's values in one year.
    History(history::HistoryArgs),
    /// Export the year's report to a file: Excel, Word (the state's format), PDF, CSV, the
    /// chart as PNG, or the report sentences. Only indicators with a plan or a figure that year
    /// are listed unless --all-indicators.
    Export(export::ExportArgs),
    /// Show or set the letterhead of the unit's Word reports: `ward-kpi settings --signer
    /// "Nguyễn Văn A"`, `ward-kpi settings --reset all`.
    Settings(settings::SettingsArgs),
    /// Import figures and plans from a table (CSV or Excel), checked row by row first.
    Import(import::ImportArgs),
    /// Write the plans a province (a city before 1/7/2025) hands down to its wards: one file
    /// per ward, which the ward imports, or `--one-workbook`; and the wards' plans added up
    /// against the parent's own: `ward-kpi handout --year 2026 --parent 11 -o giao-ke-hoach/`.
    Handout(handout::HandoutArgs),
    /// Gather the wards' files (their databases, workbooks, CSVs, annex sheets) into the
    /// province's database, all or nothing, each recorded: `ward-kpi gather bao-cao-phuong/`.
    Gather(gather::GatherArgs),
    /// Which wards reported for a year: their latest file, when, by whom; the missing named.
    Submissions(gather::SubmissionsArgs),
}

/// Parses the process's arguments and runs them. A usage error is one line on stderr, like
/// every other error.
pub fn main() -> ExitCode {
    let started = std::time::Instant::now();
    match Args::try_parse() {
        Ok(args) => run(args, started),
        Err(error) if !error.use_stderr() => {
            // --help and --version: clap prints them as they are.
            match error.print() {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::FAILURE,
            }
        }
        Err(error) => {
            eprintln!("ward-kpi: {}", one_line(&error.render().to_string()));
            ExitCode::from(2)
        }
    }
}

/// Clap's usage error in one line: its message and details, without the usage and help hints.
fn one_line(rendered: &str) -> String {
    rendered
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more information")
        })
        .map(|l| l.trim_start_matches("error: "))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs the command line and returns the process's exit code.
pub fn run(args: Args, started: std::time::Instant) -> ExitCode {
    let lang = args.lang.map(Lang::from).unwrap_or_default();
    match dispatch(args, lang, started) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ward-kpi: {}", crate::messages::describe(&error, lang));
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: Args, lang: Lang, started: std::time::Instant) -> anyhow::Result<()> {
    let style = args
        .number_style
        .map_or(NumberStyle::from(lang), NumberStyle::from);
    let Some(command) = args.command else {
        return crate::app::run(crate::app::Launch {
            db: args.db,
            lang: args.lang.map(Lang::from),
            quit_after_first_frame: args.quit_after_first_frame,
            started: Some(started),
        });
    };
    match command {
        Command::Demo(demo) => demo::run(&required_db(args.db.as_deref(), lang)?, &demo, lang),
        Command::Init => {
            let path = required_db(args.db.as_deref(), lang)?;
            crate::store::seed::create(&path)?;
            print_line(&rust_i18n::t!(
                "cli.created",
                locale = lang.code(),
                path = path.display()
            ));
            print_line(&rust_i18n::t!("cli.home_ward.choose", locale = lang.code()));
            Ok(())
        }
        Command::HomeWard(home) => home_ward::run(&open(args.db, lang)?, &home, lang),
        Command::Indicators(list) => {
            catalogue::indicators(&open(args.db, lang)?, &list, lang, style)
        }
        Command::Alias(alias) => alias::run(&open(args.db, lang)?, &alias, lang),
        Command::Units(units) => catalogue::units(&open(args.db, lang)?, &units, lang),
        Command::Backup(backup) => backup::run(&open(args.db, lang)?, &backup, lang),
        Command::Backups => backup::list(&open(args.db, lang)?, lang, style),
        Command::Restore(restore) => backup::restore(&mut open(args.db, lang)?, &restore, lang),
        Command::Lock(lock) => lock::lock(&open(args.db, lang)?, &lock, lang),
        Command::Unlock(lock) => lock::unlock(&open(args.db, lang)?, &lock, lang),
        Command::Locks(locks) => lock::list(&open(args.db, lang)?, &locks, lang),
        Command::Set(set) => set::run(&mut open(args.db, lang)?, &set, lang, style),
        Command::Report(report) => {
            report::run(&open(args.db, lang)?, &report, (lang, style).into())
        }
        Command::Compare(compare) => {
            compare::run(&open(args.db, lang)?, &compare, (lang, style).into())
        }
        Command::History(history) => history::run(&open(args.db, lang)?, &history, lang, style),
        Command::Export(export) => {
            export::run(&open(args.db, lang)?, &export, (lang, style).into())
        }
        Command::Settings(settings) => settings::run(&open(args.db, lang)?, &settings, lang),
        Command::Handout(handout) => {
            handout::run(&open(args.db, lang)?, &handout, (lang, style).into())
        }
        Command::Import(import) => {
            let chosen = args.number_style.map(NumberStyle::from);
            import::run(&mut open(args.db, lang)?, &import, lang, style, chosen)
        }
        Command::Gather(gather) => gather::run(&mut open(args.db, lang)?, &gather, lang, style),
        Command::Submissions(list) => gather::list(&open(args.db, lang)?, &list, lang, style),
    }
}

/// Opens the database as both faces do, then makes the day's backup if it is the day's first
/// start (a backup that cannot be made is said on stderr; the command goes on).
fn open(db: Option<PathBuf>, lang: Lang) -> anyhow::Result<Store> {
    let store = crate::startup::open(db)?;
    if let Err(error) = store.daily_backup() {
        eprintln!(
            "ward-kpi: {}",
            rust_i18n::t!(
                "cli.daily_backup_failed",
                locale = lang.code(),
                error = crate::messages::describe(&anyhow::Error::from(error), lang)
            )
        );
    }
    Ok(store)
}

fn required_db(db: Option<&Path>, lang: Lang) -> anyhow::Result<PathBuf> {
    db.map(Path::to_path_buf)
        .with_context(|| rust_i18n::t!("cli.need_db", locale = lang.code()).into_owned())
}

/// Resolves `--ward` (or the database's home ward) to a unit valid in `year`.
fn ward(
    store: &Store,
    code: Option<&str>,
    year: i16,
) -> anyhow::Result<(crate::store::UnitId, crate::domain::AdminUnit)> {
    let code = match code {
        Some(code) => code.to_owned(),
        None => crate::startup::home_ward(store)?,
    };
    Ok(store.unit_for(&code, year)?)
}

/// Reads a `--date` ("2022-01-07" or "07/01/2022").
fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    crate::domain::letterhead::parse_date(text)
        .ok_or_else(|| format!("“{text}”: a date is YYYY-MM-DD or DD/MM/YYYY (ngày/tháng/năm)"))
}

/// Today's date on this computer.
fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// Writes one line of the command's output.
fn print_line(text: &str) {
    print_text(text);
    print_text("\n");
}

/// Writes the command's output as it is. When the reader has gone (`ward-kpi handout … | head`)
/// the command stops quietly, as ripgrep does, instead of panicking on a broken pipe; any other
/// failure to write is said on standard error and ends the command with an error.
fn print_text(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    if let Err(error) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("ward-kpi: {error}");
        std::process::exit(1);
    }
}
