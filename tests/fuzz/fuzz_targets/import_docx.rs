//! Fuzzes the import of a Word report's tables: a real .docx, or its parts as text zipped anew
//! (see `fuzz_common::zip_file`), read, checked and previewed against the demo database; nothing
//! panics.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_common::preview("docx", &fuzz_common::zip_file(data));
});
