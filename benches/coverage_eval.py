#!/usr/bin/env python3
"""Answer-point detection measured on labelled drafts (BENCHMARKS.md, "Draft coverage").

    cargo build --release
    python3 benches/coverage_eval.py [LABELLED.jsonl] [--bin target/release/mensetsu] [--data-dir DIR]

LABELLED.jsonl defaults to ../shared/data/coverage-dev.jsonl: lines {"card", "lang",
"draft", "covered"} (see its README). Every (draft, point) pair is one prediction;
precision, recall and F1 are over those pairs. Beside mensetsu's detector, a baseline:
character-bigram overlap (the share of a point's character bigrams found in the draft,
the better of its two languages), with the threshold that suits it best on the same file
(which flatters the baseline). --data-dir DIR adds the decks in DIR/decks (drafts on cards
of decks mensetsu does not ship) and is handed on to the binary.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_points(data_dir=None):
    points = {}
    folders = [ROOT / "decks"] + ([data_dir / "decks"] if data_dir else [])
    for path in sorted(p for folder in folders for p in folder.glob("*.json")):
        deck = json.loads(path.read_text())
        for card in deck["cards"]:
            points[card["id"]] = card.get("points", [])
    return points


def bigrams(text):
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(c for c in text if c.isalnum())
    return {text[i : i + 2] for i in range(len(text) - 1)}


def baseline_scores(draft, points):
    grams = bigrams(draft)
    scores = []
    for point in points:
        best = 0.0
        for lang in ("ja", "en"):
            mine = bigrams(point.get(lang, ""))
            if mine:
                best = max(best, len(mine & grams) / len(mine))
        scores.append(best)
    return scores


def measure(rows, predicted):
    tp = fp = fn = tn = 0
    for row, covered in zip(rows, predicted):
        truth = set(row["covered"])
        for index in range(row["points"]):
            said, real = index in covered, index in truth
            tp += said and real
            fp += said and not real
            fn += real and not said
            tn += not said and not real
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, (tp, fp, fn, tn)


def main():
    args = sys.argv[1:]
    binary = ROOT / "target" / "release" / "mensetsu"
    if "--bin" in args:
        at = args.index("--bin")
        binary = Path(args[at + 1])
        del args[at : at + 2]
    data_dir = None
    if "--data-dir" in args:
        at = args.index("--data-dir")
        data_dir = Path(args[at + 1])
        del args[at : at + 2]
    args = [a for a in args if not a.startswith("-")]
    labelled = Path(args[0]) if args else ROOT.parent / "shared" / "data" / "coverage-dev.jsonl"
    points = load_points(data_dir)
    rows = [json.loads(line) for line in labelled.read_text().splitlines() if line.strip()]
    for row in rows:
        row["points"] = len(points[row["card"]])
    request = "".join(
        json.dumps({"card": r["card"], "lang": r["lang"], "draft": r["draft"]}) + "\n" for r in rows
    )
    run = subprocess.run(
        [str(binary), "coverage", "--jsonl", "-"] + (["--data-dir", str(data_dir)] if data_dir else []),
        input=request, capture_output=True, text=True
    )
    outputs = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(outputs) == len(rows), run.stderr
    ours = [set(o["covered"]) for o in outputs]
    p, r, f, counts = measure(rows, ours)
    print(f"{labelled.name}: {len(rows)} drafts, {sum(row['points'] for row in rows)} point labels")
    print(f"mensetsu   precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (tp fp fn tn {counts})")
    base = [baseline_scores(row["draft"], points[row["card"]]) for row in rows]
    best = max(
        ((t / 100, measure(rows, [{i for i, s in enumerate(b) if s >= t / 100} for b in base])) for t in range(5, 100, 5)),
        key=lambda item: item[1][2],
    )
    t, (p, r, f, counts) = best
    print(f"baseline   precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (character bigrams, best threshold {t:.2f})")
    if "-v" in sys.argv or "--verbose" in sys.argv:
        for row, out, covered in zip(rows, outputs, ours):
            truth = set(row["covered"])
            if covered != truth:
                print(f"  {row['card']} {row['lang']}: said {sorted(covered)} truth {sorted(truth)} scores {out['scores']}")


if __name__ == "__main__":
    main()
