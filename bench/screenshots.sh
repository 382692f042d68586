#!/usr/bin/env bash
# Renders the HTML report in a real browser (headless Chromium) at a desktop and a phone width,
# in both languages, to look at by eye after a change to the page or its charts:
#
#   bench/screenshots.sh                # PNGs in target/screenshots/
#   OUT=/tmp/shots bench/screenshots.sh
#
# The pages come from a month of study on the embedded roadmap, recorded in a temp folder (your
# own store is never touched). Needs Chromium and a CJK font (Debian: chromium, fonts-noto-cjk);
# as root it installs them with apt-get, otherwise it says how.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${OUT:-$PWD/target/screenshots}
need() {
    command -v "$1" >/dev/null && return
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq $2 >/dev/null
    else
        echo "screenshots: \`$1\` is missing; install it with: sudo apt-get install $2" >&2
        exit 1
    fi
}
need chromium "chromium fonts-noto-cjk"

cargo build --release --quiet --bin studyplan
BIN=$PWD/target/release/studyplan
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME=$WORK/home XDG_DATA_HOME=$WORK/home/data XDG_CACHE_HOME=$WORK/home/cache
export STUDYPLAN_STORE=$WORK/progress.jsonl LANG=C NO_COLOR=1
unset STUDYPLAN_CURRICULUM STUDYPLAN_LANG
mkdir -p "$HOME" "$OUT"

on() { STUDYPLAN_TODAY=$1 "$BIN" "${@:2}" >/dev/null; }
on 2026-11-01 begin 2026-11-01
day=2
for topic in 1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8; do
    on "2026-11-$(printf %02d $day)" done "$topic"
    on "2026-11-$(printf %02d $day)" note "$topic" "读完了，记下要点"
    day=$((day + 2))
done
on 2026-11-19 skip 1.9
on 2026-11-20 done 1.10 1.11
on 2026-11-22 start 2.1
on 2026-11-23 review 1.1 1.2

shoot() {
    local page=$1 width=$2 png=$3
    # The flags keep a headless run on a closed network from reaching out at all.
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$WORK/chromium" --hide-scrollbars --window-size="$width" \
        --screenshot="$png" "file://$page" 2>/dev/null
}
for lang in en zh; do
    STUDYPLAN_TODAY=2026-11-24 "$BIN" --lang "$lang" report --notes -o "$WORK/report-$lang.html" 2>/dev/null
    shoot "$WORK/report-$lang.html" 1280,2600 "$OUT/report-$lang-desktop.png"
    shoot "$WORK/report-$lang.html" 390,3600 "$OUT/report-$lang-phone.png"
done
STUDYPLAN_TODAY=2026-11-24 "$BIN" report -o "$OUT/burn-up.svg" 2>/dev/null
echo "screenshots: $(ls "$OUT" | tr '\n' ' ')in $OUT"
