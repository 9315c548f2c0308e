//! `ward-kpi import FILE`: figures and plans from a table, previewed row by row; written in one
//! transaction only when every row reads, or not at all. `--dry-run` only previews.

use std::path::PathBuf;

use clap::Args;

use crate::domain::Lang;
use crate::domain::number::{self, NumberStyle};
use crate::import::{self, Defaults, Slot};
use crate::store::{Origin, Store};

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
    #[arg(long)]
    pub year: Option<i16>,
    /// Which table of a Word report to read, counted from 1 [default: the first with a header
    /// this program reads].
    #[arg(long)]
    pub table: Option<usize>,
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
        year: args.year,
        lang,
        number_style: chosen,
        user_style: style,
        table: args.table.map(|t| t.saturating_sub(1)),
        fallback: (None, None),
    };
    let preview = import::preview(store, &args.file, &defaults)?;
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
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
    for warning in &preview.warnings {
        eprintln!(
            "ward-kpi: {}: {}",
            t("cli.import.warning"),
            warning.describe(lang)
        );
    }
    for change in &preview.changes {
        let slot = match change.slot {
            Slot::Plan(_) => t("app.entry.plan"),
            Slot::Figure(stage) => stage.name(lang),
        };
        let shown = |value: Option<&import::Value>| {
            value.map_or_else(|| "–".to_owned(), |value| value.text(style))
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
    let Some(batch) = preview.batch() else {
        for problem in &preview.problems {
            eprintln!("ward-kpi: {}", problem.describe(lang));
        }
        if preview.asks_for_style() {
            eprintln!("ward-kpi: {}", t("cli.import.choose_style"));
        }
        anyhow::bail!(rust_i18n::t!(
            "cli.import.refused",
            locale = lang.code(),
            count = number::format_count(preview.problems.len(), style)
        ));
    };
    if args.dry_run {
        super::print_line(&rust_i18n::t!(
            "cli.import.dry_run",
            locale = lang.code(),
            count = number::format_count(preview.changes.len(), style),
            unchanged = number::format_count(preview.unchanged, style)
        ));
        return Ok(());
    }
    let summary = store.apply(batch, Origin::Import)?;
    super::print_line(&rust_i18n::t!(
        "cli.import.done",
        locale = lang.code(),
        count = number::format_count(summary.plans_changed + summary.figures_changed, style),
        unchanged = number::format_count(preview.unchanged, style)
    ));
    Ok(())
}
