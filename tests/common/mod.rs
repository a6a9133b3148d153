//! What several end-to-end test files share.

/// The claims files checked against `seeds/`: the example and every gold
/// file (paths relative to the crate root).
pub const SEED_CLAIMS: [&str; 5] = [
    "claims/example.yaml",
    "tests/data/gold/seeds-tune.yaml",
    "tests/data/gold/seeds-tune2.yaml",
    "tests/data/gold/seeds-heldout.yaml",
    "tests/data/gold/english.yaml",
];
