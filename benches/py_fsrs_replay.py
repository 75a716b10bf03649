#!/usr/bin/env python3
"""The real 12,580-review log replayed through py-fsrs, for BENCHMARKS.md's side-by-side
ratio with `cargo bench --bench replay` (`real_12580/replay`).

Same work as the Rust benchmark: the CSV is parsed once, outside the timing; a replay
sorts the reviews by time (the Rust side merges the log by time) and runs every review
through the default FSRS-6 scheduler (desired retention 0.9, learning steps 1m 10m,
relearning step 10m, fuzzing on), keeping one card state per card id.

Each `Card` is given its `card_id`. Without one, py-fsrs's `Card()` makes an id from the
clock and then sleeps 1 ms so the next id differs: 1,205 of the 1,422 ms this script
measured before (BENCHMARKS.md, figure 6) were that sleep, not scheduling.
`--clock-ids` measures it that way again, for the before/after.

    python3 -m venv /tmp/pyfsrs-venv
    /tmp/pyfsrs-venv/bin/pip install 'fsrs==6.3.*'
    /tmp/pyfsrs-venv/bin/python benches/py_fsrs_replay.py [--runs 20] [CSV]

The CSV defaults to tests/fixtures/real-log/fsrs-review-log-12580.csv in the repository;
without it the script says so and exits 0 (nothing measured).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import platform
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

from fsrs import Card, Rating, Scheduler

DEFAULT_CSV = Path(__file__).resolve().parent.parent / "tests/fixtures/real-log/fsrs-review-log-12580.csv"


def parse_csv(path: Path) -> list[tuple[datetime, str, Rating, int]]:
    reviews = []
    with path.open(encoding="utf-8") as file:
        next(file)  # header: card_id,review_rating,review_time,review_duration
        for line in file:
            line = line.strip()
            if not line:
                continue
            card_id, rating, at, duration = line.split(",")
            reviews.append((datetime.fromisoformat(at), card_id, Rating(int(rating)), int(duration)))
    return reviews


def replay(scheduler: Scheduler, reviews, clock_ids: bool = False) -> dict[str, Card]:
    cards: dict[str, Card] = {}
    # Stable sort by time, like the Rust log merge.
    for at, card_id, rating, duration in sorted(reviews, key=lambda review: review[0]):
        card = cards.get(card_id)
        if card is None:
            card = Card(due=at) if clock_ids else Card(card_id=len(cards) + 1, due=at)
        cards[card_id], _ = scheduler.review_card(card, rating, at, duration)
    return cards


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--clock-ids",
        action="store_true",
        help="let Card() make its ids from the clock, sleeping 1 ms each (the old figure)",
    )
    args = parser.parse_args()
    if not args.csv.is_file():
        print(f"skipped: {args.csv} not found (see BENCHMARKS.md)", file=sys.stderr)
        return 0

    reviews = parse_csv(args.csv)
    scheduler = Scheduler()
    cards = replay(scheduler, reviews, args.clock_ids)  # warm-up, and a check of the data
    if len(reviews) != 12_580 or len(cards) != 1_205:
        print(f"unexpected data: {len(reviews)} reviews of {len(cards)} cards", file=sys.stderr)
        return 1

    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        replay(scheduler, reviews, args.clock_ids)
        times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    print(
        f"py-fsrs {importlib.metadata.version('fsrs')} on Python {platform.python_version()}: "
        f"replay of {len(reviews)} reviews of {len(cards)} cards"
        f"{' (ids from the clock)' if args.clock_ids else ''}, {args.runs} runs: "
        f"median {statistics.median(times):.1f} ms, min {times[0]:.1f} ms, max {times[-1]:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
