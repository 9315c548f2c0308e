//! `ward-kpi set`: a year's plan and figures for one indicator, typed as people type them, saved
//! in one transaction or not at all.

use clap::Args;

use crate::domain::number;
use crate::domain::{Lang, PlanSource, PlanTarget, Stage};
use crate::store::{Batch, FigureWrite, Origin, PlanWrite, Store};

/// Arguments of `ward-kpi set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The year.
    #[arg(long)]
    pub year: i16,
    /// The indicator's code (see `ward-kpi indicators`).
    #[arg(long)]
    pub indicator: String,
    /// The ward's statistics code [default: the database's ward].
    #[arg(long)]
    pub ward: Option<String>,
    /// The plan: a number ("2.451,8") or a band ("6,6 – 6,8"); "" removes it.
    #[arg(long, allow_hyphen_values = true)]
    pub plan: Option<String>,
    /// Who set the plan [default: the city before the 2025 merger, the province after].
    #[arg(long, value_parser = parse_source)]
    pub plan_source: Option<PlanSource>,
    /// Ước đạt: the estimate; "" removes it.
    #[arg(long, allow_hyphen_values = true)]
    pub estimate: Option<String>,
    /// Thực hiện: the actual; "" removes it.
    #[arg(long, allow_hyphen_values = true)]
    pub actual: Option<String>,
    /// Quyết toán: the final accounts; "" removes it.
    #[arg(long = "final", allow_hyphen_values = true)]
    pub final_: Option<String>,
    /// A note, attached to every value given in this command.
    #[arg(long)]
    pub note: Option<String>,
}

fn parse_source(text: &str) -> Result<PlanSource, String> {
    PlanSource::from_code(text).ok_or_else(|| {
        let all: Vec<_> = PlanSource::ALL.iter().map(|s| s.code()).collect();
        format!(
            "unknown plan source '{text}': use one of {}",
            all.join(", ")
        )
    })
}

pub fn run(store: &mut Store, args: &SetArgs, lang: Lang) -> anyhow::Result<()> {
    let year = super::check_year(args.year)?;
    let (unit_id, unit) = super::ward(store, args.ward.as_deref(), year)?;
    let (indicator_id, indicator) = store.indicator(&args.indicator)?;
    anyhow::ensure!(
        !indicator.archived,
        "indicator '{}' is archived: its data is kept, but it takes no new figures",
        indicator.code
    );
    let stages = [
        (Stage::Estimate, "--estimate", &args.estimate),
        (Stage::Actual, "--actual", &args.actual),
        (Stage::Final, "--final", &args.final_),
    ];
    anyhow::ensure!(
        args.plan.is_some() || stages.iter().any(|(_, _, v)| v.is_some()),
        "nothing to set: give --plan, --estimate, --actual or --final"
    );
    let mut warnings = Vec::new();
    let mut batch = Batch::default();

    if let Some(text) = &args.plan {
        let source = match args.plan_source {
            Some(source) => source,
            None => store.default_plan_source(&unit, year)?,
        };
        let existing = store
            .plans_of(unit_id, year)?
            .remove(&indicator_id)
            .unwrap_or_default();
        let old = existing.iter().find(|p| p.source == source);
        let target = if text.trim().is_empty() {
            None
        } else {
            let (target, w) = PlanTarget::parse(text, &indicator.unit, lang)
                .map_err(|e| anyhow::anyhow!("--plan '{text}': {}", e.message(lang)))?;
            warnings.extend(w.into_iter().map(|w| ("--plan", text.as_str(), w)));
            Some(target)
        };
        batch.plans.push(PlanWrite {
            unit: unit_id,
            indicator: indicator_id,
            year,
            source,
            target,
            text: text.trim().to_owned(),
            derived: false,
            note: args
                .note
                .clone()
                .or_else(|| old.map(|p| p.note.clone()))
                .unwrap_or_default(),
        });
    }

    let existing = store
        .figures_of(unit_id, year)?
        .remove(&indicator_id)
        .unwrap_or_default();
    for (stage, flag, text) in stages {
        let Some(text) = text else { continue };
        let value = if text.trim().is_empty() {
            None
        } else {
            let parsed = number::parse(text, &indicator.unit, lang)
                .map_err(|e| anyhow::anyhow!("{flag} '{text}': {}", e.message(lang)))?;
            warnings.extend(
                parsed
                    .warnings
                    .into_iter()
                    .map(|w| (flag, text.as_str(), w)),
            );
            Some((parsed.value, text.trim().to_owned()))
        };
        let old_note = existing
            .iter()
            .find(|f| f.stage == stage)
            .map(|f| f.note.clone());
        batch.figures.push(FigureWrite {
            unit: unit_id,
            indicator: indicator_id,
            year,
            stage,
            value,
            note: args.note.clone().or(old_note).unwrap_or_default(),
        });
    }

    for (flag, text, warning) in &warnings {
        eprintln!("ward-kpi: {flag} '{text}': {}", warning.message(lang));
    }
    let summary = store.apply(&batch, Origin::Cli)?;
    super::print_line(&rust_i18n::t!(
        "cli.saved",
        locale = lang.code(),
        count = summary.plans_changed + summary.figures_changed,
        indicator = indicator.code,
        unit = unit.name,
        year = year
    ));
    Ok(())
}
