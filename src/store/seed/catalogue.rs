//! The standard catalogue every new database starts with: the indicators of the source article
//! and those most wards report, over the six categories. Definitions only: no values here.

use rust_decimal::Decimal;

use crate::domain::{Aggregation, Category, Direction, Indicator, Kind, Rules, Unit};

/// One catalogue line, compactly.
struct Line {
    code: &'static str,
    vi: &'static str,
    en: &'static str,
    unit: &'static str,
    direction: Direction,
    kind: Kind,
    precision: u32,
}

const fn line(
    code: &'static str,
    vi: &'static str,
    en: &'static str,
    unit: &'static str,
    direction: Direction,
    kind: Kind,
    precision: u32,
) -> Line {
    Line {
        code,
        vi,
        en,
        unit,
        direction,
        kind,
        precision,
    }
}

use Direction::{Exact, HigherIsBetter as Up, LowerIsBetter as Down};
use Kind::{Flow, Rate, Stock};

#[rustfmt::skip]
const ECONOMY: &[Line] = &[
    line("crop_output", "Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)", "Crop output (two rice crops, vegetables, third crop)", "tấn", Up, Flow, 1),
    line("sown_area", "Diện tích gieo trồng", "Sown area", "ha", Up, Flow, 1),
    line("livestock", "Tổng đàn gia súc, gia cầm", "Livestock and poultry", "con", Up, Stock, 0),
    line("trade_services_turnover", "Doanh thu thương mại - dịch vụ", "Trade and services turnover", "tỷ đồng", Up, Flow, 1),
    line("per_capita_income", "Thu nhập bình quân đầu người", "Per-capita income", "triệu đồng/người/năm", Up, Flow, 1),
    line("construction_works", "Công trình xây mới, sửa chữa do phường làm chủ đầu tư", "Works built or repaired by the ward as investor", "công trình", Up, Flow, 0),
    line("construction_investment", "Tổng vốn các công trình do phường làm chủ đầu tư", "Investment in the ward's works", "tỷ đồng", Up, Flow, 1),
    line("public_investment_disbursement", "Tỷ lệ giải ngân vốn đầu tư công", "Public-investment disbursement", "%", Up, Rate, 1),
    line("households_relocated", "Số hộ di dời, giải phóng mặt bằng", "Households relocated for site clearance", "hộ", Up, Flow, 0),
    line("land_cleared", "Diện tích mặt bằng bàn giao", "Land cleared and handed over", "ha", Up, Flow, 2),
];

#[rustfmt::skip]
const BUDGET: &[Line] = &[
    line("budget_revenue", "Thu ngân sách", "Budget revenue", "đồng", Up, Flow, 0),
    line("budget_expenditure", "Chi ngân sách", "Budget expenditure", "đồng", Up, Flow, 0),
];

#[rustfmt::skip]
const SOCIAL: &[Line] = &[
    line("poverty_rate", "Tỷ lệ hộ nghèo", "Poverty rate", "%", Down, Rate, 2),
    line("near_poor_rate", "Tỷ lệ hộ cận nghèo", "Near-poor rate", "%", Down, Rate, 2),
    line("new_jobs", "Số lao động được tạo việc làm mới", "New jobs", "người", Up, Flow, 0),
    line("trained_labour_share", "Tỷ lệ lao động qua đào tạo", "Trained-labour share", "%", Up, Rate, 1),
    line("health_insurance_coverage", "Tỷ lệ dân số tham gia bảo hiểm y tế", "Health-insurance coverage", "%", Up, Rate, 1),
    line("child_malnutrition", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "Child malnutrition (under 5)", "%", Down, Rate, 1),
    // The weights rates and amounts per head are averaged by across wards.
    line("population", "Dân số trung bình", "Average population", "người", Up, Stock, 0),
    line("households", "Tổng số hộ dân cư", "Households", "hộ", Up, Stock, 0),
];

#[rustfmt::skip]
const CULTURE: &[Line] = &[
    line("cultured_families", "Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa", "Households with the cultured-family title", "%", Up, Rate, 1),
    line("cultured_groups", "Tổ dân phố, bản đạt danh hiệu văn hóa", "Residential groups with the cultured title", "tổ", Up, Stock, 0),
];

#[rustfmt::skip]
const DEFENCE_SECURITY: &[Line] = &[
    line("conscription_quota", "Hoàn thành chỉ tiêu giao quân", "Conscription quota fulfilled", "%", Exact, Rate, 0),
    line("crimes", "Số vụ phạm pháp hình sự", "Criminal offences", "vụ", Down, Flow, 0),
    line("traffic_accidents", "Số vụ tai nạn giao thông", "Traffic accidents", "vụ", Down, Flow, 0),
];

#[rustfmt::skip]
const PARTY_BUILDING: &[Line] = &[
    line("party_cells", "Số chi bộ trực thuộc", "Party cells", "chi bộ", Up, Stock, 0),
    line("new_party_members", "Kết nạp đảng viên mới", "New party members admitted", "đảng viên", Up, Flow, 0),
    line("commended_collectives", "Tập thể được khen thưởng", "Collectives commended", "tập thể", Up, Flow, 0),
    line("commended_individuals", "Cá nhân được khen thưởng", "Individuals commended", "cá nhân", Up, Flow, 0),
];

/// The standard catalogue, in report order.
pub fn standard() -> Vec<Indicator> {
    let groups = [
        (Category::Economy, ECONOMY),
        (Category::Budget, BUDGET),
        (Category::Social, SOCIAL),
        (Category::Culture, CULTURE),
        (Category::DefenceSecurity, DEFENCE_SECURITY),
        (Category::PartyBuilding, PARTY_BUILDING),
    ];
    groups
        .into_iter()
        .flat_map(|(category, lines)| {
            lines.iter().zip(1..).map(move |(l, order)| Indicator {
                code: l.code.to_owned(),
                name_vi: l.vi.to_owned(),
                name_en: l.en.to_owned(),
                category,
                unit: Unit::new(l.unit),
                direction: l.direction,
                kind: l.kind,
                precision: l.precision,
                archived: false,
                order,
                rules: rules(l.code, l.kind, &Unit::new(l.unit)),
                aggregation: aggregation(l.code, l.kind, &Unit::new(l.unit)),
            })
        })
        .collect()
}

/// Each indicator's plausibility rules: the defaults of its kind and unit (never below 0, a
/// share at most 100%, flagged beyond ±50% on last year for flows and stocks or ±10 points for
/// rates, beyond 3× the plan, an estimate and an actual 20% apart), but where the indicator
/// says otherwise.
fn rules(code: &str, kind: Kind, unit: &Unit) -> Rules {
    let defaults = Rules::default_for(kind, unit);
    match code {
        // Sending more recruits than the quota is possible (and judged "not met"): no ceiling.
        "conscription_quota" => Rules {
            max: None,
            ..defaults
        },
        // Small counts and lumpy investment double or halve from one year to the next without
        // a slip: asked about only beyond ±100%.
        "construction_works"
        | "construction_investment"
        | "households_relocated"
        | "land_cleared"
        | "crimes"
        | "traffic_accidents"
        | "new_party_members"
        | "commended_collectives"
        | "commended_individuals" => Rules {
            max_change: Some(Decimal::ONE_HUNDRED),
            ..defaults
        },
        // Income per head moves slowly: beyond ±30% is more likely a slip.
        "per_capita_income" => Rules {
            max_change: Some(Decimal::from(30)),
            ..defaults
        },
        _ => defaults,
    }
}

/// How each indicator adds up across wards: the default of its kind, but income per head is
/// averaged weighted by population, and the poverty rates by households.
fn aggregation(code: &str, kind: Kind, unit: &Unit) -> Aggregation {
    let weighted = |weight: &str| Aggregation::Weighted {
        weight: weight.to_owned(),
    };
    match code {
        "per_capita_income" => weighted("population"),
        "poverty_rate" | "near_poor_rate" => weighted("households"),
        _ => Aggregation::default_for(kind, unit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_valid_and_covers_every_category() {
        let list = standard();
        assert!((25..=30).contains(&list.len()), "{} indicators", list.len());
        for indicator in &list {
            assert_eq!(indicator.validate(), Ok(()), "{}", indicator.code);
        }
        for category in Category::ALL {
            assert!(list.iter().any(|i| i.category == category), "{category:?}");
        }
        let mut codes: Vec<_> = list.iter().map(|i| &i.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), list.len(), "codes are unique");
    }

    #[test]
    fn every_indicator_ships_rules_and_shares_stop_at_100() {
        for indicator in standard() {
            let rules = indicator.rules;
            assert_eq!(rules.min, Some(Decimal::ZERO), "{}", indicator.code);
            assert!(rules.max_change.is_some(), "{}", indicator.code);
            let ceiling = rules.max == Some(Decimal::ONE_HUNDRED);
            let may_exceed = indicator.code == "conscription_quota";
            assert_eq!(
                ceiling,
                indicator.unit.is_percent() && !may_exceed,
                "{}",
                indicator.code
            );
        }
    }

    #[test]
    fn every_weight_is_a_summed_indicator_of_the_catalogue() {
        let list = standard();
        let weighted: Vec<_> = list
            .iter()
            .filter_map(|i| i.aggregation.weight().map(|w| (&i.code, w)))
            .collect();
        assert_eq!(weighted.len(), 3, "{weighted:?}");
        for (code, weight) in weighted {
            let found = list.iter().find(|i| i.code == weight);
            assert_eq!(
                found.map(|i| &i.aggregation),
                Some(&Aggregation::Sum),
                "{code} is weighted by {weight}"
            );
        }
        // Rates without a weight are shown as a distribution, never summed.
        for indicator in &list {
            if indicator.kind == Kind::Rate {
                assert_ne!(indicator.aggregation, Aggregation::Sum, "{}", indicator.code);
            }
        }
    }

    #[test]
    fn rates_are_in_percent_and_counts_are_whole() {
        for indicator in standard() {
            if indicator.kind == Kind::Rate {
                assert!(indicator.unit.is_percent(), "{}", indicator.code);
            }
            if indicator.unit.is_count() {
                assert_eq!(indicator.precision, 0, "{}", indicator.code);
            }
        }
    }
}
