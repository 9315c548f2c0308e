//! The schema and its versioned migrations. `PRAGMA user_version` counts the migrations applied;
//! `PRAGMA application_id` marks the file as ward-kpi's, so a foreign SQLite file is refused
//! before anything is written to it.

use crate::domain::{PlanSource, Stage};

/// `application_id` of every ward-kpi database: "WKPI" in ASCII.
pub const APPLICATION_ID: i64 = 0x574B_5049;

/// The migrations, in order; the schema version is how many have run.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, RULES, CONSOLIDATION, MERGERS, LATEST];

/// The schema version this program writes.
pub fn latest_version() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}

/// Version 1: units, catalogue, plans, figures, the change log.
///
/// Values are stored as decimal text ("2809.8"), never as floating point, so a figure reads back
/// digit for digit. Plans and figures are keyed by unit and year first: a ward-year report is one
/// range scan. A plan's source and a figure's stage are small numbers (see [`stage_number`] and
/// [`source_number`]), checked by range: short keys, and no lookup per inserted row.
///
/// The change log is kept in three parts, so that saving new values costs little more than
/// inserting them:
/// - `change_set`: one row per save that changed something: when, who (the OS user), from where;
/// - `plan.set_id` and `figure.set_id`: the save that wrote the row's current value;
/// - `change_log`: only what a save replaced or removed: the old value, text and note, the save
///   that had written it (`old_set_id`) and the save that replaced or removed it (`set_id`).
///   A brand-new value adds no row here: its own `set_id` says who wrote it, when, from where.
///
/// Every version of a plan or figure is thus either a `change_log` row or the current row, and
/// [`Store::history`](super::Store::history) rebuilds every transition from them. Within one
/// save a slot changes at most once as far as the log goes: a save that rewrites a value it wrote
/// itself overwrites it in place, so `change_log` has at most one row per slot and save.
///
/// `indicator_use` lists every indicator that ever held a plan or a figure (written once per
/// indicator and save), so that "may this indicator be deleted?" is one key lookup.
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

CREATE TABLE change_set (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    who    TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin = 'window' OR origin = 'cli' OR origin = 'import'
                                OR origin = 'demo' OR origin = 'synthetic')
);

-- source: 1 city, 2 province, 3 assigned, 4 ward_council.
CREATE TABLE plan (
    unit_id       INTEGER NOT NULL REFERENCES admin_unit (id),
    year          INTEGER NOT NULL,
    indicator_id  INTEGER NOT NULL REFERENCES indicator (id),
    source        INTEGER NOT NULL CHECK (source BETWEEN 1 AND 4),
    low           TEXT NOT NULL,
    high          TEXT NOT NULL,
    text          TEXT NOT NULL,
    original_low  TEXT,
    original_high TEXT,
    derived       INTEGER NOT NULL DEFAULT 0,
    note          TEXT NOT NULL DEFAULT '',
    set_id        INTEGER NOT NULL REFERENCES change_set (id),
    PRIMARY KEY (unit_id, year, indicator_id, source)
) WITHOUT ROWID;

-- stage: 1 estimate, 2 actual, 3 final.
CREATE TABLE figure (
    unit_id      INTEGER NOT NULL REFERENCES admin_unit (id),
    year         INTEGER NOT NULL,
    indicator_id INTEGER NOT NULL REFERENCES indicator (id),
    stage        INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 3),
    value        TEXT NOT NULL,
    text         TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    set_id       INTEGER NOT NULL REFERENCES change_set (id),
    PRIMARY KEY (unit_id, year, indicator_id, stage)
) WITHOUT ROWID;

-- slot: 'plan:<source code>' or 'figure:<stage code>'. old_value of a plan is its target as
-- the log shows it: '2451.8', or '6.6–6.8' for a band.
CREATE TABLE change_log (
    unit_id      INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    indicator_id INTEGER NOT NULL,
    slot         TEXT NOT NULL,
    set_id       INTEGER NOT NULL REFERENCES change_set (id),
    old_set_id   INTEGER NOT NULL REFERENCES change_set (id),
    old_value    TEXT NOT NULL,
    old_text     TEXT NOT NULL,
    old_note     TEXT NOT NULL,
    PRIMARY KEY (unit_id, year, indicator_id, slot, set_id)
) WITHOUT ROWID;

CREATE TABLE indicator_use (
    indicator_id INTEGER PRIMARY KEY REFERENCES indicator (id)
);
";

/// Version 2: other names of indicators (aliases), as annex tables write them ("Thu NS",
/// "Sản lượng cây trồng"), each kept as written and by its key (the name as
/// [`name_key`](crate::domain::name_key) compares it), unique: a key finds one indicator. Like a
/// `change_set`, an alias says when, who (the OS user) and from where it was added. Deleting an
/// indicator (one that never held data) deletes its aliases.
const V2: &str = r"
CREATE TABLE indicator_alias (
    id           INTEGER PRIMARY KEY,
    alias        TEXT NOT NULL,
    key          TEXT NOT NULL UNIQUE,
    indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    origin       TEXT NOT NULL CHECK (origin = 'window' OR origin = 'cli' OR origin = 'import'
                                      OR origin = 'demo' OR origin = 'synthetic')
);

CREATE INDEX indicator_alias_indicator ON indicator_alias (indicator_id);
";

/// Version 3: what keeps reported numbers from drifting.
///
/// - `year_lock`: a lock (chốt số liệu) on a ward's year (`unit_id`), or on every unit's
///   (`unit_id` NULL), whole (`part` 'all') or one part of it: the plans, or one stage. It says
///   who locked it, when and why, and `mark`, the last `change_set` when it was locked, so
///   that the values changed since can be counted. Unlocking fills the `unlocked_*` columns: the
///   row stays, so `ward-kpi locks` lists both events.
/// - `restore_log`: each restore of the file from a copy, recorded in the restored file: when,
///   who, from which copy, and where the file as it was before was kept.
/// - `change_set.detail`: where a save came from beyond its origin: an import's file name.
const V3: &str = r"
CREATE TABLE year_lock (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER REFERENCES admin_unit (id),
    year          INTEGER NOT NULL,
    part          TEXT NOT NULL CHECK (part IN ('all', 'plan', 'estimate', 'actual', 'final')),
    locked_at     TEXT NOT NULL,
    locked_by     TEXT NOT NULL,
    reason        TEXT NOT NULL CHECK (trim(reason) <> ''),
    origin        TEXT NOT NULL,
    mark          INTEGER NOT NULL,
    unlocked_at   TEXT,
    unlocked_by   TEXT,
    unlock_reason TEXT
);

CREATE INDEX year_lock_year ON year_lock (year, unit_id);

CREATE TABLE restore_log (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    who      TEXT NOT NULL,
    origin   TEXT NOT NULL,
    source   TEXT NOT NULL,
    kept_as  TEXT NOT NULL
);

ALTER TABLE change_set ADD COLUMN detail TEXT NOT NULL DEFAULT '';
";

/// Version 4: each indicator's plausibility rules ([`Rules`](crate::domain::Rules)), as decimal
/// text, `NULL` for a rule not checked: the bounds a value may not leave (`rule_min`,
/// `rule_max`), and the thresholds beyond which a value is asked about: the change on last year
/// (`rule_change`: per cent, or points for a rate), times its plan (`rule_times_plan`), the gap
/// between estimate and actual (`rule_stage_gap`, per cent). A database made before gets the
/// standard catalogue's rules: never below 0, a share in % at most 100 (not the conscription
/// quota, which may be exceeded), ±50% on last year for flows and stocks (±100% for small
/// counts and lumpy investment, ±30% for income per head), ±10 points for rates, 3× the plan,
/// 20% between estimate and actual.
const RULES: &str = r"
ALTER TABLE indicator ADD COLUMN rule_min TEXT;
ALTER TABLE indicator ADD COLUMN rule_max TEXT;
ALTER TABLE indicator ADD COLUMN rule_change TEXT;
ALTER TABLE indicator ADD COLUMN rule_times_plan TEXT;
ALTER TABLE indicator ADD COLUMN rule_stage_gap TEXT;

UPDATE indicator SET
    rule_min = '0',
    rule_max = CASE WHEN unit = '%' AND code <> 'conscription_quota' THEN '100'
                    WHEN unit = '‰' THEN '1000' END,
    rule_change = CASE
        WHEN kind = 'rate' THEN '10'
        WHEN code IN ('construction_works', 'construction_investment', 'households_relocated',
                      'land_cleared', 'crimes', 'traffic_accidents', 'new_party_members',
                      'commended_collectives', 'commended_individuals') THEN '100'
        WHEN code = 'per_capita_income' THEN '30'
        ELSE '50' END,
    rule_times_plan = '3',
    rule_stage_gap = '20';
";

/// Version 5: what a province needs of its wards.
///
/// - `indicator.aggregation` and `aggregation_weight`: how each indicator adds up across wards
///   ([`Aggregation`](crate::domain::Aggregation)): `sum`, `weighted` by the indicator whose
///   code is the weight, or `distribution` (not added up). Rates and shares get
///   `distribution`, everything else `sum`; the two weights the standard catalogue declares
///   (population, households) are added to a catalogue that lacks them (a new database gets
///   them from the seed), and income per head and
///   the poverty rates are weighted by them.
/// - `submission`: each ward file gathered (`ward-kpi gather`): whose year it was, the file's
///   name and SHA-256, when and by whom it was received, what it was (`database`, `workbook`,
///   `csv`, `annex`), how many values it wrote, and the save that wrote them (`set_id`, NULL
///   when it changed nothing).
const CONSOLIDATION: &str = r"
ALTER TABLE indicator ADD COLUMN aggregation TEXT NOT NULL DEFAULT 'sum'
    CHECK (aggregation IN ('sum', 'weighted', 'distribution'));
ALTER TABLE indicator ADD COLUMN aggregation_weight TEXT;

UPDATE indicator SET aggregation = 'distribution' WHERE kind = 'rate' OR unit IN ('%', '‰');

INSERT INTO indicator (code, name_vi, name_en, category, unit, direction, kind, precision,
                       sort_order, rule_min, rule_change, rule_times_plan, rule_stage_gap)
SELECT 'population', 'Dân số trung bình', 'Average population', 'social', 'người', 'higher',
       'stock', 0, (SELECT coalesce(max(sort_order), 0) + 1 FROM indicator
                    WHERE category = 'social'), '0', '50', '3', '20'
WHERE EXISTS (SELECT 1 FROM indicator)
  AND NOT EXISTS (SELECT 1 FROM indicator WHERE code = 'population');

INSERT INTO indicator (code, name_vi, name_en, category, unit, direction, kind, precision,
                       sort_order, rule_min, rule_change, rule_times_plan, rule_stage_gap)
SELECT 'households', 'Tổng số hộ dân cư', 'Households', 'social', 'hộ', 'higher', 'stock', 0,
       (SELECT coalesce(max(sort_order), 0) + 1 FROM indicator WHERE category = 'social'),
       '0', '50', '3', '20'
WHERE EXISTS (SELECT 1 FROM indicator)
  AND NOT EXISTS (SELECT 1 FROM indicator WHERE code = 'households');

UPDATE indicator SET aggregation = 'weighted', aggregation_weight = 'population'
WHERE code = 'per_capita_income'
  AND EXISTS (SELECT 1 FROM indicator WHERE code = 'population' AND aggregation = 'sum');

UPDATE indicator SET aggregation = 'weighted', aggregation_weight = 'households'
WHERE code IN ('poverty_rate', 'near_poor_rate')
  AND EXISTS (SELECT 1 FROM indicator WHERE code = 'households' AND aggregation = 'sum');

CREATE TABLE submission (
    id             INTEGER PRIMARY KEY,
    unit_id        INTEGER NOT NULL REFERENCES admin_unit (id),
    year           INTEGER NOT NULL,
    file_name      TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    received_at    TEXT NOT NULL,
    received_by    TEXT NOT NULL,
    origin         TEXT NOT NULL,
    format         TEXT NOT NULL CHECK (format IN ('database', 'workbook', 'csv', 'annex')),
    values_written INTEGER NOT NULL,
    set_id         INTEGER REFERENCES change_set (id)
);

CREATE INDEX submission_year ON submission (year, unit_id);
";

/// Version 6: the reference units a database made before knew only in part. A database that
/// holds Tỉnh Điện Biên (11) gets the units merged on 1/7/2025 into Phường Điện Biên Phủ and
/// Phường Mường Thanh (NQ 1661/NQ-UBTVQH15, see [`seed::units`](super::seed::units)), and
/// huyện Điện Biên (100), each unless a unit of that code ending on 30/6/2025 is there already.
const MERGERS: &str = r"
INSERT INTO admin_unit (code, name, level, parent_code, valid_to)
SELECT '100', 'Huyện Điện Biên', 'district', '11', '2025-06-30'
WHERE EXISTS (SELECT 1 FROM admin_unit WHERE code = '11' AND level = 'province')
  AND NOT EXISTS (SELECT 1 FROM admin_unit WHERE code = '100' AND valid_to = '2025-06-30');

WITH m (code, name, parent, successor) AS (VALUES
    ('03127', 'Phường Him Lam', '094', '03127'),
    ('03130', 'Phường Thanh Bình', '094', '03127'),
    ('03133', 'Phường Tân Thanh', '094', '03127'),
    ('03136', 'Phường Mường Thanh', '094', '03127'),
    ('03142', 'Phường Thanh Trường', '094', '03127'),
    ('03145', 'Xã Thanh Minh', '094', '03127'),
    ('03124', 'Phường Noong Bua', '094', '03334'),
    ('03139', 'Phường Nam Thanh', '094', '03334'),
    ('03334', 'Xã Thanh Xương', '100', '03334')
)
INSERT INTO admin_unit (code, name, level, parent_code, valid_to, successor_code)
SELECT m.code, m.name, 'ward', m.parent, '2025-06-30', m.successor
FROM m
WHERE EXISTS (SELECT 1 FROM admin_unit WHERE code = '11' AND level = 'province')
  AND NOT EXISTS (SELECT 1 FROM admin_unit a
                  WHERE a.code = m.code AND a.valid_to = '2025-06-30');
";

/// Version 7: `figure_latest`, each slot's figure at its latest stage (the one a report reads),
/// kept by triggers on `figure` in the same transaction as every write, so that a province
/// adding up thousands of wards reads one row a slot rather than one a stage. Filled from the
/// figures already there.
const LATEST: &str = r"
CREATE TABLE figure_latest (
    unit_id      INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    indicator_id INTEGER NOT NULL,
    stage        INTEGER NOT NULL,
    value        TEXT NOT NULL,
    PRIMARY KEY (unit_id, year, indicator_id)
) WITHOUT ROWID;

INSERT INTO figure_latest (unit_id, year, indicator_id, stage, value)
SELECT unit_id, year, indicator_id, max(stage), value FROM figure
GROUP BY unit_id, year, indicator_id;

CREATE TRIGGER figure_latest_insert AFTER INSERT ON figure BEGIN
    INSERT INTO figure_latest (unit_id, year, indicator_id, stage, value)
    VALUES (new.unit_id, new.year, new.indicator_id, new.stage, new.value)
    ON CONFLICT (unit_id, year, indicator_id) DO UPDATE
        SET stage = excluded.stage, value = excluded.value
        WHERE excluded.stage >= figure_latest.stage;
END;

CREATE TRIGGER figure_latest_update AFTER UPDATE ON figure BEGIN
    DELETE FROM figure_latest
    WHERE unit_id = old.unit_id AND year = old.year AND indicator_id = old.indicator_id;
    INSERT INTO figure_latest (unit_id, year, indicator_id, stage, value)
    SELECT unit_id, year, indicator_id, max(stage), value FROM figure
    WHERE unit_id = new.unit_id AND year = new.year AND indicator_id = new.indicator_id
    GROUP BY unit_id, year, indicator_id;
END;

CREATE TRIGGER figure_latest_delete AFTER DELETE ON figure BEGIN
    DELETE FROM figure_latest
    WHERE unit_id = old.unit_id AND year = old.year AND indicator_id = old.indicator_id;
    INSERT INTO figure_latest (unit_id, year, indicator_id, stage, value)
    SELECT unit_id, year, indicator_id, max(stage), value FROM figure
    WHERE unit_id = old.unit_id AND year = old.year AND indicator_id = old.indicator_id
    GROUP BY unit_id, year, indicator_id;
END;
";

/// How the database stores a figure's stage.
pub fn stage_number(stage: Stage) -> i64 {
    match stage {
        Stage::Estimate => 1,
        Stage::Actual => 2,
        Stage::Final => 3,
    }
}

/// A figure's stage from its stored number.
pub fn stage_from_number(number: i64) -> Option<Stage> {
    Stage::ALL.into_iter().find(|&s| stage_number(s) == number)
}

/// How the database stores a plan's source.
pub fn source_number(source: PlanSource) -> i64 {
    match source {
        PlanSource::City => 1,
        PlanSource::Province => 2,
        PlanSource::Assigned => 3,
        PlanSource::WardCouncil => 4,
    }
}

/// A plan's source from its stored number.
pub fn source_from_number(number: i64) -> Option<PlanSource> {
    PlanSource::ALL
        .into_iter()
        .find(|&s| source_number(s) == number)
}
