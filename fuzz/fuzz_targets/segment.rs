//! Fuzz the segmenter: passages are disjoint, trimmed, in order, on UTF-8
//! boundaries inside the text, and hold a letter or digit; analysis of each
//! passage (stems, clause breaks, numbers) never panics.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::segment(data));
