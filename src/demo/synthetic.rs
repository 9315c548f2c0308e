//! Synthetic data for trying trends and for benchmarks: invented wards named as such, with
//! plausible, reproducible values. Nothing here pretends to be real: every unit is flagged
//! synthetic, its name says "giả lập", and the database records that it holds synthetic data.

use rust_decimal::Decimal;

use crate::domain::{AdminUnit, Unit};
use crate::domain::{Category, Direction, Indicator, Kind, Level, PlanSource, PlanTarget, Stage};
use crate::store::{Batch, FigureWrite, IndicatorId, Origin, PlanWrite, Result, Store};

/// The last year synthetic series reach.
pub const LAST_YEAR: i16 = 2024;

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

/// Adds synthetic wards with plans and every stage of figures for `spec.years` years up to
/// [`LAST_YEAR`]. Each ward is one transaction: a stop midway leaves whole wards only.
pub fn generate(
    store: &mut Store,
    spec: Spec,
    mut progress: impl FnMut(u32, u32),
) -> Result<Generated> {
    store.set_setting("synthetic", "true")?;
    let indicators = indicators_for(store, spec.indicators)?;
    let first_year = LAST_YEAR - i16::try_from(spec.years.clamp(1, 200)).unwrap_or(1) + 1;
    let mut rng = SplitMix(spec.seed);
    let mut generated = Generated::default();
    for ward in 1..=spec.wards {
        let unit = store.add_unit(&AdminUnit {
            code: format!("SYN{ward:04}"),
            name: format!("Phường giả lập {ward:03} (dữ liệu giả lập)"),
            level: Level::Ward,
            parent_code: None,
            valid_from: None,
            valid_to: None,
            successor_code: None,
            synthetic: true,
        })?;
        let mut batch = Batch::default();
        for (id, indicator) in &indicators {
            let base = base_value(indicator, &mut rng);
            for year in first_year..=LAST_YEAR {
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
                    unit,
                    indicator: *id,
                    year,
                    source: PlanSource::City,
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
                        unit,
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
