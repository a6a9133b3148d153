//! Fuzz quote matching: the input is a quote and a source separated by a
//! 0xFF byte. A hit lies inside the source on UTF-8 boundaries with a
//! similarity in [0, 1]; a quote copied from the source's own words is found
//! with similarity 1.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::quote(data));
