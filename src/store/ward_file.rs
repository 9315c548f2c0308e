//! A ward's own ward-kpi database, read as a submission: strictly read-only (SQLite's
//! `immutable` mode: no lock, no journal, no `-wal` or `-shm` file is created or touched), and
//! only the tables and columns every schema version has had since the first (units,
//! indicators, plans, figures), so that a file from an older ward-kpi reads as well.

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr as _;

use rusqlite::{Connection, OpenFlags};
use rust_decimal::Decimal;

use super::schema::{APPLICATION_ID, source_from_number, stage_from_number};
use super::{Result, StoreError};
use crate::domain::{PlanSource, Stage};

/// What a ward database holds, by ward-year.
#[derive(Clone, Debug, Default)]
pub struct WardFile {
    /// The schema version the file was written with.
    pub version: i64,
    /// Each ward-year holding a plan or a figure, by ward code and year.
    pub ward_years: Vec<WardFileYear>,
    /// True when a `-wal` file lies beside it: values not yet moved into the file itself are
    /// not read (the file is read as it is, never changed).
    pub wal_beside: bool,
}

/// One ward-year of a ward database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WardFileYear {
    pub code: String,
    pub name: String,
    pub year: i16,
    /// Its values, indicator by indicator (by the indicator's code in the file).
    pub values: Vec<WardFileValue>,
}

/// One stored value of a ward database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WardFileValue {
    pub indicator: String,
    pub slot: WardFileSlot,
    pub note: String,
}

/// A plan or a figure, as the file stores it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WardFileSlot {
    Plan {
        source: PlanSource,
        low: Decimal,
        high: Decimal,
        text: String,
        derived: bool,
    },
    Figure {
        stage: Stage,
        value: Decimal,
        text: String,
    },
}

/// Reads a ward-kpi database without changing anything of it. A file that is not one is
/// refused with its name.
pub fn read_ward_file(path: &Path) -> Result<WardFile> {
    super::check_file(path)?;
    let err = |e| StoreError::from_sqlite(path, e);
    let absolute = std::path::absolute(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let uri = format!("file:{}?immutable=1", super::uri_path(&absolute));
    let conn = Connection::open_with_flags(
        &uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(err)?;
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(err)?;
    if app_id != APPLICATION_ID {
        return Err(StoreError::NotWardKpi {
            path: path.to_path_buf(),
            detail: "an SQLite database of another program".into(),
        });
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(err)?;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let mut file = WardFile {
        version,
        ward_years: Vec::new(),
        wal_beside: Path::new(&wal).exists(),
    };
    let bad = |what: &'static str, text: String| StoreError::BadStoredValue {
        path: path.to_path_buf(),
        what,
        text,
    };
    let decimal = |text: String| Decimal::from_str(&text).map_err(|_| bad("value", text));

    // The wards: their code and name by row id.
    let mut wards: BTreeMap<i64, (String, String)> = BTreeMap::new();
    let mut stmt = conn
        .prepare("SELECT id, code, name FROM admin_unit WHERE level = 'ward'")
        .map_err(err)?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
        .map_err(err)?;
    for row in rows {
        let (id, unit) = row.map_err(err)?;
        wards.insert(id, unit);
    }

    let mut years: BTreeMap<(i64, i16), Vec<WardFileValue>> = BTreeMap::new();
    let mut stmt = conn
        .prepare(
            "SELECT p.unit_id, p.year, i.code, p.source, p.low, p.high, p.text, p.derived, p.note
             FROM plan p JOIN indicator i ON i.id = p.indicator_id
             ORDER BY p.unit_id, p.year, p.indicator_id, p.source",
        )
        .map_err(err)?;
    let mut rows = stmt.query([]).map_err(err)?;
    while let Some(r) = rows.next().map_err(err)? {
        let unit: i64 = r.get(0).map_err(err)?;
        if !wards.contains_key(&unit) {
            continue;
        }
        let number: i64 = r.get(3).map_err(err)?;
        let source =
            source_from_number(number).ok_or_else(|| bad("plan source", number.to_string()))?;
        let value = WardFileValue {
            indicator: r.get(2).map_err(err)?,
            slot: WardFileSlot::Plan {
                source,
                low: decimal(r.get(4).map_err(err)?)?,
                high: decimal(r.get(5).map_err(err)?)?,
                text: r.get(6).map_err(err)?,
                derived: r.get(7).map_err(err)?,
            },
            note: r.get(8).map_err(err)?,
        };
        years
            .entry((unit, r.get(1).map_err(err)?))
            .or_default()
            .push(value);
    }
    let mut stmt = conn
        .prepare(
            "SELECT f.unit_id, f.year, i.code, f.stage, f.value, f.text, f.note
             FROM figure f JOIN indicator i ON i.id = f.indicator_id
             ORDER BY f.unit_id, f.year, f.indicator_id, f.stage",
        )
        .map_err(err)?;
    let mut rows = stmt.query([]).map_err(err)?;
    while let Some(r) = rows.next().map_err(err)? {
        let unit: i64 = r.get(0).map_err(err)?;
        if !wards.contains_key(&unit) {
            continue;
        }
        let number: i64 = r.get(3).map_err(err)?;
        let stage = stage_from_number(number).ok_or_else(|| bad("stage", number.to_string()))?;
        let value = WardFileValue {
            indicator: r.get(2).map_err(err)?,
            slot: WardFileSlot::Figure {
                stage,
                value: decimal(r.get(4).map_err(err)?)?,
                text: r.get(5).map_err(err)?,
            },
            note: r.get(6).map_err(err)?,
        };
        years
            .entry((unit, r.get(1).map_err(err)?))
            .or_default()
            .push(value);
    }
    for ((unit, year), values) in years {
        let Some((code, name)) = wards.get(&unit) else {
            continue;
        };
        file.ward_years.push(WardFileYear {
            code: code.clone(),
            name: name.clone(),
            year,
            values,
        });
    }
    Ok(file)
}
