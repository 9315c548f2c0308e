//! Fuzzes the import of an Excel workbook: a real .xlsx, or its parts as text zipped anew (see
//! `fuzz_common::zip_file`), read, checked and previewed against the demo database; nothing
//! panics.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_common::preview("xlsx", &fuzz_common::zip_file(data));
});
