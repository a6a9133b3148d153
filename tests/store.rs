//! The persistent index end to end: `claimcheck index SOURCES -o DIR` then
//! `check --index DIR` must give the very bytes and exit code a run without
//! the index gives (seeds, example and gold claims, across thread counts);
//! `index` again re-analyzes only the files whose content changed and drops
//! the removed ones (the counts on stderr say so); a stale index still gives
//! the same report, with a warning; a damaged, foreign or other-version
//! index folder is an input error (exit 2) naming the file and the fix.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

mod common;
use common::SEED_CLAIMS as CLAIMS;

/// A run folder: a copy of the seeds (with sidecars) in `seeds/`, the claims files in `claims/`.
fn run_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("seeds")).unwrap();
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    for entry in std::fs::read_dir(root().join("seeds")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join("seeds").join(entry.file_name())).unwrap();
    }
    for c in CLAIMS {
        let name = Path::new(c).file_name().unwrap();
        std::fs::copy(root().join(c), dir.path().join("claims").join(name)).unwrap();
    }
    dir
}

fn claims_args() -> Vec<String> {
    CLAIMS
        .iter()
        .map(|c| format!("claims/{}", Path::new(c).file_name().unwrap().to_string_lossy()))
        .collect()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str], threads: Option<&str>) -> Run {
    let mut cmd = Command::cargo_bin("claimcheck").unwrap();
    cmd.current_dir(dir).args(args).env("NO_COLOR", "1");
    match threads {
        Some(n) => cmd.env("RAYON_NUM_THREADS", n),
        None => cmd.env_remove("RAYON_NUM_THREADS"),
    };
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// `check` over every claims file against `seeds`, with extra arguments.
fn check(dir: &Path, format: &str, extra: &[&str], threads: Option<&str>) -> Run {
    let claims = claims_args();
    let mut args: Vec<&str> = vec!["check", "--sources", "seeds", "-f", format];
    args.extend(claims.iter().map(String::as_str));
    args.extend(extra);
    run(dir, &args, threads)
}

fn index(dir: &Path) -> Run {
    let r = run(dir, &["index", "seeds", "-o", "ix"], None);
    assert_eq!(r.code, 0, "index: {}", r.stderr);
    r
}

/// The stderr summary of `index`: (reused, analyzed, removed).
fn counts(r: &Run) -> (usize, usize, usize) {
    let line = r
        .stderr
        .lines()
        .find(|l| l.starts_with("index ix:"))
        .expect("summary line");
    let num = |word: &str| -> usize {
        let before = line.split(&format!(" {word}")).next().unwrap();
        before
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    (num("reused"), num("analyzed"), num("removed"))
}

/// The report with the index equals the report without it, in these
/// formats, and in the first across thread counts.
fn assert_same(dir: &Path, formats: &[&str]) -> Vec<String> {
    let mut stderrs = Vec::new();
    for (i, format) in formats.iter().enumerate() {
        let plain = check(dir, format, &[], None);
        assert!(plain.code == 0 || plain.code == 1, "{}", plain.stderr);
        assert!(!plain.stdout.is_empty());
        let threads: &[Option<&str>] = if i == 0 { &[None, Some("1"), Some("2")] } else { &[None] };
        for &threads in threads {
            let with = check(dir, format, &["--index", "ix"], threads);
            assert_eq!(with.code, plain.code, "{format} {threads:?}: {}", with.stderr);
            assert_eq!(
                with.stdout, plain.stdout,
                "{format}, threads {threads:?}: report differs with --index"
            );
            stderrs.push(with.stderr);
        }
    }
    stderrs
}

#[test]
fn reports_are_identical_with_and_without_the_index() {
    let dir = run_folder();
    let r = index(dir.path());
    assert_eq!(counts(&r), (0, 5, 0));
    for stderr in assert_same(dir.path(), &["json", "table"]) {
        assert!(!stderr.contains("stale"), "{stderr}");
    }
}

#[test]
fn index_updates_only_what_changed() {
    let dir = run_folder();
    let seeds = dir.path().join("seeds");
    assert_eq!(counts(&index(dir.path())), (0, 5, 0));
    // Same content rewritten (new mtime): the content decides, nothing to redo.
    let p0 = seeds.join("000_3f771042d9a5faa8.txt");
    let text = std::fs::read_to_string(&p0).unwrap();
    std::fs::write(&p0, &text).unwrap();
    assert_eq!(counts(&index(dir.path())), (5, 0, 0));
    // One modified, one added, one removed.
    std::fs::write(
        &p0,
        format!("{text}\nوقال المتحدث إن الزيارة ستتم في شهر مارس المقبل.\n"),
    )
    .unwrap();
    std::fs::write(
        seeds.join("new_article.txt"),
        "المغرب اشترى ٣٠ طائرة من فرنسا عام ٢٠٢٠.\n",
    )
    .unwrap();
    std::fs::remove_file(seeds.join("001_c7587bccc0fc7438.txt")).unwrap();
    // Before refreshing: same report, and a warning that the index is stale.
    let claims = "claims/example.yaml";
    let plain = run(dir.path(), &["check", "--sources", "seeds", "-f", "json", claims], None);
    let stale = run(
        dir.path(),
        &["check", "--sources", "seeds", "-f", "json", "--index", "ix", claims],
        None,
    );
    assert_eq!(stale.stdout, plain.stdout);
    assert_eq!(stale.code, plain.code);
    assert!(
        stale.stderr.contains("is stale")
            && stale.stderr.contains("2 of 5 sources")
            && stale.stderr.contains("claimcheck index seeds -o ix"),
        "{}",
        stale.stderr
    );
    assert_eq!(counts(&index(dir.path())), (3, 2, 1));
    assert_eq!(counts(&index(dir.path())), (5, 0, 0));
    for stderr in assert_same(dir.path(), &["json"]) {
        assert!(!stderr.contains("stale"), "{stderr}");
    }
}

/// `check --index ix` exits 2 with a message holding every piece of `want`.
fn assert_refused(dir: &Path, want: &[&str]) {
    let r = run(
        dir,
        &["check", "--sources", "seeds", "--index", "ix", "claims/example.yaml"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    for w in want {
        assert!(r.stderr.contains(w), "expected `{w}` in: {}", r.stderr);
    }
}

#[test]
fn damaged_foreign_or_old_indexes_are_input_errors() {
    let dir = run_folder();
    let ix = dir.path().join("ix");
    // No index at all.
    assert_refused(
        dir.path(),
        &["ix: not a claimcheck index", "claimcheck index SOURCES -o ix"],
    );
    index(dir.path());
    // Damaged data: a byte flipped in the middle.
    let data = ix.join("data.bin");
    let good = std::fs::read(&data).unwrap();
    let mut bad = good.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x55;
    std::fs::write(&data, &bad).unwrap();
    assert_refused(dir.path(), &["ix/data.bin", "damaged", "claimcheck index seeds -o ix"]);
    // Truncated data.
    std::fs::write(&data, &good[..good.len() / 3]).unwrap();
    assert_refused(
        dir.path(),
        &["ix/data.bin", "damaged", "missing", "claimcheck index seeds -o ix"],
    );
    // `index` rebuilds a damaged index, saying so.
    let r = index(dir.path());
    assert!(
        r.stderr.contains("damaged") && r.stderr.contains("rebuilding"),
        "{}",
        r.stderr
    );
    assert_eq!(counts(&r), (0, 5, 0));
    // A manifest that is not JSON.
    let manifest = ix.join("manifest.json");
    let good = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, &good[..good.len() / 2]).unwrap();
    assert_refused(dir.path(), &["ix/manifest.json", "damaged"]);
    // Another version.
    std::fs::write(
        &manifest,
        good.replace("\"claimcheck\": \"", "\"claimcheck\": \"0.0.0-old"),
    )
    .unwrap();
    assert_refused(
        dir.path(),
        &["written by claimcheck 0.0.0-old", "claimcheck index seeds -o ix"],
    );
    // Some other JSON.
    std::fs::write(&manifest, "{\"format\": \"something\"}").unwrap();
    assert_refused(dir.path(), &["not a claimcheck index"]);
    // `index -o` refuses to write into a folder holding other things.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    let r = run(dir.path(), &["index", "seeds", "-o", "other"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("other exists and is not a claimcheck index"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_dir(&other).unwrap().count(), 1);
}
