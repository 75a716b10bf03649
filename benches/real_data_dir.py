#!/usr/bin/env python3
"""A mensetsu data folder holding the real 12,580-review log, for the whole-process
benchmarks in BENCHMARKS.md (`mensetsu cards --json` and the py-fsrs comparison).

    python3 benches/real_data_dir.py DIR [CSV]

DIR gets `decks/real-log.json` (one user deck of the log's 1,205 card ids, in order of
first review) and `reviews/real.jsonl` (one review record per CSV line, in file order).
The CSV's times are UTC; the user lived at UTC-5, so the records carry that offset,
which is what decides their study days. The CSV defaults to
tests/fixtures/real-log/fsrs-review-log-12580.csv in the repository.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

DEFAULT_CSV = Path(__file__).resolve().parent.parent / "tests/fixtures/real-log/fsrs-review-log-12580.csv"
LOCAL = timezone(timedelta(hours=-5))


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(sys.argv[1])
    csv = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_CSV
    (out / "decks").mkdir(parents=True, exist_ok=True)
    (out / "reviews").mkdir(parents=True, exist_ok=True)
    cards: dict[str, None] = {}
    lines = []
    with csv.open(encoding="utf-8") as file:
        next(file)  # card_id,review_rating,review_time,review_duration
        for number, line in enumerate(file, start=1):
            line = line.strip()
            if not line:
                continue
            card, rating, at, duration = line.split(",")
            cards.setdefault(card)
            local = datetime.fromisoformat(at).astimezone(LOCAL)
            record = {
                "id": f"real-{number}",
                "card": card,
                "at": local.isoformat(timespec="milliseconds"),
                "rating": int(rating),
                "duration_ms": int(duration),
            }
            lines.append(json.dumps(record, separators=(",", ":")))
    (out / "reviews" / "real.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    deck = {
        "format": 1,
        "id": "real-log",
        "title": {"en": "Cards of the real log"},
        "cards": [{"id": card, "question": {"en": f"Card {card}"}} for card in cards],
    }
    (out / "decks" / "real-log.json").write_text(json.dumps(deck, indent=1), encoding="utf-8")
    print(f"{out}: {len(lines)} reviews of {len(cards)} cards", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
