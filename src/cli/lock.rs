//! `ward-kpi lock`, `unlock` and `locks`: chốt số liệu. A lock holds a ward's year (or every
//! ward's), whole or one part (the plans, or one stage), until it is lifted with a reason.

use clap::{Args, ValueEnum};

use super::table::{Align, Table};
use crate::domain::{Lang, LockPart, Stage};
use crate::store::{Origin, Store, StoredLock, UnitId};

/// What of the year: `--stage`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PartArg {
    Estimate,
    Actual,
    Final,
    Plan,
}

impl From<PartArg> for LockPart {
    fn from(value: PartArg) -> Self {
        match value {
            PartArg::Estimate => Self::Stage(Stage::Estimate),
            PartArg::Actual => Self::Stage(Stage::Actual),
            PartArg::Final => Self::Stage(Stage::Final),
            PartArg::Plan => Self::Plans,
        }
    }
}

/// Arguments of `ward-kpi lock` and `ward-kpi unlock`.
#[derive(Debug, Args)]
pub struct LockArgs {
    /// The year.
    #[arg(long, allow_negative_numbers = true)]
    pub year: super::year::YearArg,
    /// The ward's statistics code, or `all` for every unit [default: the database's ward].
    #[arg(long)]
    pub ward: Option<String>,
    /// Only this part of the year: one stage's figures, or the plans [default: the whole year].
    #[arg(long, value_enum)]
    pub stage: Option<PartArg>,
    /// Why (required): "báo cáo ước thực hiện đã gửi tỉnh".
    #[arg(long)]
    pub reason: String,
}

/// Arguments of `ward-kpi locks`.
#[derive(Debug, Args)]
pub struct LocksArgs {
    /// Only this year.
    #[arg(long, allow_negative_numbers = true)]
    pub year: Option<super::year::YearArg>,
    /// Only this ward (its own locks and those on every unit).
    #[arg(long)]
    pub ward: Option<String>,
}

/// The unit `--ward` names for `year`: `None` for `all`.
fn unit(store: &Store, ward: Option<&str>, year: i16) -> anyhow::Result<Option<UnitId>> {
    match ward {
        Some("all") => Ok(None),
        other => Ok(Some(super::ward(store, other, year)?.0)),
    }
}

pub fn lock(store: &Store, args: &LockArgs, lang: Lang) -> anyhow::Result<()> {
    let year = args.year.check(lang)?;
    let unit = unit(store, args.ward.as_deref(), year)?;
    let part = args.stage.map_or(LockPart::All, LockPart::from);
    let locked = store.lock(unit, year, part, &args.reason, Origin::Cli)?;
    super::print_line(&rust_i18n::t!(
        "cli.lock.done",
        locale = lang.code(),
        scope = locked.lock.scope(lang),
        day = locked.lock.locked.day()
    ));
    Ok(())
}

pub fn unlock(store: &Store, args: &LockArgs, lang: Lang) -> anyhow::Result<()> {
    let year = args.year.check(lang)?;
    let unit = unit(store, args.ward.as_deref(), year)?;
    let part = args.stage.map_or(LockPart::All, LockPart::from);
    for lifted in store.unlock(unit, year, part, &args.reason)? {
        super::print_line(&rust_i18n::t!(
            "cli.unlock.done",
            locale = lang.code(),
            scope = lifted.lock.scope(lang),
            day = lifted.lock.locked.day()
        ));
    }
    Ok(())
}

/// The locks as a list of events: each lock, and each unlock, one line with who, when, what
/// and why.
pub fn list(store: &Store, args: &LocksArgs, lang: Lang) -> anyhow::Result<()> {
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
    let year = super::year::YearArg::check_optional(args.year.as_ref(), lang)?;
    let unit = match (&args.ward, year) {
        (Some(code), Some(year)) => Some(super::ward(store, Some(code), year)?.0),
        _ => None,
    };
    let mut locks: Vec<StoredLock> = store.locks(year, unit)?;
    if let (Some(code), None) = (&args.ward, year) {
        locks.retain(|l| l.lock.unit.as_ref().is_none_or(|(c, _)| c == code));
    }
    if locks.is_empty() {
        super::print_line(&t("cli.locks.none"));
        return Ok(());
    }
    let mut events = Vec::new();
    for stored in &locks {
        let lock = &stored.lock;
        events.push((&lock.locked, t("cli.locks.locked"), lock));
        if let Some(unlocked) = &lock.unlocked {
            events.push((unlocked, t("cli.locks.unlocked"), lock));
        }
    }
    events.sort_by_key(|(event, _, _)| event.at);
    let mut table = Table::new(vec![
        (t("cli.col.when"), Align::Left),
        (t("cli.col.who"), Align::Left),
        (t("cli.col.event"), Align::Left),
        (t("cli.col.what"), Align::Left),
        (t("cli.col.reason"), Align::Left),
        (t("cli.col.state"), Align::Left),
    ]);
    for (event, word, lock) in events {
        table.row(vec![
            event.day_time(),
            event.who.clone(),
            word,
            lock.scope(lang),
            event.reason.clone(),
            if lock.holds() {
                t("cli.locks.holds")
            } else {
                t("cli.locks.lifted")
            },
        ]);
    }
    super::print_text(&table.render());
    Ok(())
}
