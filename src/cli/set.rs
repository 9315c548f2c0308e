//! `ward-kpi set`: a year's plan and figures for one indicator, typed as people type them (in
//! the user's number style), checked by the one write path, saved in one transaction or not at
//! all. A value a plausibility rule doubts is written with a warning on stderr, or, with
//! `--strict`, refused (nothing written).

use clap::Args;

use crate::domain::number::{self, NumberStyle};
use crate::domain::{Lang, Locale, PlanSource, PlanTarget, Stage};
use crate::edit::{self, Given, RowEdit, SlotEdit, Write};
use crate::store::{Origin, Store};

/// Arguments of `ward-kpi set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The year.
    #[arg(long, allow_negative_numbers = true)]
    pub year: super::year::YearArg,
    /// The indicator's code (see `ward-kpi indicators`).
    #[arg(long)]
    pub indicator: String,
    /// The ward's statistics code [default: the database's ward].
    #[arg(long)]
    pub ward: Option<String>,
    /// The plan: a number ("2.451,8"), a band ("6,6 – 6,8"), or as plans are worded: a ceiling
    /// ("Dưới 3%", "không quá 3%", "≤ 3", "below 3%"), a floor ("Trên 150", "ít nhất 150", "≥
    /// 150", "at least 150"), "Khoảng 4" ("about 4"), or against last year ("tăng 10% so với
    /// cùng kỳ", "giảm 0,5 điểm %", "bằng cùng kỳ", "up 10% on last year"); "" removes it.
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
    /// A note: it belongs to the value the report shows once this command's values are saved
    /// (the latest stage, else the plan), as the window's note column does; alone, it changes
    /// only that note.
    #[arg(long)]
    pub note: Option<String>,
    /// Refuse (write nothing, exit non-zero) when a value breaks a plausibility rule's warning
    /// threshold (a change on last year, a multiple of the plan, estimate and actual apart),
    /// instead of writing it with a warning.
    #[arg(long)]
    pub strict: bool,
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

pub fn run(
    store: &mut Store,
    args: &SetArgs,
    lang: Lang,
    style: NumberStyle,
) -> anyhow::Result<()> {
    let year = args.year.check(lang)?;
    let (unit_id, unit) = super::ward(store, args.ward.as_deref(), year)?;
    let (indicator_id, indicator) = store.indicator(&args.indicator)?;
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
    let stages = [
        (Stage::Estimate, "--estimate", &args.estimate),
        (Stage::Actual, "--actual", &args.actual),
        (Stage::Final, "--final", &args.final_),
    ];
    anyhow::ensure!(
        args.plan.is_some() || args.note.is_some() || stages.iter().any(|(_, _, v)| v.is_some()),
        t("cli.set.nothing")
    );
    anyhow::ensure!(
        args.plan_source.is_none() || args.plan.is_some(),
        t("cli.set.source_without_plan")
    );
    let mut warnings = Vec::new();
    let mut slots = Vec::new();
    let bad_value = |flag: &str, text: &str, message: String| {
        anyhow::anyhow!(rust_i18n::t!(
            "cli.set.bad_value",
            locale = lang.code(),
            flag = flag,
            text = text,
            reason = message
        ))
    };
    if let Some(text) = &args.plan {
        let target = if text.trim().is_empty() {
            Given::Clear
        } else {
            let (value, w) = PlanTarget::parse(text, &indicator.unit, style)
                .map_err(|e| bad_value("--plan", text, e.message(lang)))?;
            warnings.extend(w.into_iter().map(|w| ("--plan", text.as_str(), w)));
            Given::Set {
                value,
                text: text.trim().to_owned(),
            }
        };
        slots.push(SlotEdit {
            at: "--plan",
            write: Write::Plan {
                source: args.plan_source,
                target,
                derived: None,
            },
            note: None,
        });
    }
    for (stage, flag, text) in stages {
        let Some(text) = text else { continue };
        let value = if text.trim().is_empty() {
            Given::Clear
        } else {
            let parsed = number::parse(text, &indicator.unit, style)
                .map_err(|e| bad_value(flag, text, e.message(lang)))?;
            warnings.extend(
                parsed
                    .warnings
                    .into_iter()
                    .map(|w| (flag, text.as_str(), w)),
            );
            Given::Set {
                value: parsed.value,
                text: text.trim().to_owned(),
            }
        };
        slots.push(SlotEdit {
            at: flag,
            write: Write::Figure { stage, value },
            note: None,
        });
    }
    let edit = RowEdit {
        at: "--indicator",
        unit: unit_id,
        year,
        indicator: indicator_id,
        slots,
        note: args
            .note
            .clone()
            .map(|note| ("--note", note.trim().to_owned())),
    };
    let locale = Locale { lang, style };
    let mut planned = edit::plan(store, [edit])?;
    let flags = std::mem::take(&mut planned.flags);
    let batch = planned.into_batch().map_err(|refusals| {
        let reasons: Vec<_> = refusals
            .iter()
            .map(|r| format!("{}: {}", r.at, r.reason.message_in(locale)))
            .collect();
        anyhow::anyhow!(reasons.join("; "))
    })?;
    let flagged: Vec<String> = flags
        .iter()
        .map(|flag| {
            rust_i18n::t!(
                "cli.flag.line",
                locale = lang.code(),
                at = flag.at,
                value = number::format_with_unit(flag.value, &indicator.unit, lang, style),
                reason = flag.message(&indicator.unit, locale)
            )
            .into_owned()
        })
        .collect();
    if args.strict && !flagged.is_empty() {
        anyhow::bail!(rust_i18n::t!(
            "cli.set.strict",
            locale = lang.code(),
            flags = flagged.join("; ")
        ));
    }
    for line in &flagged {
        eprintln!("ward-kpi: {}: {line}", t("cli.flag.warning"));
    }
    for (flag, text, warning) in &warnings {
        eprintln!(
            "ward-kpi: {flag} '{text}': {}",
            warning.message(lang, style)
        );
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
