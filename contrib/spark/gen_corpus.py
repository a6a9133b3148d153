#!/usr/bin/env python3
"""Generate a deterministic test corpus: articles recombined from seed sentences.

    gen_corpus.py SEEDS_DIR OUT_DIR [--count N] [--seed S]

OUT_DIR receives the seed files themselves (with their .charmap sidecars) and
N generated articles under OUT_DIR/gen/ (gen/g00000.txt ...): each a title
line and 6 to 14 sentences drawn from the seeds with a seeded generator, so
claims about the seeds meet passages in many articles, and document
frequencies differ from shard to shard. The same arguments always give the
same bytes.
"""

import argparse
import os
import random
import re
import shutil


def sentences(text):
    parts = re.split(r"(?<=[.!?؟])\s+|\n+", text)
    return [p.strip() for p in parts if len(p.strip()) >= 20]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("seeds")
    p.add_argument("out")
    p.add_argument("--count", type=int, default=3000)
    p.add_argument("--seed", type=int, default=8)
    args = p.parse_args()
    os.makedirs(os.path.join(args.out, "gen"), exist_ok=True)
    pool = []
    for name in sorted(os.listdir(args.seeds)):
        path = os.path.join(args.seeds, name)
        shutil.copyfile(path, os.path.join(args.out, name))
        if name.endswith(".txt"):
            with open(path, encoding="utf-8-sig") as f:
                # Private-use characters are declared only for their own file.
                pool.extend(s for s in sentences(f.read()) if not re.search("[\ue000-\uf8ff]", s))
    rng = random.Random(args.seed)
    for i in range(args.count):
        body = [rng.choice(pool) for _ in range(rng.randint(6, 14))]
        text = rng.choice(pool) + "\n\n" + "\n".join(body) + "\n"
        with open(os.path.join(args.out, "gen", f"g{i:05}.txt"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
