//! The schema and its versioned migrations. `PRAGMA user_version` counts the migrations applied;
//! `PRAGMA application_id` marks the file as ward-kpi's, so a foreign SQLite file is refused
//! before anything is written to it.

/// `application_id` of every ward-kpi database: "WKPI" in ASCII.
pub const APPLICATION_ID: i64 = 0x574B_5049;

/// The migrations, in order; the schema version is how many have run.
pub const MIGRATIONS: &[&str] = &[V1];

/// The schema version this program writes.
pub fn latest_version() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}

/// Version 1: units, catalogue, plans, figures, the change log.
///
/// Values are stored as decimal text ("2809.8"), never as floating point, so a figure reads back
/// digit for digit. Plans and figures are keyed by unit and year first: a ward-year report is one
/// range scan.
const V1: &str = r"
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE admin_unit (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL,
    name           TEXT NOT NULL,
    level          TEXT NOT NULL CHECK (level IN ('province', 'district', 'ward')),
    parent_code    TEXT,
    valid_from     TEXT,
    valid_to       TEXT,
    successor_code TEXT,
    synthetic      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (code, valid_from)
);

CREATE TABLE indicator (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name_vi    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    category   TEXT NOT NULL,
    unit       TEXT NOT NULL,
    direction  TEXT NOT NULL CHECK (direction IN ('higher', 'lower', 'exact', 'range')),
    kind       TEXT NOT NULL CHECK (kind IN ('flow', 'stock', 'rate')),
    precision  INTEGER NOT NULL CHECK (precision BETWEEN 0 AND 6),
    archived   INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0,
    synthetic  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE plan (
    unit_id       INTEGER NOT NULL REFERENCES admin_unit (id),
    year          INTEGER NOT NULL,
    indicator_id  INTEGER NOT NULL REFERENCES indicator (id),
    source        TEXT NOT NULL CHECK (source IN ('city', 'province', 'assigned', 'ward_council')),
    low           TEXT NOT NULL,
    high          TEXT NOT NULL,
    text          TEXT NOT NULL,
    original_low  TEXT,
    original_high TEXT,
    derived       INTEGER NOT NULL DEFAULT 0,
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit_id, year, indicator_id, source)
) WITHOUT ROWID;

CREATE TABLE figure (
    unit_id      INTEGER NOT NULL REFERENCES admin_unit (id),
    year         INTEGER NOT NULL,
    indicator_id INTEGER NOT NULL REFERENCES indicator (id),
    stage        TEXT NOT NULL CHECK (stage IN ('estimate', 'actual', 'final')),
    value        TEXT NOT NULL,
    text         TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit_id, year, indicator_id, stage)
) WITHOUT ROWID;

CREATE TABLE change_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    who          TEXT NOT NULL,
    origin       TEXT NOT NULL,
    unit_id      INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    indicator_id INTEGER NOT NULL,
    slot         TEXT NOT NULL,
    old_value    TEXT,
    new_value    TEXT,
    old_text     TEXT,
    new_text     TEXT,
    old_note     TEXT,
    new_note     TEXT
);

CREATE INDEX change_log_by_value ON change_log (indicator_id, year, unit_id);
";
