//! Fuzz the whole check: the input is a claims file and a source text
//! separated by a 0xFF byte. Whenever the claims file parses, the report
//! holds every claim once, in file order, and all evidence and quote places
//! lie inside the source on UTF-8 boundaries.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::check(data));
