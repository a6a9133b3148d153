//! claimcheck: check fact-checking claims against their sources.
//!
//! The library holds every stage; the binary (`src/main.rs`) only parses
//! arguments, calls [`app`] and prints. Stages, in the order data flows:
//! [`claims`] (the YAML claims file) → [`sources`] (the articles) →
//! [`normalize`] and [`stem`] (text analysis) → [`segment`] (passages) →
//! [`index`] (postings and IDF) → [`matching`] (claim units meet passage
//! words) → [`stance`] (supports / contradicts / mentions, with reasons) and
//! [`quote`] (cited passages) → [`verdict`] (verdicts and the fail policy) →
//! [`report`] (the one report value) → [`render`] (table, JSON, ...).
//! [`check`] runs the stages for the `check` command; [`search`] serves
//! the `search` command.

pub mod app;
pub mod check;
pub mod claims;
pub mod eval;
pub mod explain;
pub mod fuzzy;
pub mod hamza;
pub mod index;
pub mod lexicon;
pub mod matching;
pub mod merge;
pub mod names;
pub mod normalize;
pub mod numbers;
pub mod progress;
pub mod quote;
pub mod render;
pub mod report;
pub mod retrieve;
pub mod search;
pub mod segment;
pub mod sources;
pub mod stance;
pub mod stats;
pub mod stem;
pub mod store;
pub mod sym;
pub mod synonyms;
pub mod synth;
pub mod translit;
pub mod verdict;
