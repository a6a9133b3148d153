//! Fuzz the normalizer and tokenizer: token spans on UTF-8 boundaries, in
//! order, inside the text; tokens never empty; normalization idempotent.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::normalize(data));
