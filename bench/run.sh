#!/usr/bin/env bash
# Times studyplan against a bare process start (`true`) and Taskwarrior doing the same work on the
# same number of items, at three sizes, and prints a Markdown table of medians and ratios.
#
#   bench/run.sh            # 2-5 minutes on 2 cores
#   RUNS=20 bench/run.sh    # fewer runs per command (default 40; ten times as many on the
#                           # embedded roadmap, where a run takes a millisecond and one busy
#                           # moment on a shared machine would otherwise move the median)
#   BASE= bench/run.sh      # without the side-by-side rows of the build before store version 2
#
# BASE (default 166e8f4, the commit before store version 2) is built from its own sources into
# target/bench-base and times the same work on the same history, written as a version 1
# progress.yaml, in the same run: the rows that say whether version 2 is as fast as version 1.
#
# Needs hyperfine and Taskwarrior (`task`) from Debian's packages; as root it installs them with
# apt-get, otherwise it says how. Every file it makes lives in a temp folder removed at the end;
# your own studyplan store and Taskwarrior data are never touched.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-40}

need() {
    command -v "$1" >/dev/null && return
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
    else
        echo "bench: \`$1\` is missing; install it with: sudo apt-get install $2" >&2
        exit 1
    fi
}
need hyperfine hyperfine
need task taskwarrior
need python3 python3

cargo build --release --quiet --bin studyplan --example bench_data --example bench_tui
BIN=$PWD/target/release/studyplan
GEN=$PWD/target/release/examples/bench_data
# The statically linked build (see the README's "Install"), where the platform has one: the
# same code, without the dynamic loader's share of every start.
HOST=$(rustc -vV | sed -n 's/^host: //p')
STATIC=
case $HOST in
*-linux-gnu)
    RUSTFLAGS="-C target-feature=+crt-static" \
        cargo build --release --quiet --bin studyplan --target "$HOST"
    STATIC=$PWD/target/$HOST/release/studyplan
    ;;
esac
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BASE=${BASE-166e8f4}
BASEBIN=
if [ -n "$BASE" ]; then
    if git rev-parse -q --verify "$BASE^{commit}" >/dev/null; then
        mkdir -p "$WORK/base-src"
        git archive "$BASE" | tar -x -C "$WORK/base-src"
        cargo build --release --quiet --bin studyplan --manifest-path "$WORK/base-src/Cargo.toml" \
            --target-dir "$PWD/target/bench-base"
        BASEBIN=$PWD/target/bench-base/release/studyplan
    else
        echo "bench: commit $BASE is not in this clone (a shallow one?); no side-by-side rows" >&2
    fi
fi

# Nothing from the caller's environment leaks in: pinned day, English, no colour, temp folders.
export STUDYPLAN_TODAY=2026-11-29 LANG=C LC_ALL=C NO_COLOR=1
export HOME=$WORK/home XDG_DATA_HOME=$WORK/home/data XDG_CACHE_HOME=$WORK/home/cache
mkdir -p "$HOME"
unset STUDYPLAN_STORE STUDYPLAN_CURRICULUM STUDYPLAN_LANG

# Taskwarrior with its data in DIR, importing the tasks in DIR/tasks.json.
taskwarrior_in() {
    local dir=$1
    rm -rf "$dir/data" "$dir/data.orig"
    mkdir -p "$dir/data"
    printf 'data.location=%s\nconfirmation=off\nverbose=nothing\ngc=on\n' "$dir/data" >"$dir/taskrc"
    TASKRC=$dir/taskrc TASKDATA=$dir/data task import "$dir/tasks.json" >/dev/null 2>&1
    # One command first, so the import's housekeeping is not timed.
    TASKRC=$dir/taskrc TASKDATA=$dir/data task list >/dev/null 2>&1 || true
    cp -a "$dir/data" "$dir/data.orig"
}

# The embedded roadmap with 20 topics done, and the same 41 items, 20 completed, for Taskwarrior.
setup_roadmap() {
    local dir=$WORK/roadmap
    mkdir -p "$dir"
    export STUDYPLAN_STORE=$dir/progress.jsonl
    unset STUDYPLAN_CURRICULUM
    "$BIN" done 1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8 1.9 1.10 1.11 >/dev/null
    "$BIN" done 2.1 2.2 2.3 2.4 2.5 2.6 2.7 2.8 2.9 >/dev/null
    python3 - "$dir/tasks.json" <<'EOF'
import json, sys
tasks = [{"uuid": f"00000000-0000-4000-8000-{i:012}", "description": f"topic {i}",
          "project": f"stage-{1 + (i > 10) + (i > 19) + (i > 28)}",
          "status": "completed" if i < 20 else "pending", "entry": "20240101T000000Z",
          **({"end": "20240601T000000Z"} if i < 20 else {})} for i in range(41)]
json.dump(tasks, open(sys.argv[1], "w"))
EOF
}

# A year of daily use of the embedded roadmap, about 2,000 changes, ending on $YEAR_END: topics
# started and done through the year (some undone and done again), a note most days, and the
# reviews of done topics, a few a day.
setup_year() {
    local dir=$WORK/year
    mkdir -p "$dir"
    "$BIN" list --json >"$dir/topics.json"
    python3 - "$dir/topics.json" "$dir/progress.jsonl" "$YEAR_END" <<'EOF'
import datetime, json, random, sys, uuid
ids = [topic["id"] for topic in json.load(open(sys.argv[1]))]
end = datetime.date.fromisoformat(sys.argv[3])
start = end - datetime.timedelta(days=364)
rng = random.Random(7)
lines = ['{"studyplan":"progress","version":2}']
def line(day, n, change, topic=None, text=None, on=None):
    at = f"{day.isoformat()}T{8 + n // 60:02}:{n % 60:02}:00.000000+08:00"
    event = {"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "at": at,
             "plan": "llm-roadmap", "change": change}
    if topic: event["topics"] = [topic]
    if on: event["on"] = on
    if text: event["text"] = text
    lines.append(json.dumps(event, ensure_ascii=False, separators=(",", ":")))
line(start, 0, "begin", on=start.isoformat())
done, next_topic = [], 0
for d in range(365):
    day, n = start + datetime.timedelta(days=d), 1
    if next_topic < len(ids) and d % 8 == 0:
        line(day, n, "start", ids[next_topic]); n += 1
    if next_topic < len(ids) and d % 8 == 5:
        line(day, n, "done", ids[next_topic]); done.append(ids[next_topic]); next_topic += 1; n += 1
    if done and d % 40 == 13:
        again = rng.choice(done)
        line(day, n, "undo", again); line(day, n + 1, "done", again); n += 2
    if rng.random() < 0.8:
        line(day, n, "note", rng.choice(ids[:max(next_topic, 1)]), text="读完了，记下要点"); n += 1
    for topic in rng.sample(done, min(len(done), 5)):
        grade = rng.choice(["review", "review", "review", "review-hard", "review-again"])
        line(day, n, grade, topic); n += 1
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
print(len(lines) - 1)
EOF
}

# A generated plan of $2 topics with $3 events in $1.
setup_generated() {
    local dir=$1
    "$GEN" "$dir" "$2" "$3" >/dev/null
    export STUDYPLAN_STORE=$dir/progress.jsonl STUDYPLAN_CURRICULUM=$dir/curriculum.yaml
}

# Runs hyperfine on one size with the binary BIN; the JSON export is what the table is built from.
measure() {
    local name=$1 dir=$2 label=$3 BIN=${4:-$BIN} runs=${5:-$RUNS}
    local tw="env TASKRC=$dir/taskrc TASKDATA=$dir/data"
    taskwarrior_in "$dir"
    # A second binary on the same plan starts from the same store as the first did.
    if [ -f "$dir/progress.orig" ]; then
        cp "$dir/progress.orig" "$STUDYPLAN_STORE"
    else
        cp "$STUDYPLAN_STORE" "$dir/progress.orig"
    fi
    "$BIN" status >/dev/null # warms the curriculum cache, as any earlier run would have
    local next
    next=$("$BIN" next --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    echo "bench: $label" >&2
    hyperfine -N --warmup 3 --runs "$runs" --style basic --export-json "$WORK/$name.json" \
        --command-name true true \
        --command-name "studyplan status" "$BIN status" \
        --command-name "task summary" "$tw task summary" \
        --command-name "studyplan list" "$BIN list" \
        --command-name "task list" "$tw task list" \
        >&2
    hyperfine -N --warmup 2 --runs "$runs" --style basic --export-json "$WORK/$name-done.json" \
        --prepare "cp $dir/progress.orig $STUDYPLAN_STORE" \
        --command-name "studyplan done" "$BIN done $next" \
        --prepare "sh -c 'rm -rf $dir/data && cp -a $dir/data.orig $dir/data'" \
        --command-name "task 1 done" "$tw task 1 done" \
        >&2
    # The build before version 2 on the same history as version 1, against this one, both
    # started through `env` so that each pays the same start.
    if [ -n "$BASEBIN" ] && [ -f "$dir/v1/progress.yaml" ]; then
        # Its own cache folder: its curriculum cache's encoding differs from this build's, and a
        # shared folder would have each build parse the YAML again after the other.
        local v1="env STUDYPLAN_STORE=$dir/v1/progress.yaml XDG_CACHE_HOME=$dir/v1/cache $BASEBIN"
        local v2="env STUDYPLAN_STORE=$STUDYPLAN_STORE $BIN"
        cp "$dir/v1/progress.yaml" "$dir/v1/progress.yaml.orig"
        STUDYPLAN_STORE=$dir/v1/progress.yaml XDG_CACHE_HOME=$dir/v1/cache "$BASEBIN" status >/dev/null
        hyperfine -N --warmup 3 --runs "$runs" --style basic --export-json "$WORK/$name-base.json" \
            --command-name "v1 status" "$v1 status" --command-name "v2 status" "$v2 status" \
            --command-name "v1 list" "$v1 list" --command-name "v2 list" "$v2 list" \
            >&2
        hyperfine -N --warmup 2 --runs "$runs" --style basic --export-json "$WORK/$name-base-done.json" \
            --prepare "cp $dir/v1/progress.yaml.orig $dir/v1/progress.yaml" \
            --command-name "v1 done" "$v1 done $next" \
            --prepare "cp $dir/progress.orig $STUDYPLAN_STORE" \
            --command-name "v2 done" "$v2 done $next" \
            >&2
        /usr/bin/time -f "v1 status:%M" -o "$WORK/$name-mem.tmp" $v1 status >/dev/null 2>&1 || true
        cat "$WORK/$name-mem.tmp" >>"$WORK/$name.mem"
        cp "$dir/progress.orig" "$STUDYPLAN_STORE"
    fi
    # Peak memory of one run each (GNU time's maximum resident set size).
    for cmd in "studyplan status:$BIN status" "studyplan list:$BIN list" "task list:$tw task list"; do
        /usr/bin/time -f "${cmd%%:*}:%M" -o "$WORK/$name-mem.tmp" ${cmd#*:} >/dev/null 2>&1 || true
        cat "$WORK/$name-mem.tmp" >>"$WORK/$name.mem"
    done
    echo "$label" >"$WORK/$name.label"
}

setup_roadmap
measure roadmap "$WORK/roadmap" "embedded roadmap: 41 topics, 20 done" "$BIN" $((RUNS * 10))

# The daily loop on a year of the roadmap, against a bare `true`.
YEAR_END=2026-11-29
year_events=$(setup_year)
echo "bench: the daily loop on a year of history ($year_events changes)" >&2
(
    export STUDYPLAN_STORE=$WORK/year/progress.jsonl STUDYPLAN_TODAY=$YEAR_END
    # Each build against `true` in its own run: the default build, and the static one if made.
    for build in "year:$BIN" ${STATIC:+"year-static:$STATIC"}; do
        bin=${build#*:}
        hyperfine -N --warmup 3 --runs $((RUNS * 10)) --style basic --export-json "$WORK/${build%%:*}.json" \
            --command-name true true \
            --command-name "studyplan today" "$bin today" \
            --command-name "studyplan review" "$bin review" \
            --command-name "studyplan stats" "$bin stats" \
            --command-name "studyplan status" "$bin status" \
            --command-name "studyplan report --format html" "$bin report --format html" \
            >&2
    done
    "$BIN" report --format html | wc -c >"$WORK/year.page"
    # The checklist view: a keypress handled and a 120x40 frame drawn.
    "$PWD/target/release/examples/bench_tui" 200 >"$WORK/tui.txt"
)
echo "$year_events" >"$WORK/year.events"
SIZES="roadmap"
if [ -n "$STATIC" ]; then
    measure static "$WORK/roadmap" "embedded roadmap, static build" "$STATIC" $((RUNS * 10))
    SIZES="$SIZES static"
fi
setup_generated "$WORK/mid" 1000 10000
measure mid "$WORK/mid" "1,000 topics, 10,000 events"
SIZES="$SIZES mid"
setup_generated "$WORK/big" 10000 100000
measure big "$WORK/big" "10,000 topics, 100,000 events"
SIZES="$SIZES big"

# Version 2 at scale: a million events; merging another machine's 100,000 into these 100,000;
# a store line nested 100,000 deep, which is refused.
"$GEN" "$WORK/huge" 10000 1000000 >/dev/null
"$GEN" "$WORK/other" 10000 100000 7 >/dev/null
python3 - "$WORK/deep.jsonl" <<'EOF'
import sys
head = '{"studyplan":"progress","version":2}\n'
event = ('{"id":"0190f0a0-0000-7000-8000-000000000001","at":"2026-11-29T09:00:00.000000+08:00",'
         '"plan":"bench-plan","change":"done","topics":["topic-00001"],"x":')
open(sys.argv[1], "w").write(head + event + "[" * 100000 + "]" * 100000 + "}\n")
EOF
big=$WORK/big
echo "bench: version 2 at scale" >&2
hyperfine -N --warmup 1 --runs 10 --style basic --export-json "$WORK/scale.json" \
    --command-name "status, 1,000,000 events" "env STUDYPLAN_STORE=$WORK/huge/progress.jsonl $BIN status" \
    --command-name "stats, 10,000 events" \
    "env STUDYPLAN_STORE=$WORK/mid/progress.jsonl STUDYPLAN_CURRICULUM=$WORK/mid/curriculum.yaml $BIN stats" \
    --command-name "stats, 100,000 events" "env STUDYPLAN_STORE=$big/progress.jsonl $BIN stats" \
    --command-name "stats, 1,000,000 events" "env STUDYPLAN_STORE=$WORK/huge/progress.jsonl $BIN stats" \
    --command-name "report --format html, 100,000 events" "env STUDYPLAN_STORE=$big/progress.jsonl $BIN report --format html" \
    --command-name "status on a line nested 100,000 deep (refused)" \
    "sh -c 'STUDYPLAN_STORE=$WORK/deep.jsonl $BIN status >/dev/null 2>&1; test \$? = 1'" \
    >&2
hyperfine -N --warmup 1 --runs 10 --style basic --export-json "$WORK/merge.json" \
    --prepare "cp $big/progress.orig $big/progress.jsonl" \
    --command-name "merge of 100,000 events into 100,000" "$BIN merge $WORK/other/progress.jsonl" \
    >&2
cp "$big/progress.orig" "$big/progress.jsonl"
/usr/bin/time -f "status, 1,000,000 events:%M" -o "$WORK/scale.mem" \
    env STUDYPLAN_STORE="$WORK/huge/progress.jsonl" "$BIN" status >/dev/null 2>&1
/usr/bin/time -f "merge of 100,000 events into 100,000:%M" -o "$WORK/scale.tmp" \
    "$BIN" merge "$WORK/other/progress.jsonl" >/dev/null 2>&1
cat "$WORK/scale.tmp" >>"$WORK/scale.mem"
/usr/bin/time -f "report --format html, 100,000 events:%M" -o "$WORK/scale.tmp" \
    env STUDYPLAN_STORE="$big/progress.jsonl" "$BIN" report --format html 2>/dev/null | wc -c >"$WORK/big.page"
cat "$WORK/scale.tmp" >>"$WORK/scale.mem"

python3 - "$WORK" "$(nproc)" "$RUNS" $SIZES <<'EOF'
import json, os, sys
work, cores, runs, sizes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
pairs = [("studyplan status", "task summary"), ("studyplan list", "task list"),
         ("studyplan done", "task 1 done")]
print(f"Medians of {runs} runs ({int(runs) * 10} on the embedded roadmap) on {cores} cores "
      "(hyperfine, wall clock); `true` is the floor.\n")
print("| plan | studyplan | ms | × `true` | Taskwarrior | ms | Taskwarrior ÷ studyplan |")
print("|---|---|---:|---:|---|---:|---:|")
for name in sizes:
    label = open(f"{work}/{name}.label").read().strip()
    medians = {}
    for part in [name, f"{name}-done"]:
        for result in json.load(open(f"{work}/{part}.json"))["results"]:
            medians[result["command"]] = result["median"] * 1000
    floor = medians["true"]
    for ours, theirs in pairs:
        print(f"| {label} | `{ours}` | {medians[ours]:.1f} | {medians[ours] / floor:.1f} "
              f"| `{theirs}` | {medians[theirs]:.1f} | {medians[theirs] / medians[ours]:.1f} |")
        label = ""
print(f"\n`true`: {floor:.2f} ms (median of the last size's runs). "
      "Peak memory (max RSS, MB):", end=" ")
rows = []
for name in sizes:
    for line in open(f"{work}/{name}.mem"):
        what, kb = line.strip().rsplit(":", 1)
        rows.append(f"{name} {what} {int(kb) / 1024:.1f}")
print("; ".join(rows) + ".")

events = open(f"{work}/year.events").read().strip()
print(f"\nThe daily loop on the embedded roadmap with a year of history ({events} changes), "
      f"medians of {int(runs) * 10} runs, each build against `true` in its own run:\n")
print("| build | command | ms | × `true` |")
print("|---|---|---:|---:|")
for build, part in [("default", "year"), ("static", "year-static")]:
    if not os.path.exists(f"{work}/{part}.json"):
        continue
    year = {r["command"]: r["median"] * 1000 for r in json.load(open(f"{work}/{part}.json"))["results"]}
    for command in ["studyplan today", "studyplan review", "studyplan stats", "studyplan status",
                    "studyplan report --format html"]:
        print(f"| {build} | `{command}` | {year[command]:.1f} | {year[command] / year['true']:.1f} |")
        build = ""
    print(f"| | `true` | {year['true']:.2f} | |")

bases = [name for name in sizes if os.path.exists(f"{work}/{name}-base.json")]
if bases:
    print("\nThe build before store version 2 (v1, reading progress.yaml) and this one (v2, "
          "reading progress.jsonl) on the same history, in the same run:\n")
    print("| plan | command | v1 ms | v2 ms | v2 ÷ v1 |")
    print("|---|---|---:|---:|---:|")
for name in bases:
    label = open(f"{work}/{name}.label").read().strip()
    medians = {}
    for part in [f"{name}-base", f"{name}-base-done"]:
        for result in json.load(open(f"{work}/{part}.json"))["results"]:
            medians[result["command"]] = result["median"] * 1000
    for command in ["status", "list", "done"]:
        v1, v2 = medians[f"v1 {command}"], medians[f"v2 {command}"]
        print(f"| {label} | `studyplan {command}` | {v1:.1f} | {v2:.1f} | {v2 / v1:.2f} |")
        label = ""

memory = {}
for line in open(f"{work}/scale.mem"):
    what, kb = line.strip().rsplit(":", 1)
    memory[what] = int(kb) / 1024
print("\nVersion 2 at scale (medians of 10 runs):\n")
print("| work | ms | peak MB |")
print("|---|---:|---:|")
for part in ["scale", "merge"]:
    for result in json.load(open(f"{work}/{part}.json"))["results"]:
        what = result["command"]
        peak = f"{memory[what]:.1f}" if what in memory else ""
        print(f"| {what} | {result['median'] * 1000:.1f} | {peak} |")
for name, what in [("year", "a year of the roadmap"), ("big", "10,000 topics / 100,000 events")]:
    size = int(open(f"{work}/{name}.page").read())
    print(f"\nThe HTML report on {what}: {size / 1024:.0f} KB.", end="")
print()
print(f"\n`studyplan tui` on the year of the roadmap, 120x40: {open(f'{work}/tui.txt').read().strip()}.")
EOF
