//! Other names of indicators (aliases): the names annex tables write for an indicator ("Thu
//! NS", "Tổng sản lượng lương thực"), kept so that the next import finds it by them. A key
//! (the name as [`name_key`] compares it) finds at most one indicator: an alias is refused when
//! it is an indicator's name or another indicator's alias, and a name when it is another
//! indicator's alias.

use rusqlite::{OptionalExtension as _, params};

use super::{IndicatorId, Origin, Result, Store, StoreError};
use crate::domain::{Indicator, name_key, unmarked_key};

/// The schema version that has the `indicator_alias` table.
const ALIASES_SINCE: i64 = 2;

impl Store {
    /// Every alias as it was written, with its indicator, by indicator and then by key.
    pub fn aliases(&self) -> Result<Vec<(String, IndicatorId)>> {
        // A file of an older schema opened read-only was not migrated: it has none.
        if self.read_only && self.pragma("user_version")? < ALIASES_SINCE {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT alias, indicator_id FROM indicator_alias ORDER BY indicator_id, key",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, IndicatorId(r.get(1)?))))
            .map_err(|e| self.sql(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.sql(e))
    }

    /// Adds `text` as another name of `indicator`, kept as written (trimmed), recording when,
    /// who and from where. Refused when it is empty, when it is the name of an indicator (this
    /// one's included: it finds it already), or when it is already an alias, each naming the
    /// indicator that holds it.
    pub fn add_alias(&self, text: &str, indicator: IndicatorId, origin: Origin) -> Result<()> {
        self.writable()?;
        let alias = text.trim();
        let key = name_key(alias);
        if key.is_empty() {
            return Err(StoreError::EmptyAlias);
        }
        let indicators = self.indicators()?;
        let code_of = |id: IndicatorId| {
            indicators
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, indicator)| indicator.code.clone())
        };
        let wanted = code_of(indicator)
            .ok_or_else(|| StoreError::UnknownIndicator(format!("#{}", indicator.0)))?;
        // Another indicator's name written without its marks is that indicator's name too:
        // the import's matching takes "Thu ngan sach" for "Thu ngân sách". (This indicator's own
        // name without marks is a useful alias.)
        let unmarked = unmarked_key(alias);
        let names_other = |i: &Indicator| {
            i.code != wanted
                && [&i.name_vi, &i.name_en]
                    .iter()
                    .any(|name| unmarked_key(name) == unmarked)
        };
        if let Some((_, holder)) = indicators
            .iter()
            .find(|(_, i)| has_key(i, &key) || names_other(i))
        {
            return Err(StoreError::AliasIsName {
                alias: alias.to_owned(),
                indicator: wanted,
                holder: holder.code.clone(),
            });
        }
        if let Some(holder) = self.alias_holder(&key)? {
            return Err(StoreError::AliasTaken {
                alias: alias.to_owned(),
                indicator: wanted,
                holder: code_of(holder).unwrap_or_else(|| format!("#{}", holder.0)),
            });
        }
        self.conn
            .execute(
                "INSERT INTO indicator_alias (alias, key, indicator_id, created_at, created_by, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    alias,
                    key,
                    indicator.0,
                    jiff::Timestamp::now().to_string(),
                    super::os_user(),
                    origin.code()
                ],
            )
            .map_err(|e| self.sql(e))?;
        Ok(())
    }

    /// Removes an alias, written in any of the ways that compare equal to it; the indicator it
    /// named comes back.
    pub fn remove_alias(&self, text: &str) -> Result<IndicatorId> {
        self.writable()?;
        let key = name_key(text);
        let holder = self
            .alias_holder(&key)?
            .ok_or_else(|| StoreError::UnknownAlias(text.trim().to_owned()))?;
        self.conn
            .execute("DELETE FROM indicator_alias WHERE key = ?1", [&key])
            .map_err(|e| self.sql(e))?;
        Ok(holder)
    }

    /// Refuses a name for an indicator (`own`: its id, when it is stored already) that is
    /// another indicator's alias.
    pub(super) fn check_names_free(
        &self,
        indicator: &Indicator,
        own: Option<IndicatorId>,
    ) -> Result<()> {
        for name in [&indicator.name_vi, &indicator.name_en] {
            let key = name_key(name);
            if key.is_empty() {
                continue;
            }
            let Some(holder) = self.alias_holder(&key)?.filter(|h| Some(*h) != own) else {
                continue;
            };
            let holder = self
                .indicators()?
                .into_iter()
                .find(|(id, _)| *id == holder)
                .map_or_else(|| format!("#{}", holder.0), |(_, i)| i.code);
            return Err(StoreError::NameIsAlias {
                name: name.trim().to_owned(),
                indicator: indicator.code.clone(),
                holder,
            });
        }
        Ok(())
    }

    /// The indicator whose alias has this key.
    fn alias_holder(&self, key: &str) -> Result<Option<IndicatorId>> {
        self.conn
            .prepare_cached("SELECT indicator_id FROM indicator_alias WHERE key = ?1")
            .and_then(|mut stmt| stmt.query_row([key], |r| r.get(0)).optional())
            .map(|id| id.map(IndicatorId))
            .map_err(|e| self.sql(e))
    }
}

/// True when one of an indicator's names has this key.
fn has_key(indicator: &Indicator, key: &str) -> bool {
    [&indicator.name_vi, &indicator.name_en]
        .iter()
        .any(|name| name_key(name) == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::schema;

    fn demo() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let store = crate::store::seed::create(&dir.path().join("aliases.db")).expect("created");
        (dir, store)
    }

    fn id(store: &Store, code: &str) -> IndicatorId {
        store.indicator(code).expect("in the catalogue").0
    }

    #[test]
    fn an_alias_is_added_listed_and_removed() {
        let (_dir, store) = demo();
        let crop = id(&store, "crop_output");
        store
            .add_alias("  Sản lượng cây trồng ", crop, Origin::Cli)
            .expect("added");
        assert_eq!(
            store.aliases().expect("listed"),
            [("Sản lượng cây trồng".to_owned(), crop)]
        );
        // Who added it, when and from where is kept.
        let (who, origin, at): (String, String, String) = store
            .conn
            .query_row(
                "SELECT created_by, origin, created_at FROM indicator_alias",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("the row");
        assert_eq!((who, origin.as_str()), (super::super::os_user(), "cli"));
        assert!(at.parse::<jiff::Timestamp>().is_ok(), "{at}");
        // Removed by any spelling that compares equal.
        assert_eq!(
            store.remove_alias("SẢN LƯỢNG  CÂY TRỒNG").expect("removed"),
            crop
        );
        assert!(store.aliases().expect("listed").is_empty());
        let error = store
            .remove_alias("Sản lượng cây trồng")
            .expect_err("refused");
        assert!(matches!(error, StoreError::UnknownAlias(_)), "{error}");
    }

    #[test]
    fn an_alias_that_is_a_name_or_taken_is_refused_naming_both() {
        let (_dir, store) = demo();
        let crop = id(&store, "crop_output");
        let revenue = id(&store, "budget_revenue");
        let error = store
            .add_alias("THU NGÂN SÁCH", crop, Origin::Window)
            .expect_err("refused");
        assert!(matches!(error, StoreError::AliasIsName { .. }), "{error}");
        let text = error.to_string();
        assert!(
            text.contains("THU NGÂN SÁCH")
                && text.contains("crop_output")
                && text.contains("budget_revenue"),
            "{text}"
        );
        // An English name counts too.
        let error = store
            .add_alias("Budget revenue", crop, Origin::Window)
            .expect_err("refused");
        assert!(matches!(error, StoreError::AliasIsName { .. }), "{error}");
        // And a name typed without its marks, which the import takes for that name.
        let error = store
            .add_alias("Thu ngan sach", crop, Origin::Window)
            .expect_err("refused");
        assert!(matches!(error, StoreError::AliasIsName { .. }), "{error}");
        // While an indicator's own name without marks is an alias it may have.
        store
            .add_alias("San luong cay trong", crop, Origin::Window)
            .expect("its own name unmarked");
        store.remove_alias("San luong cay trong").expect("removed");

        store
            .add_alias("Thu NS", revenue, Origin::Window)
            .expect("added");
        let error = store
            .add_alias("thu  ns", crop, Origin::Window)
            .expect_err("refused");
        assert!(matches!(error, StoreError::AliasTaken { .. }), "{error}");
        let text = error.to_string();
        assert!(
            text.contains("crop_output") && text.contains("budget_revenue"),
            "{text}"
        );
        // Taken by the same indicator: refused too, it is there already.
        let error = store
            .add_alias("Thu NS", revenue, Origin::Window)
            .expect_err("refused");
        assert!(matches!(error, StoreError::AliasTaken { .. }), "{error}");
        let error = store
            .add_alias(" ", crop, Origin::Window)
            .expect_err("refused");
        assert!(matches!(error, StoreError::EmptyAlias), "{error}");
        assert_eq!(store.aliases().expect("listed").len(), 1);
    }

    #[test]
    fn a_name_that_is_another_indicators_alias_is_refused() {
        let (_dir, store) = demo();
        let revenue = id(&store, "budget_revenue");
        store
            .add_alias("Tổng thu", revenue, Origin::Window)
            .expect("added");
        let (_, mut expenditure) = store.indicator("budget_expenditure").expect("there");
        expenditure.name_vi = "Tổng thu".into();
        let error = store.update_indicator(&expenditure).expect_err("refused");
        assert!(matches!(error, StoreError::NameIsAlias { .. }), "{error}");
        assert!(error.to_string().contains("budget_revenue"), "{error}");
        let mut new = expenditure.clone();
        new.code = "total_revenue".into();
        let error = store.add_indicator(&new).expect_err("refused");
        assert!(matches!(error, StoreError::NameIsAlias { .. }), "{error}");
        // Its own alias as its name is no conflict.
        let (_, mut same) = store.indicator("budget_revenue").expect("there");
        same.name_vi = "Tổng thu".into();
        store.update_indicator(&same).expect("renamed");
    }

    #[test]
    fn deleting_an_indicator_deletes_its_aliases() {
        let (_dir, store) = demo();
        let sown = id(&store, "sown_area");
        store
            .add_alias("DT gieo trồng", sown, Origin::Window)
            .expect("added");
        store
            .delete_indicator("sown_area")
            .expect("deleted: it never held data");
        assert!(store.aliases().expect("listed").is_empty());
    }

    #[test]
    fn a_schema_1_file_migrates_and_takes_aliases() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("old.db");
        {
            // A file as the first version of the program left it.
            let conn = rusqlite::Connection::open(&path).expect("created");
            conn.execute_batch(schema::MIGRATIONS[0]).expect("schema 1");
            conn.execute_batch(&format!(
                "PRAGMA application_id = {}; PRAGMA user_version = 1;
                 INSERT INTO indicator (code, name_vi, name_en, category, unit, direction, kind, precision)
                 VALUES ('budget_revenue', 'Thu ngân sách', 'Budget revenue', 'budget', 'đồng',
                         'higher', 'flow', 0);",
                schema::APPLICATION_ID
            ))
            .expect("an indicator");
        }
        let store = Store::open(&path).expect("the old file opens");
        assert_eq!(
            store.pragma("user_version").expect("a version"),
            schema::latest_version()
        );
        assert!(store.aliases().expect("none yet").is_empty());
        let revenue = id(&store, "budget_revenue");
        store
            .add_alias("Thu NS", revenue, Origin::Cli)
            .expect("added");
        drop(store);
        let store = Store::open(&path).expect("reopens");
        assert_eq!(
            store.aliases().expect("listed"),
            [("Thu NS".to_owned(), revenue)]
        );
    }
}
