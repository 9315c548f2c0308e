//! Which parent gathers, and whether a ward-year a file holds is one of its wards': a ward of
//! another province, or a ward merged away for a year after its merger, is refused by name.

use std::collections::HashMap;

use super::GatherError;
use crate::domain::{AdminUnit, Lang, Level};
use crate::store::{Store, StoreError, UnitId};

/// The parent unit gathering: the one with `code` (a province or a city), else the database's
/// only province.
pub fn parent(store: &Store, code: Option<&str>) -> Result<AdminUnit, GatherError> {
    let units = store.units()?;
    if let Some(code) = code {
        return units
            .into_iter()
            .rev()
            .map(|(_, unit)| unit)
            .find(|unit| unit.code == code && unit.level != Level::Ward)
            .ok_or_else(|| GatherError::UnknownParent(code.to_owned()));
    }
    let mut provinces: Vec<AdminUnit> = units
        .into_iter()
        .map(|(_, unit)| unit)
        .filter(|unit| unit.level == Level::Province)
        .collect();
    provinces.dedup_by(|a, b| a.code == b.code);
    match provinces.len() {
        0 => Err(GatherError::NoProvince),
        1 => Ok(provinces.remove(0)),
        _ => Err(GatherError::SeveralProvinces {
            choices: provinces
                .iter()
                .map(|p| format!("{} {}", p.code, p.name))
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// Finds the wards of files among the parent's, year by year.
pub struct Resolver {
    units: Vec<(UnitId, AdminUnit)>,
    plain: Vec<AdminUnit>,
    parent: AdminUnit,
    lang: Lang,
    /// The parent's wards by year: indexes into `units`.
    under: HashMap<i16, Vec<usize>>,
}

impl Resolver {
    /// A resolver over the store's units.
    pub fn new(store: &Store, parent: &AdminUnit, lang: Lang) -> Result<Self, StoreError> {
        let units = store.units()?;
        let plain = units.iter().map(|(_, u)| u.clone()).collect();
        Ok(Self {
            units,
            plain,
            parent: parent.clone(),
            lang,
            under: HashMap::new(),
        })
    }

    /// The parent's ward of this code reporting for `year`; else why not, naming the ward
    /// (`name`: as the file names it, for a code this database does not know).
    pub fn resolve(
        &mut self,
        code: &str,
        name: &str,
        year: i16,
    ) -> Result<Result<(UnitId, AdminUnit), String>, StoreError> {
        let under = self.under.entry(year).or_insert_with(|| {
            crate::domain::ward::wards_under(&self.plain, &self.parent.code, year)
        });
        if let Some(&index) = under.iter().find(|&&i| self.units[i].1.code == code) {
            return Ok(Ok(self.units[index].clone()));
        }
        let locale = self.lang.code();
        let same_code: Vec<&AdminUnit> = self
            .plain
            .iter()
            .filter(|u| u.code == code && u.level == Level::Ward)
            .collect();
        // Merged away before the year ended: its successor reports the year.
        let merged = same_code.iter().find(|u| {
            u.valid_from.is_none_or(|from| from.year() <= year)
                && u.valid_to.is_some_and(|to| to.year() <= year)
                && u.successor_code.is_some()
        });
        if let Some(unit) = merged {
            let successor = unit.successor_code.clone().unwrap_or_default();
            let successor_name = self
                .plain
                .iter()
                .rev()
                .find(|u| u.code == successor && u.valid_from > unit.valid_to)
                .map_or_else(|| successor.clone(), |u| u.name.clone());
            let day = unit
                .valid_to
                .and_then(|to| to.tomorrow().ok())
                .map(|d| d.strftime("%d/%m/%Y").to_string())
                .unwrap_or_default();
            return Ok(Err(rust_i18n::t!(
                "gather.merged",
                locale = locale,
                ward = unit.name,
                code = code,
                successor = successor_name,
                successor_code = successor,
                day = day,
                year = year
            )
            .into_owned()));
        }
        let known = same_code.iter().find(|u| u.valid_in(year));
        let reason = match known {
            Some(unit) => rust_i18n::t!(
                "gather.foreign",
                locale = locale,
                ward = unit.name,
                code = code,
                parent = self.parent.name,
                year = year
            ),
            None => rust_i18n::t!(
                "gather.unknown_ward",
                locale = locale,
                ward = name,
                code = code,
                parent = self.parent.name,
                year = year
            ),
        };
        Ok(Err(reason.into_owned()))
    }
}
