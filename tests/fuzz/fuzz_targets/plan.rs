//! Fuzzes the plan parser: any text, in either style, against any unit. Nothing panics; a plan
//! read reads back the same from the text a report writes for it (in both languages and both
//! styles) and from the text a machine-readable file writes; a stored plan's wording
//! (`with_wording`) is read without panicking.

#![no_main]

use fuzz_common::TextInput;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use ward_kpi::domain::number::NumberStyle;
use ward_kpi::domain::plan;
use ward_kpi::domain::{Lang, Locale, Plan, PlanSource, PlanTarget};

fuzz_target!(|data: &[u8]| {
    let Some(input) = TextInput::new(data) else {
        return;
    };
    let (text, unit, style) = (input.text, &input.unit, input.style);
    std::hint::black_box(plan::is_worded(text));
    // A stored plan's numbers in the form its wording says, whatever the text.
    std::hint::black_box(PlanTarget::Value(Decimal::new(35, 1)).with_wording(text));
    match PlanTarget::parse(text, unit, style) {
        Ok((target, _warnings)) => {
            for lang in Lang::ALL {
                for out_style in NumberStyle::ALL {
                    let locale = Locale {
                        lang,
                        style: out_style,
                    };
                    let written = target.text(locale);
                    let again = PlanTarget::parse(&written, unit, out_style).map(|(t, _)| t);
                    assert_eq!(
                        again,
                        Ok(target),
                        "{text:?} read as {target:?}, written {written:?}"
                    );
                    std::hint::black_box(target.text_with_unit(unit, locale));
                    std::hint::black_box(target.resolution_note(
                        Some(Decimal::new(28098, 1)),
                        1,
                        Some(unit),
                        locale,
                    ));
                }
            }
            // The stored numbers and the text as typed give the target back.
            let stored = PlanTarget::range(target.low(), target.high()).with_wording(text);
            assert_eq!(
                stored,
                target,
                "{text:?} stored as {} / {}",
                target.low(),
                target.high()
            );
            let plan = Plan {
                source: PlanSource::City,
                target,
                text: text.to_owned(),
                original: None,
                derived: false,
                note: String::new(),
            };
            let machine = plan.machine_text(unit);
            let again = PlanTarget::parse(&machine, unit, NumberStyle::En).map(|(t, _)| t);
            assert_eq!(
                again,
                Ok(target),
                "{text:?} read as {target:?}, machine {machine:?}"
            );
            std::hint::black_box(plan.shown_with_unit(unit, Lang::Vi.into()));
        }
        Err(error) => {
            std::hint::black_box(error.message(Lang::Vi));
            std::hint::black_box(error.to_string());
        }
    }
});
