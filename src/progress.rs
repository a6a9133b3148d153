//! Progress hooks: the library says how far a run got, the binary draws it.
//!
//! This module owns the callback that long stages (indexing sources, judging
//! claims) call as they advance. The library never prints; `src/main.rs`
//! turns the calls into an indicatif bar on stderr, shown only on a terminal
//! and only for runs that last more than a second. Calls may come from any
//! thread, in any order; they never change what is computed.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// A stage that reports progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Analyzing and indexing sources (units: sources).
    Index,
    /// Judging claims (units: claims).
    Check,
}

impl Stage {
    /// A short label.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Index => "indexing sources",
            Stage::Check => "judging claims",
        }
    }
}

type Callback = dyn Fn(Stage, usize, usize) + Send + Sync;

/// A progress callback: `(stage, done, total)`; none by default.
#[derive(Clone, Default)]
pub struct Progress(Option<Arc<Callback>>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Progress(on)"
        } else {
            "Progress(off)"
        })
    }
}

impl Progress {
    /// A progress hook calling `f(stage, done, total)`.
    pub fn new(f: impl Fn(Stage, usize, usize) + Send + Sync + 'static) -> Progress {
        Progress(Some(Arc::new(f)))
    }

    /// A counter for one stage of `total` units.
    pub fn counter(&self, stage: Stage, total: usize) -> Counter<'_> {
        self.report(stage, 0, total);
        Counter {
            progress: self,
            stage,
            total,
            done: AtomicUsize::new(0),
        }
    }

    fn report(&self, stage: Stage, done: usize, total: usize) {
        if let Some(f) = &self.0 {
            f(stage, done, total);
        }
    }
}

/// Counts the units of one stage (from any thread).
#[derive(Debug)]
pub struct Counter<'a> {
    progress: &'a Progress,
    stage: Stage,
    total: usize,
    done: AtomicUsize,
}

impl Counter<'_> {
    /// One more unit done.
    pub fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        self.progress.report(self.stage, done, self.total);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn counter_reports_each_unit() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s = seen.clone();
        let p = Progress::new(move |stage, done, total| s.lock().unwrap().push((stage, done, total)));
        let c = p.counter(Stage::Check, 2);
        c.tick();
        c.tick();
        assert_eq!(
            *seen.lock().unwrap(),
            [(Stage::Check, 0, 2), (Stage::Check, 1, 2), (Stage::Check, 2, 2)]
        );
        assert_eq!(format!("{:?}", Progress::default()), "Progress(off)");
    }
}
