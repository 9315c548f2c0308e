//! Synthetic data for trying trends and for benchmarks: invented wards named as such, with
//! plausible, reproducible values. Nothing here pretends to be real: every unit is flagged
//! synthetic, its name says "giả lập", and the database records that it holds synthetic data.

use rust_decimal::Decimal;

use crate::domain::{AdminUnit, Unit};
use crate::domain::{Category, Direction, Indicator, Kind, Level, PlanSource, PlanTarget, Stage};
use crate::store::{Batch, FigureWrite, IndicatorId, Origin, PlanWrite, Result, Store, UnitId};

/// The last year synthetic series reach: the year of the 2025 reform, so that both sides of it
/// can be tried.
pub const LAST_YEAR: i16 = 2025;

/// The code of the synthetic province every synthetic ward reports to.
pub const PROVINCE_CODE: &str = "SYNP";

/// How many synthetic wards sat under each synthetic city before the reform (the country had
/// some 700 districts for some 10,000 communes).
pub const WARDS_PER_CITY: u32 = 15;

/// The size of a synthetic data set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    pub wards: u32,
    pub years: u32,
    /// Indicators per ward: the catalogue's first ones, then synthetic extras if more are asked.
    pub indicators: u32,
    pub seed: u64,
}

/// What the generator wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Generated {
    pub wards: u32,
    pub plans: usize,
    pub figures: usize,
}

/// The statistics code of synthetic ward `n` (from 1).
pub fn ward_code(n: u32) -> String {
    format!("SYN{n:04}")
}

/// The statistics code of synthetic city `n` (from 1).
pub fn city_code(n: u32) -> String {
    format!("SYNC{n:03}")
}

/// The synthetic units, modelled on the reform of 1 July 2025 (NQ 1661 and its kind): one
/// province; cities under it until 30/6/2025, [`WARDS_PER_CITY`] wards each; every ward as
/// two validity rows of one code, under its city until 30/6/2025 (its successor: itself, the
/// way a merged ward names the one it became) and under the province from 1/7/2025. A year is
/// reported by the row standing on 31/12 ([`AdminUnit::reports_for`]): up to 2024 the city's
/// ward, from 2025 the province's.
pub fn units(wards: u32) -> Vec<AdminUnit> {
    let eve = jiff::civil::date(2025, 6, 30);
    let day = jiff::civil::date(2025, 7, 1);
    let unit = |code: String, name: String, level, parent: &str| AdminUnit {
        code,
        name,
        level,
        parent_code: Some(parent.to_owned()),
        valid_from: None,
        valid_to: None,
        successor_code: None,
        synthetic: true,
    };
    let mut units = vec![AdminUnit {
        parent_code: None,
        ..unit(
            PROVINCE_CODE.to_owned(),
            "Tỉnh giả lập (dữ liệu giả lập)".to_owned(),
            Level::Province,
            "",
        )
    }];
    for city in 1..=wards.div_ceil(WARDS_PER_CITY) {
        units.push(AdminUnit {
            valid_to: Some(eve),
            ..unit(
                city_code(city),
                format!("Thành phố giả lập {city:03} (dữ liệu giả lập)"),
                Level::District,
                PROVINCE_CODE,
            )
        });
    }
    for ward in 1..=wards {
        let code = ward_code(ward);
        let name = format!("Phường giả lập {ward:03} (dữ liệu giả lập)");
        let city = city_code((ward - 1) / WARDS_PER_CITY + 1);
        units.push(AdminUnit {
            valid_to: Some(eve),
            successor_code: Some(code.clone()),
            ..unit(code.clone(), name.clone(), Level::Ward, &city)
        });
        units.push(AdminUnit {
            valid_from: Some(day),
            ..unit(code, name, Level::Ward, PROVINCE_CODE)
        });
    }
    units
}

/// Adds the synthetic province, cities and wards ([`units`]) with plans and every stage of
/// figures for `spec.years` years up to [`LAST_YEAR`]: each year on the ward's row that reports
/// it, its plans set by the city before 2025 and by the province from 2025. Each ward is one
/// transaction: a stop midway leaves whole wards only.
pub fn generate(
    store: &mut Store,
    spec: Spec,
    mut progress: impl FnMut(u32, u32),
) -> Result<Generated> {
    store.set_setting("synthetic", "true")?;
    let indicators = indicators_for(store, spec.indicators)?;
    let first_year = LAST_YEAR - i16::try_from(spec.years.clamp(1, 200)).unwrap_or(1) + 1;
    let mut ward_rows: Vec<(UnitId, AdminUnit)> = Vec::new();
    for unit in units(spec.wards) {
        let id = store.add_unit(&unit)?;
        if unit.level == Level::Ward {
            ward_rows.push((id, unit));
        }
    }
    let mut rng = SplitMix(spec.seed);
    let mut generated = Generated::default();
    for (ward, rows) in (1..).zip(ward_rows.chunks(2)) {
        let mut batch = Batch::default();
        let bases: Vec<f64> = indicators
            .iter()
            .map(|(_, indicator)| base_value(indicator, &mut rng))
            .collect();
        for year in first_year..=LAST_YEAR {
            let Some((unit, _)) = rows.iter().find(|(_, u)| u.reports_for(year)) else {
                continue;
            };
            // The city set the plans while the ward sat under it, the province since.
            let source = if year < 2025 {
                PlanSource::City
            } else {
                PlanSource::Province
            };
            for ((id, indicator), base) in indicators.iter().zip(&bases) {
                let trend = 1.0 + 0.03 * f64::from(year - first_year);
                // A share stays a share: at most 100% (the plausibility rules refuse more).
                let cap = if indicator.unit.is_percent() {
                    100.0 / 1.005
                } else {
                    f64::MAX
                };
                let plan = (base * trend).min(cap);
                let achieved = (plan * (0.85 + 0.3 * rng.next_f64())).min(cap);
                batch.plans.push(PlanWrite {
                    unit: *unit,
                    indicator: *id,
                    year,
                    source,
                    target: Some(PlanTarget::Value(exact(plan, indicator.precision))),
                    text: String::new(),
                    derived: false,
                    note: "dữ liệu giả lập".into(),
                });
                for (stage, drift) in [
                    (Stage::Estimate, 0.97),
                    (Stage::Actual, 1.0),
                    (Stage::Final, 1.005),
                ] {
                    let value = exact(achieved * drift, indicator.precision);
                    batch.figures.push(FigureWrite {
                        unit: *unit,
                        indicator: *id,
                        year,
                        stage,
                        value: Some((value, value.to_string())),
                        note: String::new(),
                    });
                }
            }
        }
        generated.plans += batch.plans.len();
        generated.figures += batch.figures.len();
        store.apply(&batch, Origin::Synthetic)?;
        generated.wards += 1;
        progress(ward, spec.wards);
    }
    Ok(generated)
}

/// The catalogue's first `count` indicators, topped up with synthetic ones.
fn indicators_for(store: &Store, count: u32) -> Result<Vec<(IndicatorId, Indicator)>> {
    let mut list: Vec<_> = store
        .indicators()?
        .into_iter()
        .filter(|(_, i)| !i.archived)
        .collect();
    let wanted = usize::try_from(count).unwrap_or(usize::MAX);
    list.truncate(wanted);
    let mut extra = 1;
    while list.len() < wanted {
        let code = format!("synthetic_{extra:03}");
        extra += 1;
        if let Ok(found) = store.indicator(&code) {
            list.push(found);
            continue;
        }
        let indicator = Indicator {
            code,
            name_vi: format!("Chỉ tiêu giả lập {:03}", extra - 1),
            name_en: format!("Synthetic indicator {:03}", extra - 1),
            category: Category::ALL[extra % Category::ALL.len()],
            unit: Unit::new("tấn"),
            direction: Direction::HigherIsBetter,
            kind: Kind::Flow,
            precision: 1,
            archived: false,
            order: 1000 + i64::try_from(extra).unwrap_or(0),
            rules: crate::domain::Rules::default_for(Kind::Flow, &Unit::new("tấn")),
            aggregation: crate::domain::Aggregation::Sum,
        };
        let id = store.add_indicator(&indicator)?;
        list.push((id, indicator));
    }
    Ok(list)
}

/// A plausible size for a ward's value of this indicator.
fn base_value(indicator: &Indicator, rng: &mut SplitMix) -> f64 {
    let spread = 0.5 + rng.next_f64();
    if indicator.unit.is_percent() {
        return 40.0 + 50.0 * rng.next_f64();
    }
    match indicator.unit.money_exponent() {
        Some(0) => 1.5e10 * spread,
        Some(6) => 45.0 * spread,
        Some(_) => 150.0 * spread,
        None if indicator.unit.is_count() => 20.0 * spread,
        None => 2500.0 * spread,
    }
}

/// A float turned into an exact decimal at the indicator's precision (synthetic values only).
fn exact(value: f64, precision: u32) -> Decimal {
    Decimal::from_f64_retain(value)
        .unwrap_or_default()
        .round_dp(precision)
        .normalize()
}

/// A small, reproducible random source (SplitMix64): the same seed gives the same data.
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (the tiny modulo bias does not matter for made-up data).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound.max(1)
    }

    /// A float in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        // 53 random bits: exact in an f64.
        #[allow(clippy::cast_precision_loss)]
        let bits = (self.next_u64() >> 11) as f64;
        bits / (1_u64 << 53) as f64
    }
}
