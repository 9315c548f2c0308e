//! `ward-kpi import FILE`: figures and plans from a table, previewed row by row; written in one
//! transaction only when every row reads, or not at all. `--dry-run` only previews. Values a
//! plausibility rule doubts are listed, and written only on confirmation: `--yes`, or an
//! answer on a terminal; `--strict` refuses them.

use std::path::PathBuf;

use clap::Args;

use crate::domain::number::{self, NumberStyle};
use crate::domain::{Lang, Locale};
use crate::import::{self, Defaults, Slot};
use crate::store::Store;

/// Arguments of `ward-kpi import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file (.csv or .xlsx: this program's export, read from its "Số liệu" sheet, or a table
    /// with Vietnamese or English headings, of a workbook the first sheet). Its numbers are read
    /// in its own style; where they read two ways and nothing in the file says which, name it
    /// with --number-style.
    pub file: PathBuf,
    /// Show what would change, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The ward of rows without a ward column [default: the database's ward].
    #[arg(long)]
    pub ward: Option<String>,
    /// The year of rows without a year column (else the year the sheet's title names).
    #[arg(long, allow_negative_numbers = true)]
    pub year: Option<super::year::YearArg>,
    /// Print every change, every warning and every problem (by default: a summary by year, and
    /// the first warnings and problems).
    #[arg(long, short)]
    pub verbose: bool,
    /// A name of the file mapped to an indicator: "Tên trong tệp=code" (repeatable), for a name
    /// that fits several indicators or none. Learnt as the indicator's alias when written.
    #[arg(long = "map", value_name = "NAME=CODE", value_parser = parse_map)]
    pub map: Vec<(String, String)>,
    /// Which table of a Word report to read, counted from 1 [default: the first with a header
    /// this program reads].
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub table: Option<u32>,
    /// Write values a plausibility rule doubts (listed on stderr) without asking.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Refuse the whole file (write nothing, exit non-zero) when a value is doubted.
    #[arg(long, conflicts_with = "yes")]
    pub strict: bool,
}

/// Runs the import; `style` is the user's number style, `chosen` the one named on the command
/// line for a file whose numbers read two ways.
pub fn run(
    store: &mut Store,
    args: &ImportArgs,
    lang: Lang,
    style: NumberStyle,
    chosen: Option<NumberStyle>,
) -> anyhow::Result<()> {
    let defaults = Defaults {
        ward: args.ward.clone(),
        year: super::year::YearArg::check_optional(args.year.as_ref(), lang)?,
        lang,
        number_style: chosen,
        user_style: style,
        table: args
            .table
            .and_then(|t| usize::try_from(t).ok())
            .map(|t| t.saturating_sub(1)),
        fallback: (None, None),
        map: args.map.clone(),
        no_home_ward: false,
    };
    let preview = with_progress(store, &args.file, &defaults)?;
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
    let count = |n: usize| number::format_count(n, style);
    if let Ok(found) = &preview.style {
        eprintln!(
            "ward-kpi: {}",
            rust_i18n::t!(
                "cli.import.style",
                locale = lang.code(),
                found = found.describe(lang)
            )
        );
    }
    for line in context_lines(&preview, lang) {
        eprintln!("ward-kpi: {line}");
    }
    let shown = if args.verbose { usize::MAX } else { SHOWN };
    let warning = t("cli.import.warning");
    let warnings = preview
        .warnings
        .iter()
        .map(|w| format!("{warning}: {}", w.describe(lang)));
    print_capped(warnings, preview.warnings.len(), shown, lang, style);
    if args.verbose {
        for change in &preview.changes {
            let slot = match change.slot {
                Slot::Plan(_) => t("app.entry.plan"),
                Slot::Figure(stage) => stage.name(lang),
            };
            let shown = |value: Option<&import::Value>| {
                value.map_or_else(
                    || "–".to_owned(),
                    |value| value.text(Locale { lang, style }),
                )
            };
            super::print_line(&rust_i18n::t!(
                "cli.import.change",
                locale = lang.code(),
                row = change.row,
                ward = change.ward,
                year = change.year,
                indicator = change.indicator,
                slot = slot,
                old = shown(change.old.as_ref()),
                new = shown(change.new.as_ref())
            ));
        }
    } else if !preview.changes.is_empty() {
        super::print_line(&summary(&preview, lang, style));
    }
    let Some(batch) = preview.batch() else {
        let problems = preview.problems.iter().map(|p| p.describe(lang));
        print_capped(problems, preview.problems.len(), shown, lang, style);
        if preview.asks_for_style() {
            eprintln!("ward-kpi: {}", t("cli.import.choose_style"));
        }
        anyhow::bail!(rust_i18n::t!(
            "cli.import.refused",
            locale = lang.code(),
            count = count(preview.problems.len())
        ));
    };
    if !preview.flags.is_empty() {
        let lines = preview
            .flags
            .iter()
            .map(|f| format!("{}: {}", t("cli.flag.warning"), f.describe(lang)));
        print_capped(lines, preview.flags.len(), shown, lang, style);
        let flagged = count(preview.flags.len());
        if args.strict {
            anyhow::bail!(rust_i18n::t!(
                "cli.import.strict",
                locale = lang.code(),
                count = flagged
            ));
        }
        if !args.dry_run && !args.yes && !confirmed(&flagged, lang)? {
            anyhow::bail!(rust_i18n::t!(
                "cli.import.unconfirmed",
                locale = lang.code(),
                count = flagged
            ));
        }
    }
    if args.dry_run {
        super::print_line(&rust_i18n::t!(
            "cli.import.dry_run",
            locale = lang.code(),
            count = count(preview.changes.len()),
            unchanged = count(preview.unchanged)
        ));
        return Ok(());
    }
    let summary = store.apply_import(batch, &args.file, |_, _| {})?;
    super::print_line(&rust_i18n::t!(
        "cli.import.done",
        locale = lang.code(),
        count = count(summary.plans_changed + summary.figures_changed),
        unchanged = count(preview.unchanged)
    ));
    Ok(())
}

/// Whether the user agrees to write the flagged values: asked on a terminal, never assumed
/// elsewhere (a script says `--yes`).
pub(super) fn confirmed(flagged: &str, lang: Lang) -> anyhow::Result<bool> {
    use std::io::{BufRead as _, IsTerminal as _, Write as _};
    if !std::io::stdin().is_terminal() {
        return Ok(false);
    }
    let question = rust_i18n::t!("cli.import.ask", locale = lang.code(), count = flagged);
    eprint!("ward-kpi: {question} ");
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    let answer = answer.trim().to_lowercase();
    Ok(["c", "có", "co", "y", "yes"].contains(&answer.as_str()))
}

/// "Tên trong tệp=code": the name, and the code after the last "=".
fn parse_map(text: &str) -> Result<(String, String), String> {
    match text.rsplit_once('=') {
        Some((name, code)) if !name.trim().is_empty() && !code.trim().is_empty() => {
            Ok((name.trim().to_owned(), code.trim().to_owned()))
        }
        _ => Err(format!(
            "\"{text}\" is not NAME=CODE (e.g. \"Sản lượng lúa=crop_output\")"
        )),
    }
}

/// Lines on stderr, the first `shown` of `total`, then how many more there are.
fn print_capped(
    lines: impl Iterator<Item = String>,
    total: usize,
    shown: usize,
    lang: Lang,
    style: NumberStyle,
) {
    for line in lines.take(shown) {
        eprintln!("ward-kpi: {line}");
    }
    if total > shown {
        let more = number::format_count(total - shown, style);
        let line = rust_i18n::t!("cli.import.more", locale = lang.code(), count = more);
        eprintln!("ward-kpi: {line}");
    }
}

/// Warnings and problems printed without `--verbose`.
const SHOWN: usize = 20;

/// The preview, with a progress bar on stderr for a long file (drawn only on a terminal).
fn with_progress(
    store: &Store,
    file: &std::path::Path,
    defaults: &Defaults,
) -> anyhow::Result<import::Preview> {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let preview = import::preview_with_progress(store, file, defaults, |done, total| {
        // Short files are read before a bar would show.
        if total >= 5_000 {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    });
    bar.finish_and_clear();
    Ok(preview?)
}

/// What the file says around its table: the ward and year of its title, the table read of a
/// Word report, the columns used, checked and left.
fn context_lines(preview: &import::Preview, lang: Lang) -> Vec<String> {
    let locale = lang.code();
    let mut lines = preview.found(lang);
    if preview.tables.len() > 1 {
        for table in &preview.tables {
            lines.push(
                rust_i18n::t!(
                    "cli.import.table",
                    locale = locale,
                    number = table.index + 1,
                    rows = table.rows,
                    first = table.first_row
                )
                .into_owned(),
            );
        }
    }
    let list = crate::import::ColumnUse::listed;
    // Listed when some column is not simply read: a file whose every column is used says
    // nothing more.
    let columns = &preview.columns;
    if !columns.checked.is_empty() || !columns.unused.is_empty() {
        lines.push(
            rust_i18n::t!(
                "cli.import.columns",
                locale = locale,
                used = list(&columns.used),
                checked = list(&columns.checked),
                unused = list(&columns.unused)
            )
            .into_owned(),
        );
    }
    lines
}

/// "2021: 3 giá trị; 2020: 1 giá trị", newest year first.
fn summary(preview: &import::Preview, lang: Lang, style: NumberStyle) -> String {
    preview
        .years()
        .iter()
        .map(|(year, n)| {
            rust_i18n::t!(
                "cli.import.year_count",
                locale = lang.code(),
                year = year,
                count = number::format_count(*n, style)
            )
            .into_owned()
        })
        .collect::<Vec<_>>()
        .join("; ")
}
