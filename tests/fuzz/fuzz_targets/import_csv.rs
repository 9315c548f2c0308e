//! Fuzzes the import of a CSV file: any bytes, read, checked and previewed against the demo
//! database; nothing panics.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_common::preview("csv", data);
});
