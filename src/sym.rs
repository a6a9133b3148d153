//! Interned words and their analysis, computed once per distinct word.
//!
//! This module owns the vocabulary of a run: every folded word, stem and
//! index key is stored once for the life of the process and handled as a
//! [`Sym`], one pointer wide, compared by address first. News repeats its
//! words: 50 MB of articles hold some 5 million tokens but tens of thousands
//! of distinct forms, so the stem, verb key and variant keys of a form
//! ([`Form`]) are computed on its first occurrence and shared by every later
//! one. Every symbol also has a dense number ([`Sym::index`], resolved back
//! without a lock by [`Sym::from_index`]) so the index can keep a token in
//! 32 bits. Interned strings are never freed (the vocabulary of a run is
//! small next to its text).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::{Mutex, OnceLock};

/// A fast non-cryptographic hasher (the Fx hash of rustc) for maps keyed by
/// short words or addresses.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`FxHasher`]s.
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;

struct Entry {
    text: Box<str>,
    form: OnceLock<Form>,
    /// Its number ([`Sym::index`]): symbols are numbered as they are interned.
    index: u32,
}

/// Symbols by number, in chunks of doubling size (chunk `k` holds numbers
/// `2^k - 1 .. 2^(k+1) - 1`), so a number resolves without a lock and a
/// chunk never moves once allocated.
static TABLE: [OnceLock<Box<[OnceLock<Sym>]>>; 32] = [const { OnceLock::new() }; 32];

/// The chunk of [`TABLE`] holding symbol number `i`, and its place there.
#[inline]
fn slot(i: u32) -> (usize, usize) {
    let j = u64::from(i) + 1;
    let k = 63 - j.leading_zeros() as usize;
    (k, (j - (1 << k)) as usize)
}

/// An interned string: one pointer, `Copy`, equal strings are the same
/// pointer. Dereferences to `str`; ordered and hashed by its text.
#[derive(Clone, Copy)]
pub struct Sym(&'static Entry);

/// What the index and matching derive from a folded word (see
/// [`crate::stem`]); a function of the word alone.
#[derive(Debug, Clone, Copy)]
pub struct Form {
    /// Its stem ([`crate::stem::stem`]).
    pub stem: Sym,
    /// The verb key of the stem ([`crate::stem::root_key`]).
    pub root: Option<Sym>,
    /// The stem of the word without its leading clitic letter (و ف ب ل ك), if it has one.
    pub bare: Option<Sym>,
    /// Its variant keys in [`crate::index::Index::variants`]: the verb key,
    /// and the stem without a leading clitic (see [`crate::retrieve`]).
    pub root_variant: Option<Sym>,
    /// See `root_variant`.
    pub clitic_variant: Option<Sym>,
    /// Whether it may be a piece of a broken word ([`crate::index::is_fragment`]).
    pub fragment: bool,
    /// Whether it is a number ([`crate::normalize::is_number`]).
    pub number: bool,
}

/// The largest symbol number (two bits of a packed token are flags; see
/// [`crate::index::Token`]).
pub const MAX_INDEX: u32 = (1 << 30) - 1;

fn global() -> &'static Mutex<FxHashMap<&'static str, Sym>> {
    static G: OnceLock<Mutex<FxHashMap<&'static str, Sym>>> = OnceLock::new();
    G.get_or_init(Default::default)
}

thread_local! {
    static LOCAL: std::cell::RefCell<FxHashMap<&'static str, Sym>> = Default::default();
}

impl Sym {
    /// The interned `s`.
    pub fn new(s: &str) -> Sym {
        if let Some(sym) = LOCAL.with(|l| l.borrow().get(s).copied()) {
            return sym;
        }
        let sym = {
            let mut g = global().lock().unwrap_or_else(|e| e.into_inner());
            match g.get(s) {
                Some(&sym) => sym,
                None => {
                    let index = u32::try_from(g.len()).ok().filter(|&i| i <= MAX_INDEX);
                    let index = index.expect("fewer than 2^30 distinct words");
                    let entry: &'static Entry = Box::leak(Box::new(Entry {
                        text: s.into(),
                        form: OnceLock::new(),
                        index,
                    }));
                    let sym = Sym(entry);
                    let (k, at) = slot(index);
                    let chunk = TABLE[k].get_or_init(|| (0..1usize << k).map(|_| OnceLock::new()).collect());
                    // Numbers are handed out once each, under the lock.
                    let _ = chunk[at].set(sym);
                    g.insert(&entry.text, sym);
                    sym
                }
            }
        };
        LOCAL.with(|l| l.borrow_mut().insert(&sym.0.text, sym));
        sym
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &'static str {
        &self.0.text
    }

    /// The analysis of this word (computed on first use, then shared).
    pub fn form(&self) -> &'static Form {
        self.0.form.get_or_init(|| {
            let text: &str = &self.0.text;
            let stem = Sym::new(&crate::stem::stem(text));
            let root = crate::stem::root_key(&stem).map(|r| Sym::new(&r));
            let bare = crate::stem::bare_stem(text).map(|b| Sym::new(&b));
            Form {
                stem,
                root,
                bare,
                root_variant: root.map(|r| Sym::new(&format!("r\u{1}{r}"))),
                clitic_variant: bare.map(|b| Sym::new(&format!("c\u{1}{b}"))),
                fragment: crate::index::is_fragment(text),
                number: crate::normalize::is_number(text),
            }
        })
    }

    /// The address, an identity for maps that need no order.
    #[inline]
    pub fn id(&self) -> usize {
        self.0 as *const Entry as usize
    }

    /// Its number: dense, from 0, in the order symbols were interned (which
    /// depends on thread timing: an identity, never an order to report).
    #[inline]
    pub fn index(&self) -> u32 {
        self.0.index
    }

    /// The symbol numbered `i` ([`Sym::index`]); panics if no symbol has
    /// that number yet (numbers come only from `index`).
    #[inline]
    pub fn from_index(i: u32) -> Sym {
        let (k, at) = slot(i);
        *TABLE[k]
            .get()
            .and_then(|chunk| chunk[at].get())
            .expect("a symbol number comes from Sym::index")
    }
}

impl std::ops::Deref for Sym {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        &self.0.text
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        &self.0.text
    }
}

impl std::borrow::Borrow<str> for Sym {
    fn borrow(&self) -> &str {
        &self.0.text
    }
}

impl PartialEq for Sym {
    #[inline]
    fn eq(&self, other: &Sym) -> bool {
        // One entry per text: equal texts are the same entry.
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Sym {}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        *self.0.text == *other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        *self.0.text == **other
    }
}

impl PartialEq<String> for Sym {
    fn eq(&self, other: &String) -> bool {
        *self.0.text == **other
    }
}

impl PartialEq<Sym> for str {
    fn eq(&self, other: &Sym) -> bool {
        *self == *other.0.text
    }
}

impl PartialEq<Sym> for &str {
    fn eq(&self, other: &Sym) -> bool {
        **self == *other.0.text
    }
}

impl PartialEq<Sym> for String {
    fn eq(&self, other: &Sym) -> bool {
        **self == *other.0.text
    }
}

impl Hash for Sym {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.text.hash(state);
    }
}

impl PartialOrd for Sym {
    fn partial_cmp(&self, other: &Sym) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Sym {
    fn cmp(&self, other: &Sym) -> std::cmp::Ordering {
        self.0.text.cmp(&other.0.text)
    }
}

impl std::fmt::Debug for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0.text, f)
    }
}

impl std::fmt::Display for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&*self.0.text, f)
    }
}

impl From<Sym> for String {
    fn from(s: Sym) -> String {
        s.as_str().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_are_one_symbol() {
        let a = Sym::new("المغرب");
        let b = Sym::new(&String::from("المغرب"));
        assert_eq!(a, b);
        assert_eq!(a.id(), b.id());
        assert_ne!(a, Sym::new("الجزائر"));
        assert_eq!(a, "المغرب");
        assert!(Sym::new("a") < Sym::new("b"));
        let other = std::thread::spawn(|| Sym::new("المغرب").id()).join().unwrap();
        assert_eq!(other, a.id());
    }

    #[test]
    fn numbers_resolve_to_their_symbols() {
        let words: Vec<Sym> = (0..3000).map(|i| Sym::new(&format!("w{i}"))).collect();
        for w in &words {
            assert_eq!(Sym::from_index(w.index()), *w);
        }
        assert_ne!(words[0].index(), words[1].index());
        assert_eq!(slot(0), (0, 0));
        assert_eq!(slot(1), (1, 0));
        assert_eq!(slot(2), (1, 1));
        assert_eq!(slot(3), (2, 0));
        assert_eq!(slot(u32::MAX - 1), (31, (1 << 31) - 1));
    }

    #[test]
    fn forms_are_the_stemmer_s() {
        let w = Sym::new("والمغربية");
        let f = w.form();
        assert_eq!(f.stem, crate::stem::stem("والمغربية"));
        assert_eq!(f.root.map(|r| r.to_string()), crate::stem::root_key(&f.stem));
        assert_eq!(f.bare.unwrap(), crate::stem::stem("المغربية"));
        assert_eq!(Sym::new("مغرب").form().bare, None);
    }
}
