#!/usr/bin/env python3
"""The brute-force peer of the benchmark: what a user would write instead of claimcheck.

Every claim is compared with every sentence of every article by RapidFuzz's
token_set_ratio (process.cdist, all cores); a claim is "found" in an article
when some sentence scores at least --cutoff. Prints one JSON line with the
wall time of each phase and the peak memory.

    python3 bench/peer_rapidfuzz.py DIR          # DIR/sources/*.txt, DIR/claims.yaml

Needs `pip install rapidfuzz`. Used by scripts/bench.sh; see BENCHMARKS.md.
"""
import argparse
import json
import os
import re
import resource
import sys
import time

from rapidfuzz import fuzz, process

SENTENCE_END = re.compile(r"[.!?\u061f\u061b\n]+")
CLAIM = re.compile(r'^\s*claim:\s*"(.*)"\s*$')


def load_claims(path):
    claims = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = CLAIM.match(line)
            if m:
                claims.append(m.group(1).replace('\\"', '"').replace("\\\\", "\\"))
    return claims


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--cutoff", type=float, default=80.0)
    ap.add_argument("--chunk", type=int, default=200_000, help="sentences per cdist call (bounds memory)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    src = os.path.join(args.dir, "sources")
    sentences, owner = [], []
    nbytes = 0
    for i, name in enumerate(sorted(os.listdir(src))):
        with open(os.path.join(src, name), encoding="utf-8") as f:
            text = f.read()
        nbytes += len(text.encode("utf-8"))
        for s in SENTENCE_END.split(text):
            s = s.strip()
            if s:
                sentences.append(s)
                owner.append(i)
    claims = load_claims(os.path.join(args.dir, "claims.yaml"))
    t1 = time.perf_counter()

    found = [set() for _ in claims]
    for lo in range(0, len(sentences), args.chunk):
        block = sentences[lo : lo + args.chunk]
        scores = process.cdist(
            claims, block, scorer=fuzz.token_set_ratio, workers=-1, dtype="uint8", score_cutoff=args.cutoff
        )
        for ci, row in enumerate(scores):
            for k in row.nonzero()[0]:
                found[ci].add(owner[lo + int(k)])
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        json.dumps(
            {
                "dir": args.dir,
                "mb": round(nbytes / 1e6, 1),
                "sentences": len(sentences),
                "claims": len(claims),
                "load_s": round(t1 - t0, 3),
                "match_s": round(t2 - t1, 3),
                "claims_per_s": round(len(claims) / (t2 - t1), 2),
                "peak_mb": round(peak / 1e6),
                "claims_found": sum(1 for f in found if f),
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
