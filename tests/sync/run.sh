#!/usr/bin/env bash
# Two computers sharing a data folder through a real sync tool (#31): two Syncthing
# instances on the loopback interface, each with its own home and its own copy of one
# data folder, drive `mensetsu` on both sides and check that
#   1. answers and marks made on both computers merge into the same card states on each;
#   2. a deck edited on both between syncs comes back as Syncthing's conflict copy, which
#      `mensetsu check` reports (exit 1) on both computers, and which
#      `mensetsu conflicts resolve --keep merge` resolves on one of them: after the next
#      sync both have the merged deck, the copy in conflicts/resolved/, and a clean check;
#   3. settings.json likewise, resolved setting by setting (--take-other).
# "Between syncs" is made by pausing the folder on the second computer while both edit.
# Sync is waited for through Syncthing's REST API (/rest/db/completion and
# /rest/db/status, polled), never by sleeping a guessed time. Discovery, relays, NAT
# traversal and usage reporting are off; each device knows the other at 127.0.0.1.
#
# Run as root on Debian 12 (installs syncthing, curl and jq if missing), or as anyone
# with them installed:
#   MENSETSU_BIN=target/debug/mensetsu bash tests/sync/run.sh
# About 20 seconds. Exits non-zero if any check fails; the instances' logs are in
# $SYNC_OUT (default target/sync).
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
for tool in syncthing curl jq; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

bin=$(realpath "${MENSETSU_BIN:-target/debug/mensetsu}")
out=${SYNC_OUT:-target/sync}
rm -rf "$out"
mkdir -p "$out"
out=$(realpath "$out")
folder_id=mensetsu
api_key=mensetsu-sync-test
# Ports of our own, away from Syncthing's defaults (another instance may run here).
base=$((20000 + RANDOM % 20000))

pids=()
stop_all() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop_all EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# --- the two computers --------------------------------------------------------------
gui_port() { case $1 in a) echo $((base)) ;; b) echo $((base + 1)) ;; esac; }
sync_port() { case $1 in a) echo $((base + 2)) ;; b) echo $((base + 3)) ;; esac; }
api() {
    local side=$1 method=$2 path=$3
    shift 3
    curl -fsS -X "$method" -H "X-API-Key: $api_key" "$@" "http://127.0.0.1:$(gui_port "$side")$path"
}

for side in a b; do
    home=$out/$side/syncthing
    mkdir -p "$home" "$out/$side/data" "$out/$side/home"
    chmod 700 "$out/$side/data"
    syncthing generate --home="$home" --no-default-folder --skip-port-probing >"$out/$side/generate.log" 2>&1
    # Loopback only, nothing announced or relayed, no usage reports or upgrades.
    sed -i \
        -e "s#<listenAddress>[^<]*</listenAddress>#<listenAddress>tcp://127.0.0.1:$(sync_port "$side")</listenAddress>#" \
        -e 's#<globalAnnounceEnabled>true#<globalAnnounceEnabled>false#' \
        -e 's#<localAnnounceEnabled>true#<localAnnounceEnabled>false#' \
        -e 's#<relaysEnabled>true#<relaysEnabled>false#' \
        -e 's#<natEnabled>true#<natEnabled>false#' \
        -e 's#<urAccepted>[^<]*<#<urAccepted>-1<#' \
        -e 's#<startBrowser>true#<startBrowser>false#' \
        -e 's#<crashReportingEnabled>true#<crashReportingEnabled>false#' \
        -e 's#<autoUpgradeIntervalH>[^<]*<#<autoUpgradeIntervalH>0<#' \
        "$home/config.xml"
    # The lock is per computer (README): syncing it would tell the other nothing.
    printf '.lock\n' >"$out/$side/data/.stignore"
    STNOUPGRADE=1 syncthing serve --home="$home" --no-browser --no-restart --no-upgrade \
        --gui-address="http://127.0.0.1:$(gui_port "$side")" --gui-apikey="$api_key" \
        >"$out/$side/syncthing.log" 2>&1 &
    pids+=($!)
done

for side in a b; do
    for _ in $(seq 100); do api "$side" GET /rest/system/ping >/dev/null 2>&1 && break; sleep 0.1; done
    api "$side" GET /rest/system/ping >/dev/null || fail "syncthing $side did not start (see $out/$side/syncthing.log)"
done
id_a=$(api a GET /rest/system/status | jq -r .myID)
id_b=$(api b GET /rest/system/status | jq -r .myID)

for side in a b; do
    if [[ $side == a ]]; then other=b other_id=$id_b; else other=a other_id=$id_a; fi
    api "$side" POST /rest/config/devices -H 'Content-Type: application/json' -d "$(jq -n \
        --arg id "$other_id" --arg name "$other" --arg address "tcp://127.0.0.1:$(sync_port "$other")" \
        '{deviceID: $id, name: $name, addresses: [$address], autoAcceptFolders: false}')" >/dev/null
    # No watcher and no periodic scan: every change is scanned when the test says so.
    api "$side" POST /rest/config/folders -H 'Content-Type: application/json' -d "$(jq -n \
        --arg id "$folder_id" --arg path "$out/$side/data" --arg a "$id_a" --arg b "$id_b" \
        '{id: $id, label: "mensetsu", path: $path, type: "sendreceive", devices: [{deviceID: $a}, {deviceID: $b}],
          fsWatcherEnabled: false, rescanIntervalS: 0, maxConflicts: 10}')" >/dev/null
done

connected() { api "$1" GET /rest/system/connections | jq -e --arg id "$2" '.connections[$id].connected' >/dev/null; }
for _ in $(seq 300); do
    connected a "$id_b" && connected b "$id_a" && break
    sleep 0.1
done
connected a "$id_b" || fail "the two instances did not connect (see $out/*/syncthing.log)"

# --- waiting for sync ---------------------------------------------------------------
# Both sides scanned, then until each side sees the other complete with nothing needed,
# both idle, and the two listings equal (Syncthing's own state, polled; 60 s at most).
sync_now() {
    local side
    for side in a b; do api "$side" POST "/rest/db/scan?folder=$folder_id" >/dev/null; done
    for _ in $(seq 600); do
        if settled; then return 0; fi
        sleep 0.1
    done
    fail "the folders did not sync within 60 s"
}
settled() {
    local a_sees_b b_sees_a
    a_sees_b=$(api a GET "/rest/db/completion?folder=$folder_id&device=$id_b") || return 1
    b_sees_a=$(api b GET "/rest/db/completion?folder=$folder_id&device=$id_a") || return 1
    jq -e '.completion == 100 and .needItems == 0 and .needDeletes == 0' <<<"$a_sees_b" >/dev/null || return 1
    jq -e '.completion == 100 and .needItems == 0 and .needDeletes == 0' <<<"$b_sees_a" >/dev/null || return 1
    for side in a b; do
        api "$side" GET "/rest/db/status?folder=$folder_id" \
            | jq -e '.state == "idle" and .needTotalItems == 0' >/dev/null || return 1
    done
    [[ $(listing a) == "$(listing b)" ]]
}
listing() { (cd "$out/$1/data" && find . -type f ! -name .lock ! -name .stignore ! -path './.stfolder*' | sort | xargs -d '\n' sha256sum); }
pause_b() { api b PATCH "/rest/config/folders/$folder_id" -H 'Content-Type: application/json' -d "{\"paused\": $1}" >/dev/null; }

# --- mensetsu on each computer ------------------------------------------------------
on() {
    local side=$1
    shift
    HOME=$out/$side/home XDG_CONFIG_HOME=$out/$side/home/.config MENSETSU_DEVICE_ID=$side-pc \
        TZ=UTC LANG=C.UTF-8 LC_ALL= LC_MESSAGES= "$bin" --data-dir "$out/$side/data" "$@"
}
states() { on "$1" cards --json 2>/dev/null | grep -v '"retrievability"'; }
review() {
    # A graded answer as the app appends it to its own computer's log, `ago` minutes back
    # (the commands below write marks at the real time: the log's lines stay in order).
    local side=$1 card=$2 ago=$3 rating=$4 at n log=$out/$1/data/reviews/$1-pc.jsonl
    at=$(date -u -d "-$ago minutes" +%Y-%m-%dT%H:%M:%S.%N+00:00)
    mkdir -p "$out/$side/data/reviews"
    # The next record number, as the app counts it: one more than the lines so far.
    n=1
    if [[ -f $log ]]; then n=$(($(wc -l <"$log") + 1)); fi
    printf '{"id":"%s-pc-%s","card":"%s","at":"%s","rating":%s,"duration_ms":30000}\n' \
        "$side" "$n" "$card" "$at" "$rating" >>"$log"
}

echo "== 1. answers on both computers"
review a vpoe-q01 3000 3
review a vpoe-q02 2990 1
review b vpoe-q01 1500 4
review b vpoe-q03 1490 3
on a flag vpoe-q04 2 >/dev/null
on b suspend vpoe-q05 >/dev/null
# One step each way before the other writes again, so each log is the other's too.
sync_now
on a flag vpoe-q06 1 >/dev/null
review a vpoe-q02 0 3
sync_now
[[ -s $out/a/data/reviews/b-pc.jsonl && -s $out/b/data/reviews/a-pc.jsonl ]] || fail "the logs did not reach the other computer"
states a >"$out/states-a.json"
states b >"$out/states-b.json"
diff -u "$out/states-a.json" "$out/states-b.json" || fail "the two computers derive different states"
jq -e '.[] | select(.id == "vpoe-q01") | .reps == 2' "$out/states-a.json" >/dev/null \
    || fail "vpoe-q01's two answers (one per computer) are not both counted"
grep -q vpoe-q04 <<<"$(on b search flag:2)" || fail "a's flag is not seen on b"
grep -q vpoe-q05 <<<"$(on a search is:suspended)" || fail "b's suspension is not seen on a"
on b check >/dev/null || fail "check reports a problem after a clean sync"

echo "== 2. a deck edited on both computers between syncs"
deck() {
    local question=$1 extra_id=$2 extra=$3
    cat <<JSON
{"id": "team", "title": {"en": "Team"}, "cards": [
  {"id": "team-1", "question": {"en": "$question"}},
  {"id": "$extra_id", "question": {"en": "$extra"}}
]}
JSON
}
mkdir -p "$out/a/data/decks"
deck "How do you hire?" team-2 "How do you fire?" >"$out/a/data/decks/team.json"
sync_now
pause_b true
deck "How do you hire senior engineers?" team-2 "How do you fire?" >"$out/a/data/decks/team.json"
touch -d '2026-12-01 10:00:00' "$out/a/data/decks/team.json"
api a POST "/rest/db/scan?folder=$folder_id" >/dev/null
deck "How do you hire?" team-3 "How do you grow leads?" >"$out/b/data/decks/team.json"
touch -d '2026-12-01 11:00:00' "$out/b/data/decks/team.json"
pause_b false
sync_now
for side in a b; do
    ls "$out/$side/data/decks/" | grep -q '^team\.sync-conflict-.*\.json$' \
        || fail "no Syncthing conflict copy of the deck on $side: $(ls "$out/$side/data/decks/")"
    set +e
    on "$side" check >"$out/check-$side.txt" 2>&1
    code=$?
    set -e
    [[ $code == 1 ]] || fail "check on $side exited $code with the conflict: $(cat "$out/check-$side.txt")"
    grep -q 'decks/team.json: changed on two computers; the other version is .*team\.sync-conflict-' "$out/check-$side.txt" \
        || fail "check on $side does not name the conflict: $(cat "$out/check-$side.txt")"
    grep -q 'already used' "$out/check-$side.txt" && fail "the copy was read as a second deck on $side"
done
copy=$(ls "$out/a/data/decks/" | grep '^team\.sync-conflict-')
on a conflicts resolve "$out/a/data/decks/$copy" --keep merge
sync_now
for side in a b; do
    on "$side" check >"$out/check-$side.txt" 2>&1 || fail "check on $side after resolving: $(cat "$out/check-$side.txt")"
    [[ -f $out/$side/data/conflicts/resolved/decks/$copy ]] || fail "the other version is not in conflicts/resolved on $side"
    deck_json=$(cat "$out/$side/data/decks/team.json")
    # Every card of both, the newer file's text (b's, written at 11:00) where both have one.
    for text in "How do you hire?" "How do you fire?" "How do you grow leads?"; do
        grep -qF "\"$text\"" <<<"$deck_json" || fail "the merged deck on $side lacks \"$text\": $deck_json"
    done
    grep -qF "senior engineers" <<<"$deck_json" && fail "the older text of team-1 is in the merge on $side"
done

echo "== 3. settings changed on both computers between syncs"
printf '{"new_cards_per_day": 20, "theme": "light"}\n' >"$out/a/data/settings.json"
sync_now
pause_b true
printf '{"new_cards_per_day": 40, "theme": "light"}\n' >"$out/a/data/settings.json"
touch -d '2026-12-01 10:00:00' "$out/a/data/settings.json"
api a POST "/rest/db/scan?folder=$folder_id" >/dev/null
printf '{"new_cards_per_day": 20, "theme": "dark"}\n' >"$out/b/data/settings.json"
touch -d '2026-12-01 11:00:00' "$out/b/data/settings.json"
pause_b false
sync_now
settings_copy=$(ls "$out/a/data/" | grep '^settings\.sync-conflict-.*\.json$') || fail "no conflict copy of settings.json"
set +e
on a check >"$out/check-a.txt" 2>&1
code=$?
set -e
[[ $code == 1 ]] && grep -q 'settings.json: changed on two computers' "$out/check-a.txt" \
    || fail "check does not report the settings conflict: $(cat "$out/check-a.txt")"
# b's file (the newer) won the name; a's 40 new cards a day is in the copy: take it.
on a conflicts resolve "$out/a/data/$settings_copy" --take-other new_cards_per_day
sync_now
for side in a b; do
    on "$side" check >/dev/null 2>&1 || fail "check on $side after resolving the settings"
    jq -e '.new_cards_per_day == 40 and .theme == "dark"' "$out/$side/data/settings.json" >/dev/null \
        || fail "settings on $side: $(cat "$out/$side/data/settings.json")"
done
states a >"$out/states-a.json"
states b >"$out/states-b.json"
diff -u "$out/states-a.json" "$out/states-b.json" || fail "the two computers derive different states at the end"
echo "sync: all checks passed"
