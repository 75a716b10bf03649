"""The real Anki (the `anki` library from PyPI: the code of the desktop app) as the
oracle for tests/anki.rs. Each command prints one JSON object on stdout.

  check-import PACKAGE PARAMS_JSON     import a package into a fresh collection with its
                                       scheduling; counts, and each card's FSRS memory
                                       state as Anki computes it from the history
  make DIR CARDS SEED PARAMS_JSON      a collection of CARDS Basic notes with a generated
                                       history, exported as DIR/current.apkg,
                                       DIR/legacy.apkg and DIR/whole.colpkg
  study PACKAGE OUT ANSWERS            import a package, answer ANSWERS of its cards with
                                       Anki's scheduler now, export it again as OUT
  media PACKAGE...                     import the packages in turn into one fresh
                                       collection; its notes, the files in its media
                                       folder with their sizes, and each note's sounds

The collections live in temporary folders; the day starts at Anki's default rollover
(4:00) in the process's TZ, which the test sets.
"""

import json
import random
import sys
import tempfile
import os

from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from anki.decks import DeckId


def fresh(params):
    folder = tempfile.mkdtemp()
    col = Collection(os.path.join(folder, "collection.anki2"))
    col.set_config("fsrs", True)
    if params is not None:
        config = col.decks.get_config(1)
        config["fsrsParams6"] = params
        config["desiredRetention"] = 0.9
        col.decks.update_config(config)
    return col


def import_package(col, package):
    options = ImportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=False, merge_notetypes=True
    )
    col.import_anki_package(
        ImportAnkiPackageRequest(package_path=package, options=options)
    )


def memory(col, card_id):
    state = col.compute_memory_state(card_id)
    return {"stability": state.stability, "difficulty": state.difficulty}


def check_import(package, params):
    col = fresh(json.loads(params))
    import_package(col, package)
    # Anki computes the state from the history, not from the state the package carries.
    col.db.execute("update cards set data = '{}'")
    cards = {}
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        note = card.note()
        key = note["mensetsu id"] if "mensetsu id" in note.keys() else str(note.id)
        cards[key] = memory(col, card_id)
        cards[key]["reviews"] = col.db.scalar(
            "select count() from revlog where cid = ?", card_id
        )
    names = [d.name for d in col.decks.all_names_and_ids() if d.id != 1]
    result = {
        "notes": col.note_count(),
        "cards": col.card_count(),
        "decks": sorted(names),
        "revlog": col.db.scalar("select count() from revlog"),
        "notetypes": [m["name"] for m in col.models.all()],
        "cards_by_id": cards,
    }
    col.close()
    print(json.dumps(result))


def make(folder, count, seed, params):
    rng = random.Random(int(seed))
    col = fresh(json.loads(params))
    deck = col.decks.id("Anki made::Interview")
    basic = col.models.by_name("Basic")
    expected = {}
    # Times from 2025-09-01 (UTC), well before now, so no answer lies in the future.
    start_ms = 1756684800000
    used = set()
    for index in range(int(count)):
        note = col.new_note(basic)
        note["Front"] = f"Question {index}: how do you handle incident {index}?"
        note["Back"] = "<ul><li>Stop the bleeding</li><li>Write a post-mortem</li></ul>"
        if index % 3 == 0:
            note["Back"] = "第一の点<br>第二の点"
        note.tags = ["generated", f"group{index % 4}"]
        col.add_note(note, DeckId(deck))
        card = note.cards()[0]
        at = start_ms + rng.randrange(0, 20 * 86400000)
        reviews = []
        for step in range(rng.randrange(1, 12)):
            ease = rng.choices([1, 2, 3, 4], weights=[15, 10, 60, 15])[0]
            while at in used:
                at += 1
            used.add(at)
            kind = 0 if step == 0 else 1
            duration = rng.randrange(2000, 60000)
            col.db.execute(
                "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
                " values (?, ?, -1, ?, ?, 0, 0, ?, ?)",
                at, card.id, ease, 1, duration, kind,
            )
            reviews.append([at, ease, duration])
            # Mostly days apart, sometimes twice on one day.
            gap = rng.choice([600000, 3600000] + [86400000 * d for d in (1, 2, 3, 5, 8, 13, 21)])
            at += gap + rng.randrange(0, 3600000)
        # A due date set by hand (ease 0, an interval, the ease factor kept) is no
        # answer and must not come through. (With interval and factor 0 it would be a
        # reset, after which Anki's FSRS ignores the history before it.)
        col.db.execute(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
            " values (?, ?, -1, 0, 5, 1, 2500, 0, 4)", at + 5, card.id,
        )
        col.db.execute("update cards set type = 2, queue = 2, ivl = 1 where id = ?", card.id)
        expected[str(note.id)] = {"reviews": reviews}
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        expected[str(card.nid)].update(memory(col, card_id))
    col.export_anki_package(
        out_path=os.path.join(folder, "current.apkg"),
        options=ExportAnkiPackageOptions(with_scheduling=True),
        limit=None,
    )
    col.export_anki_package(
        out_path=os.path.join(folder, "legacy.apkg"),
        options=ExportAnkiPackageOptions(with_scheduling=True, legacy=True),
        limit=None,
    )
    col.export_collection_package(
        os.path.join(folder, "whole.colpkg"), include_media=False, legacy=False
    )
    print(json.dumps({"notes": expected}))


def study(package, out, answers):
    col = fresh(None)
    import_package(col, package)
    answered = []
    for card_id in col.find_cards("")[: int(answers)]:
        card = col.get_card(card_id)
        card.start_timer()
        states = col._backend.get_scheduling_states(card.id)
        rating = [3, 1, 4, 2][len(answered) % 4]
        ratings = {1: 0, 2: 1, 3: 2, 4: 3}
        from anki.scheduler.v3 import CardAnswer

        answer = col.sched.build_answer(
            card=card, states=states, rating=[
                CardAnswer.AGAIN, CardAnswer.HARD, CardAnswer.GOOD, CardAnswer.EASY
            ][ratings[rating]]
        )
        col.sched.answer_card(answer)
        answered.append({"id": card.note()["mensetsu id"], "rating": rating})
    col.export_anki_package(
        out_path=out,
        options=ExportAnkiPackageOptions(with_scheduling=True),
        limit=None,
    )
    print(json.dumps({"answered": answered}))


def media(*packages):
    import re

    col = fresh(None)
    for package in packages:
        import_package(col, package)
    folder = col.media.dir()
    files = {
        name: os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder)
    }
    sounds = {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        found = [n for f in note.fields for n in re.findall(r"\[sound:([^\]]+)\]", f)]
        if found:
            sounds[note["mensetsu id"]] = found
    # What Anki's own Check Media says of the collection: files the notes name that are
    # missing, and files no note names.
    check = col.media.check()
    result = {
        "notes": col.note_count(),
        "files": files,
        "sounds": sounds,
        "missing": list(check.missing),
        "unused": list(check.unused),
    }
    col.close()
    print(json.dumps(result))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"check-import": check_import, "make": make, "study": study, "media": media}[command](*args)
