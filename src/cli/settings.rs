//! `ward-kpi settings`: the letterhead a unit's Word reports print (issuing body, place,
//! document symbol, signer, recipients), shown, set field by field or reset to the unit's own.

use clap::{Args, ValueEnum};

use crate::domain::letterhead::{Field, LetterheadSettings};
use crate::domain::{AdminUnit, Lang};
use crate::store::Store;

/// Arguments of `ward-kpi settings`.
#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// The unit's statistics code [default: the database's ward].
    #[arg(long)]
    pub ward: Option<String>,
    /// The issuing body printed top left: --office "UBND PHƯỜNG THANH TRƯỜNG".
    #[arg(long)]
    pub office: Option<String>,
    /// The place name of the date line: --place "Thanh Trường".
    #[arg(long)]
    pub place: Option<String>,
    /// The document symbol after "Số: …/": --symbol BC-UBND.
    #[arg(long)]
    pub symbol: Option<String>,
    /// On whose behalf the signer signs: --signing-for "TM. ỦY BAN NHÂN DÂN" ("" for none).
    #[arg(long)]
    pub signing_for: Option<String>,
    /// The signer's title: --signer-title "CHỦ TỊCH".
    #[arg(long)]
    pub signer_title: Option<String>,
    /// The signer's name: --signer "Nguyễn Văn A" ("" leaves the line for the hand).
    #[arg(long)]
    pub signer: Option<String>,
    /// A recipient under "Nơi nhận:", repeated in order: --recipient "UBND tỉnh Điện Biên;"
    /// --recipient "Lưu: VT.".
    #[arg(long = "recipient")]
    pub recipients: Vec<String>,
    /// Forget what was set, field by field or all, so it follows the unit again.
    #[arg(long, value_enum)]
    pub reset: Vec<ResetField>,
    /// Show the letterhead as that year's report prints it: the default recipients follow the
    /// body the unit reported to that year (a city before 1/7/2025, the province after)
    /// [default: the unit's latest period, this year].
    #[arg(long, allow_negative_numbers = true)]
    pub year: Option<super::year::YearArg>,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `--reset` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ResetField {
    All,
    Office,
    Place,
    Symbol,
    SigningFor,
    SignerTitle,
    Signer,
    Recipients,
}

pub fn run(store: &Store, args: &SettingsArgs, lang: Lang) -> anyhow::Result<()> {
    let year = super::year::YearArg::check_optional(args.year.as_ref(), lang)?;
    let (unit, year) = unit(store, args.ward.as_deref(), year)?;
    let mut settings = store.letterhead_settings(&unit.code)?;
    let before = settings.clone();
    for reset in &args.reset {
        match reset {
            ResetField::All => settings = LetterheadSettings::default(),
            ResetField::Office => settings.office = None,
            ResetField::Place => settings.place = None,
            ResetField::Symbol => settings.symbol = None,
            ResetField::SigningFor => settings.signing_for = None,
            ResetField::SignerTitle => settings.signer_title = None,
            ResetField::Signer => settings.signer_name = None,
            ResetField::Recipients => settings.recipients = None,
        }
    }
    let set = |field: &mut Option<String>, value: &Option<String>| {
        if let Some(value) = value {
            *field = Some(value.trim().to_owned());
        }
    };
    set(&mut settings.office, &args.office);
    set(&mut settings.place, &args.place);
    set(&mut settings.symbol, &args.symbol);
    set(&mut settings.signing_for, &args.signing_for);
    set(&mut settings.signer_title, &args.signer_title);
    set(&mut settings.signer_name, &args.signer);
    if !args.recipients.is_empty() {
        settings.recipients = Some(
            args.recipients
                .iter()
                .map(|r| r.trim().to_owned())
                .collect(),
        );
    }
    if settings != before {
        store.set_letterhead_settings(&unit.code, &settings)?;
    }
    let letterhead = store.letterhead(&unit, year, lang)?;
    if args.json {
        super::print_line(&serde_json::to_string_pretty(&letterhead)?);
        return Ok(());
    }
    super::print_line(&rust_i18n::t!(
        "cli.settings.heading",
        locale = lang.code(),
        unit = unit.name,
        code = unit.code,
        year = year
    ));
    let mark = |set: bool| {
        let key = if set {
            "cli.settings.set"
        } else {
            "cli.settings.default"
        };
        rust_i18n::t!(key, locale = lang.code()).into_owned()
    };
    let lines = [
        (
            Field::Office,
            letterhead.office.clone(),
            settings.office.is_some(),
        ),
        (
            Field::Place,
            letterhead.place.clone(),
            settings.place.is_some(),
        ),
        (
            Field::Symbol,
            letterhead.symbol.clone(),
            settings.symbol.is_some(),
        ),
        (
            Field::SigningFor,
            letterhead.signing_for.clone(),
            settings.signing_for.is_some(),
        ),
        (
            Field::SignerTitle,
            letterhead.signer_title.clone(),
            settings.signer_title.is_some(),
        ),
        (
            Field::SignerName,
            letterhead.signer_name.clone(),
            settings.signer_name.is_some(),
        ),
        (
            Field::Recipients,
            letterhead.recipients.join(" | "),
            settings.recipients.is_some(),
        ),
    ];
    for (field, value, set) in lines {
        super::print_line(&format!(
            "  {}: {} ({})",
            field.name(lang),
            value,
            mark(set)
        ));
    }
    Ok(())
}

/// The unit named, else the home ward, and the year its letterhead is shown for: the unit's
/// period that year, or without a year its newest period (a code names a unit through its
/// periods) in this year or its last.
fn unit(store: &Store, code: Option<&str>, year: Option<i16>) -> anyhow::Result<(AdminUnit, i16)> {
    let code = match code {
        Some(code) => code.trim().to_owned(),
        None => crate::startup::home_ward(store)?,
    };
    if let Some(year) = year {
        let (_, unit) = store.unit_for(&code, year)?;
        return Ok((unit, year));
    }
    let unit = store
        .units()?
        .into_iter()
        .filter(|(_, u)| u.code == code)
        .max_by_key(|(_, u)| u.valid_from)
        .map(|(_, u)| u)
        .ok_or_else(|| {
            anyhow::anyhow!(crate::store::StoreError::UnknownUnit {
                code,
                year: super::today().year(),
            })
        })?;
    let year = unit
        .valid_to
        .map_or_else(|| super::today().year(), jiff::civil::Date::year);
    Ok((unit, year))
}
