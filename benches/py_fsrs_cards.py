#!/usr/bin/env python3
"""py-fsrs doing what `mensetsu cards --json` does, as a whole process, for the
side-by-side in BENCHMARKS.md: read a data folder's review logs from disk, replay them
through py-fsrs's default scheduler, print every reviewed card's state as JSON.

    python3 benches/real_data_dir.py /tmp/realdata
    hyperfine -N 'python3 benches/py_fsrs_cards.py /tmp/realdata' \
                 'target/release/mensetsu cards --json --data-dir /tmp/realdata'

The same files as mensetsu reads (`reviews/*.jsonl`, one JSON object a line); undo and
note records are left out here (the real log has none) and no deck is read, so this does
less than mensetsu, never more. Per card it prints what `cards --json` prints: state,
stability, difficulty, retrievability now, due, reps and lapses. Each `Card` gets its
`card_id` (see py_fsrs_replay.py for why that matters).
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path

from fsrs import Card, Rating, Scheduler, State


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    reviews = []
    for path in sorted(Path(sys.argv[1], "reviews").glob("*.jsonl")):
        with path.open(encoding="utf-8") as file:
            for line in file:
                if not line.strip():
                    continue
                record = json.loads(line)
                if "rating" not in record:
                    continue
                at = datetime.fromisoformat(record["at"]).astimezone(timezone.utc)
                reviews.append((at, record["card"], Rating(record["rating"]), record.get("duration_ms")))
    reviews.sort(key=lambda review: review[0])

    scheduler = Scheduler()
    cards: dict[str, Card] = {}
    reps: dict[str, int] = {}
    lapses: dict[str, int] = {}
    for at, card_id, rating, duration in reviews:
        card = cards.get(card_id)
        if card is None:
            card = Card(card_id=len(cards) + 1, due=at)
        if card.state == State.Review and rating == Rating.Again:
            lapses[card_id] = lapses.get(card_id, 0) + 1
        reps[card_id] = reps.get(card_id, 0) + 1
        cards[card_id], _ = scheduler.review_card(card, rating, at, duration)

    now = datetime.now(timezone.utc)
    rows = [
        {
            "id": card_id,
            "state": card.state.name.lower(),
            "stability": card.stability,
            "difficulty": card.difficulty,
            "retrievability": scheduler.get_card_retrievability(card, now),
            "due": card.due.isoformat(timespec="seconds"),
            "reps": reps[card_id],
            "lapses": lapses.get(card_id, 0),
        }
        for card_id, card in cards.items()
    ]
    json.dump(rows, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
