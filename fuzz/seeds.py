#!/usr/bin/env python3
"""Seed corpora for the fuzz targets: writes corpus/<target>/ (run from fuzz/).

    python3 seeds.py [out-dir]      # default: corpus

search:   queries using every key of the syntax, negation, quotes, full-width and
          Japanese text, and each malformed query of tests/search.rs (one query a file).
coverage: each line of ../../shared/data/coverage-dev.jsonl, the whole file (LF and CRLF),
          drafts made of the points of the first cards of every bundled deck, and broken
          lines (unknown card, bad lang, missing fields, not JSON, not UTF-8).
settings: the app's defaults written out, variants at and beyond every bound (FSRS-6
          parameters included), and the broken files of tests/fixtures/bad-input/settings.
log:      the broken logs of tests/fixtures/bad-input/logs, every log line written in
          tests/ and src/ (one a file), a line of every record kind (review with every
          field, mock answer, undo, note, suspend, bury, flag, own points, story,
          interview), and those lines together (plain, cut off, with a BOM and CRLF).
import:   the seed guides of ../../shared/seeds and the three test guides of
          src/core/content/import.rs (pipe table with JSON front matter, numbered list
          with YAML front matter, plain text).
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "corpus"))


def put(target, name, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, name), "wb") as file:
        file.write(data)


def copy(target, source, prefix=""):
    put(target, prefix + os.path.basename(source), open(source, "rb").read())


QUERIES = [
    "", "vpoe", "負債", "技術的 負債", "ｍｔｔｒ", "\"hiring plan\"", "\"技術的負債\"",
    "deck:vpoe", "deck:VPoE*", "deck:*interview*", "deck:役割の基礎知識*", "deck:cto is:new",
    "deck:hoe is:due", "deck:vpoe -is:new", "-deck:role-fundamentals tag:devops",
    "card:vpoe-q01", "card:cto-q*", "card:*-q1*", "card:fund-00?", "tag:leech",
    "tag:finops tag:cloud-cost", "tag:architecture -tag:devops", "is:new", "is:learn",
    "is:review", "is:due", "is:suspended", "is:buried", "is:leech", "-is:suspended is:due",
    "flag:0", "flag:1", "flag:7", "deck:hoe flag:4", "lapses>2", "lapses>=1", "lapses<3",
    "lapses<=0", "lapses=0", "lapses:5", "prop:due<0", "prop:due>=-3", "prop:lapses>1",
    "prop:reps<=10", "prop:reps=0 deck:cto", "prop:due<3 is:review", "incident MTTR -is:new",
    "\"on-call\" deck:hoe", "採用 OR 評価", "(deck:cto OR deck:vpoe) is:due", "role:cto",
    "Deck:CTO IS:DUE Flag:2", "\u3000deck:vpoe\u3000負債", "-\"legacy code\" tag:architecture",
    # Malformed.
    "foo:bar", "deck:s is:nonsense", "lapses>many", "負債 flag:12", "\"unclosed", "- is:new",
    "deck:", "deck=vpoe", "is:", "flag:", "flag:x", "prop:due", "prop:size<3", "prop:due<",
    "lapses>", ":x", "<3", "prop:due<99999999999999999999", "lapses>-9223372036854775808",
    "card:", "tag:",
]


def search():
    for index, query in enumerate(QUERIES):
        put("search", f"seed-{index:03}", query)


def coverage():
    path = os.path.join(SHARED, "data", "coverage-dev.jsonl")
    lines = open(path, encoding="utf-8").read().splitlines()
    for index, line in enumerate(lines):
        put("coverage", f"dev-{index:03}", line + "\n")
    put("coverage", "dev-all", "\n".join(lines) + "\n")
    put("coverage", "dev-crlf", "\r\n".join(lines[:5]) + "\r\n")
    drafts = []
    for deck_file in sorted(glob.glob(os.path.join(ROOT, "decks", "*.json"))):
        deck = json.load(open(deck_file, encoding="utf-8"))
        for card in deck["cards"][:3]:
            points = [p for p in card.get("points") or [] if isinstance(p, dict)]
            ja = " ".join(p.get("ja") or "" for p in points)
            en = " ".join(p.get("en") or "" for p in points)
            drafts.append(json.dumps({"card": card["id"], "lang": "ja", "draft": ja}, ensure_ascii=False))
            drafts.append(json.dumps({"card": card["id"], "lang": "en", "draft": en}))
            drafts.append(json.dumps({"card": card["id"], "draft": ""}))
    for index, line in enumerate(drafts):
        put("coverage", f"cards-{index:03}", line + "\n")
    bad = [
        '{"card":"vpoe-q01","lang":"fr","draft":"bonjour"}',
        '{"card":"nope","lang":"ja","draft":"x"}',
        '{"card":"vpoe-q01"}', '{"draft":"no card"}', 'not json', '[1,2,3]', '{"card":1,"draft":2}',
        '{"card":"vpoe-q01","lang":null,"draft":"MTTR ROI 2割"}',
        '\n\n  \n{"card":"hoe-q01","draft":"技術負債"}\n\n',
        '{"card":"vpoe-q01","lang":"en","draft":"' + "velocity " * 300 + '"}',
        '{"card":"vpoe-q01","lang":"ja","draft":"\\u0000\\ud83d\\ude00 ｍｔｔｒ"}',
    ]
    for index, line in enumerate(bad):
        put("coverage", f"bad-{index:03}", line + "\n")
    put("coverage", "bad-utf8", b'{"card":"vpoe-q01","draft":"\xff\xfe"}\n')


def settings():
    full = {
        "desired_retention": 0.9, "new_cards_per_day": 20, "day_rollover_hour": 4,
        "learning_steps_minutes": [1.0, 10.0], "relearning_steps_minutes": [10.0],
        "maximum_interval_days": 36500, "answer_target_seconds": 120, "ui_language": None,
        "content_language": None, "theme": "system", "text_scale": 1.0, "fsrs_parameters": None,
        "final_sweep_days": 3, "leech_threshold": 8, "leech_action": "tag",
    }
    put("settings", "default", json.dumps(full, indent=2) + "\n")
    fsrs6 = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666,
             0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658,
             0.1542]
    variants = [
        dict(full, ui_language="ja", content_language="both", theme="dark", text_scale=1.25),
        dict(full, ui_language="en", content_language="both-english-first", theme="light",
             leech_action="suspend"),
        dict(full, content_language="ja", fsrs_parameters=fsrs6, desired_retention=0.85),
        dict(full, content_language="en", fsrs_parameters=fsrs6[:19]),
        dict(full, fsrs_parameters=[0.0] * 21),
        dict(full, fsrs_parameters=[1e30] * 21),
        dict(full, learning_steps_minutes=[], relearning_steps_minutes=[]),
        dict(full, learning_steps_minutes=[0.0167, 1440.0, 0.5], relearning_steps_minutes=[1440.1]),
        dict(full, desired_retention=0.7, new_cards_per_day=0, day_rollover_hour=0,
             maximum_interval_days=1, answer_target_seconds=10, final_sweep_days=0,
             leech_threshold=1, text_scale=0.75),
        dict(full, desired_retention=0.99, new_cards_per_day=9999, day_rollover_hour=23,
             maximum_interval_days=36500, answer_target_seconds=1800, final_sweep_days=14,
             leech_threshold=99, text_scale=2.0),
        dict(full, desired_retention=1e-40, text_scale=3.4e38, new_cards_per_day=4294967295),
        {"new_cards_per_day": 7, "future_field": {"nested": [1, 2]}},
        {},
    ]
    for index, variant in enumerate(variants):
        put("settings", f"variant-{index:02}", json.dumps(variant, indent=2, ensure_ascii=False) + "\n")
    for path in glob.glob(os.path.join(ROOT, "tests", "fixtures", "bad-input", "settings", "*")):
        copy("settings", path, "fixture-")


KINDS = [
    '{"id":"pc-1","card":"vpoe-q01","at":"2026-11-22T09:00:00+09:00","rating":3,"duration_ms":95000,"points_covered":[0,1],"points_detected":[1],"points_total":3,"answer":"シャーディング\\n\\"quoted\\""}',
    '{"id":"pc-2","card":"vpoe-q02","at":"2026-11-22T09:05:00+09:00","rating":1,"mode":"mock","session":"pc-0"}',
    '{"id":"pc-3","at":"2026-11-22T09:06:00+09:00","undo":"pc-2"}',
    '{"id":"pc-4","card":"cto-q01","at":"2026-11-22T09:07:00+09:00","note":"前職で…"}',
    '{"id":"pc-5","card":"hoe-q03","at":"2026-11-22T09:08:00+09:00","suspended":true}',
    '{"id":"pc-6","at":"2026-11-22T09:09:00+09:00","undo":"pc-5"}',
    '{"id":"pc-7","card":"hoe-q04","at":"2026-11-22T09:10:00+09:00","buried_until":"2026-11-23"}',
    '{"id":"pc-8","card":"hoe-q05","at":"2026-11-22T09:11:00+09:00","flag":7}',
    '{"id":"pc-9","card":"hoe-q05","at":"2026-11-22T09:12:00+09:00","flag":0}',
    '{"id":"pc-10","card":"vpoe-q01","at":"2026-11-22T09:13:00+09:00","own_points":["Cut MTTR from 4h to 30m","採用を2倍"]}',
    '{"id":"pc-11","at":"2026-11-22T09:14:00+09:00","story":"pc-11","title":"Outage","situation":"DB down","task":"restore","action":"failover","result":"30 min","lang":"en","competencies":["incidents"],"cards":["vpoe-q01","cto-q02"]}',
    '{"id":"pc-12","at":"2026-11-22T09:15:00+09:00","story":"pc-11","title":"Outage","removed":true}',
    '{"id":"pc-13","at":"2026-11-22T09:16:00+09:00","interview":"pc-13","name":"Acme","date":"2026-12-20","decks":["vpoe"],"roles":["cto"]}',
    '{"id":"pc-14","at":"2026-11-22T09:17:00+09:00","interview":"pc-13","name":"Acme","date":"2026-12-20","removed":true}',
    '{"id":"pc-15","card":"vpoe-q01","at":"2026-11-23T01:00:00Z","rating":4}',
    '{"id":"pc-16","card":"vpoe-q01","at":"2026-11-24T09:00:00.250-08:00","rating":2}',
]


def log():
    for path in glob.glob(os.path.join(ROOT, "tests", "fixtures", "bad-input", "logs", "*")):
        copy("log", path, "fixture-")
    found = subprocess.run(
        ["grep", "-rhoE", r'\{[^{}]*"(id|card)"[^{}]*"at"[^{}]*\}',
         os.path.join(ROOT, "tests"), os.path.join(ROOT, "src"), "--include=*.rs"],
        capture_output=True, text=True, check=False,
    ).stdout.splitlines()
    lines = []
    for line in dict.fromkeys(found):
        if "{{" in line or "}}" in line:
            continue  # a format! template
        try:
            json.loads(line)
        except ValueError:
            continue
        lines.append(line)
    lines += KINDS
    for index, line in enumerate(lines):
        put("log", f"line-{index:03}.jsonl", line + "\n")
    put("log", "all-kinds.jsonl", "\n".join(KINDS) + "\n")
    put("log", "all-valid.jsonl", "\n".join(lines) + "\n")
    put("log", "all-kinds-cut.jsonl", "\n".join(KINDS)[:-25])
    put("log", "all-kinds-crlf-bom.jsonl", b"\xef\xbb\xbf" + "\r\n".join(KINDS).encode() + b"\r\n")


def import_():
    for path in glob.glob(os.path.join(SHARED, "seeds", "*")):
        copy("import", path)
    source = open(os.path.join(ROOT, "src", "core", "content", "import.rs"), encoding="utf-8").read()
    for match in re.finditer(r'const (\w+_GUIDE): &str = "(.*?)";\n', source, re.S):
        text = match.group(2).replace('\\"', '"').replace("\\\\", "\\")
        put("import", f"test-{match.group(1).lower()}.md", text)


def anki():
    """Packages mensetsu writes (one deck; all decks with a short history) and the kinds
    of damage the reader's tests try; runs the debug binary, which must be built."""
    binary = os.path.join(ROOT, "target", "debug", "mensetsu")
    data = os.path.join(OUT, "..", "anki-data")
    os.makedirs(os.path.join(data, "reviews"), exist_ok=True)
    with open(os.path.join(data, "reviews", "seed.jsonl"), "w", encoding="utf-8") as log:
        for index, rating in enumerate([3, 1, 3, 4]):
            log.write(json.dumps({"id": f"seed-{index + 1}", "card": "vpoe-q01",
                                  "at": f"2026-0{index + 1}-10T09:00:00+09:00", "rating": rating}) + "\n")
    for args, name in [(["--apkg", "vpoe"], "vpoe.apkg"), (["--all", "--with-history"], "all.apkg")]:
        out = os.path.join(OUT, "anki", name)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        subprocess.run([binary, "--data-dir", data, "export", *args, "-o", out, "--force"], check=True)
    put("anki", "not-a-zip", b"#separator:tab\n")
    put("anki", "empty-zip", b"PK\x05\x06" + b"\x00" * 18)


if __name__ == "__main__":
    search()
    coverage()
    settings()
    log()
    import_()
    anki()
    for target in ["search", "coverage", "settings", "log", "import", "anki"]:
        print(target, len(os.listdir(os.path.join(OUT, target))), "seeds")
