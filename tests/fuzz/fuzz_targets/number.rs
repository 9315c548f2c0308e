//! Fuzzes the number parser: any text, in either style, against any unit; nothing panics, and a
//! value read is the value written back and read again. Also any exact decimal, written in
//! either style, reads back as itself (or is refused as too long, never rounded).

#![no_main]

use fuzz_common::TextInput;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use ward_kpi::domain::Lang;
use ward_kpi::domain::number::{self, NumberError, NumberStyle};

fuzz_target!(|data: &[u8]| {
    // Any 16 bytes are a decimal: written and read back in both styles.
    if let Some(bytes) = data.get(..16) {
        let mut raw = [0_u8; 16];
        raw.copy_from_slice(bytes);
        round_trip(Decimal::deserialize(raw));
    }
    let Some(input) = TextInput::new(data) else {
        return;
    };
    let text = input.text;
    std::hint::black_box(number::style_evidence(text));
    match number::parse(text, &input.unit, input.style) {
        Ok(parsed) => {
            let shown = number::format_with_unit(parsed.value, &input.unit, Lang::Vi, input.style);
            for warning in &parsed.warnings {
                std::hint::black_box(warning.message(Lang::Vi, input.style));
            }
            // What a form shows after reading, read again in its own field, is the same value.
            let again = number::parse(&shown, &input.unit, input.style).unwrap_or_else(|e| {
                panic!("{text:?} read as {} shown as {shown:?}: {e}", parsed.value)
            });
            assert_eq!(again.value, parsed.value, "{text:?} shown as {shown:?}");
            round_trip(parsed.value);
        }
        Err(error) => {
            std::hint::black_box(error.message(Lang::Vi));
            std::hint::black_box(error.to_string());
        }
    }
    if let Ok(parsed) = number::parse_plain(text, input.style) {
        round_trip(parsed.value);
    }
});

/// `value` written in each style reads back as itself; the other formats do not panic.
fn round_trip(value: Decimal) {
    for style in NumberStyle::ALL {
        let text = number::format_exact(value, style);
        match number::parse_plain(&text, style) {
            Ok(parsed) => assert_eq!(parsed.value, value, "{value} written {text:?}"),
            // A decimal holds 29 digits at most, the reader takes 28: refused, not rounded.
            Err(NumberError::TooLarge) => {
                let digits = value
                    .normalize()
                    .mantissa()
                    .unsigned_abs()
                    .to_string()
                    .len();
                assert!(digits > 28, "{value} written {text:?} refused as too large");
            }
            Err(e) => panic!("{value} written {text:?} does not read: {e}"),
        }
        std::hint::black_box(number::format_fixed(value, 2, style));
        std::hint::black_box(number::format_percent(value, style));
    }
}
