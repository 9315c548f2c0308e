//! The demo ward: Phường Thanh Trường (Điện Biên Phủ, Điện Biên), 2021, exactly as its year-end
//! review published it (`shared/seed/thanh-truong-2021-review.txt`). Plans the article gives
//! only as a % are worked out from it and marked as derived; nothing else is invented.

use crate::domain::number;
use crate::domain::{PlanSource, PlanTarget, Stage};
use crate::store::{Batch, FigureWrite, Origin, PlanWrite, Result, Store, StoreError};

/// Statistics code of Phường Thanh Trường.
pub const WARD_CODE: &str = "03142";

/// The year the article reviews.
pub const YEAR: i16 = 2021;

/// A published figure: indicator, stage, the text as printed, a note.
const FIGURES: [(&str, Stage, &str, &str); 8] = [
    ("crop_output", Stage::Actual, "2.809,8", ""),
    ("trade_services_turnover", Stage::Estimate, "208", ""),
    (
        "construction_works",
        Stage::Actual,
        "08",
        "Bài viết: \"08 công trình\"",
    ),
    ("construction_investment", Stage::Actual, "40", ""),
    (
        "budget_revenue",
        Stage::Estimate,
        "17.416,889,536",
        "Bài viết in \"17.416,889,536\" (dấu phân cách lẫn lộn): 17.416.889.536 đồng",
    ),
    (
        "party_cells",
        Stage::Actual,
        "18",
        "2 chi bộ cơ quan, 2 chi bộ nhà trường, 14 chi bộ phố, bản",
    ),
    ("commended_collectives", Stage::Actual, "19", ""),
    ("commended_individuals", Stage::Actual, "135", ""),
];

/// Plans the article states only as a % of plan: indicator, source, the derived target, note.
const PLANS: [(&str, PlanSource, &str, &str); 2] = [
    (
        "crop_output",
        PlanSource::City,
        "2.451,8",
        "Suy ra, không công bố: 2.809,8 tấn ÷ 114,6% (bài viết chỉ nêu % kế hoạch)",
    ),
    (
        "budget_revenue",
        PlanSource::Assigned,
        "16.909.601.491",
        "Suy ra, không công bố: 17.416.889.536 đồng ÷ 103% (bài viết chỉ nêu % kế hoạch)",
    ),
];

/// Writes the demo ward's 2021 plans and figures.
pub fn write_2021(store: &mut Store) -> Result<()> {
    let (unit, _) = store.unit_for(WARD_CODE, YEAR)?;
    let mut batch = Batch::default();
    for (code, stage, text, note) in FIGURES {
        let (indicator_id, indicator) = store.indicator(code)?;
        let value = published(store, text, &indicator.unit)?;
        batch.figures.push(FigureWrite {
            unit,
            indicator: indicator_id,
            year: YEAR,
            stage,
            value: Some((value, text.to_owned())),
            note: note.to_owned(),
        });
    }
    for (code, source, text, note) in PLANS {
        let (indicator_id, indicator) = store.indicator(code)?;
        let value = published(store, text, &indicator.unit)?;
        batch.plans.push(PlanWrite {
            unit,
            indicator: indicator_id,
            year: YEAR,
            source,
            target: Some(PlanTarget::Value(value)),
            text: text.to_owned(),
            derived: true,
            note: note.to_owned(),
        });
    }
    store.apply(&batch, Origin::Demo)?;
    Ok(())
}

/// Reads a number as the article prints it, through the same parser as every entry.
fn published(
    store: &Store,
    text: &str,
    unit: &crate::domain::Unit,
) -> Result<rust_decimal::Decimal> {
    number::parse(text, unit, number::NumberStyle::Vi)
        .map(|parsed| parsed.value)
        .map_err(|e| StoreError::BadStoredValue {
            path: store.path().to_path_buf(),
            what: "demo figure",
            text: format!("{text}: {e}"),
        })
}
