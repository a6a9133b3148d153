//! Fuzz the claims parser: any bytes in, a claims file or a located error
//! out, never a panic. A parsed file keeps every claim of the input's
//! `claims` list, once, with unique ids and positions inside the file.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::claims(data));
