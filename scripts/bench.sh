#!/usr/bin/env bash
# make bench: throughput of `assess validate` and `assess compare` against the libyaml floor, and the latency of a
# one-library briefing. Results go to benchmarks/results-<date>-<cores>cores.md (commit them to compare runs).
#
# Knobs (environment):
#   BENCH_SIZES="1000 10000 100000"   questionnaire files per cohort
#   BENCH_ROUNDS=2 BENCH_RESPONDENTS=2 cohort shape (libraries = files / rounds / respondents)
#   BENCH_SEED=42                      generator seed
#   BENCH_REPEAT_SMALL=15              rounds below 10k files (a round takes about a second)
#   BENCH_REPEAT=7                     rounds from 10k files (best and median time, highest RSS kept)
#   BENCH_REPEAT_LARGE=4               rounds from 100k files (a round takes about a minute and a half)
#   BENCH_SCRATCH=.build-bench/build   SwiftPM scratch folder of the release build
#   BENCH_OUT=benchmarks/results-….md  where to write the results
#   BENCH_INSTR_FILES=200              files for the instruction counts (callgrind; skipped without valgrind or below 2)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${BENCH_SIZES:-"1000 10000 100000"}
ROUNDS=${BENCH_ROUNDS:-2}
RESPONDENTS=${BENCH_RESPONDENTS:-2}
SEED=${BENCH_SEED:-42}
REPEAT_SMALL=${BENCH_REPEAT_SMALL:-15}
REPEAT=${BENCH_REPEAT:-7}
REPEAT_LARGE=${BENCH_REPEAT_LARGE:-4}
SCRATCH=${BENCH_SCRATCH:-.build-bench/build}
CORES=$(nproc)
DATE=$(date +%Y-%m-%d)
OUT=${BENCH_OUT:-benchmarks/results-$DATE-${CORES}cores.md}
WORK=.build-bench
mkdir -p "$WORK" benchmarks

HYPERFINE=$(command -v hyperfine || true)

echo "== building (release, $SCRATCH)" >&2
. scripts/lib.sh
"$SWIFT" build "${RELEASE_FLAGS[@]}" --scratch-path "$SCRATCH" >&2
ASSESS="$SCRATCH/release/assess"
FLOOR="$WORK/floor"
cc -O2 -o "$FLOOR" bench/floor.c $(pkg-config --cflags --libs yaml-0.1) -lpthread
MEASURE="$WORK/measure"
cc -O2 -o "$MEASURE" bench/measure.c

# One cohort per size, generated once and reused.
cohort() {
    local n=$1 dir="$WORK/cohort-$1"
    local libraries=$(( (n + ROUNDS * RESPONDENTS - 1) / (ROUNDS * RESPONDENTS) ))
    if [ ! -f "$dir/.complete" ]; then
        echo "== generating $dir ($libraries libraries × $ROUNDS rounds × $RESPONDENTS respondents)" >&2
        rm -rf "$dir"
        "$ASSESS" generate-cohort --libraries "$libraries" --rounds "$ROUNDS" --respondents "$RESPONDENTS" \
            --seed "$SEED" --output "$dir" >&2
        find "$dir" -name '*.yaml' | sort > "$dir.list"
        touch "$dir/.complete"
    fi
    [ -f "$dir.list" ] || find "$dir" -name '*.yaml' | sort > "$dir.list"
}

# Every measurement of one size is repeated in rounds, and each round runs everything once: the floor, then
# validate and compare on 1 and on all cores. The wall clock of a shared virtual machine drifts by up to half
# within minutes, so the floor and assess are best measured side by side, not one after the other.
# The targets are judged on the best round (the machine's noise only ever adds time); the median is reported
# beside it. The development machine switches between a fast and a slow mode (the floor over 10,000 files takes
# about 1.0 s or 1.8 s) for minutes at a time, so there are enough rounds for each command to meet the fast one.
# Per key, BEST holds the best wall time and BESTCPU that run's CPU time (user + system), ALL every time, RSS the
# highest peak resident memory (kB), ROUNDTIME the time of each round (for the speedups of rounds, see below).
declare -A BEST BESTCPU ALL RSS ROUNDTIME

keep() { # key seconds kb cpu-seconds
    if [ -z "${BEST[$1]:-}" ] || awk "BEGIN{exit !($2 < ${BEST[$1]})}"; then BEST[$1]=$2; BESTCPU[$1]=$4; fi
    ALL[$1]="${ALL[$1]:-} $2"
    ROUNDTIME[$1/$round]=$2
    if [ -z "${RSS[$1]:-}" ] || [ "$3" -gt "${RSS[$1]}" ]; then RSS[$1]=$3; fi
}

median_of() { # number...
    printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}
median() { median_of ${ALL[$1]}; } # key

# measured: the seconds, the peak resident memory (kB) and the CPU seconds of bench/measure's last run
measured() { sed 's/seconds=\([0-9.]*\) maxrss_kb=\([0-9]*\) cpu_seconds=\([0-9.]*\)/\1 \2 \3/' "$WORK/time.txt"; }

# run_assess KEY [MEASURE-OPTION...] CMD...: one run, from process start to exit (bench/measure.c: the clock is read
# around fork and wait4, and `-c 0 -e ASSESS_JOBS=1` pin a run to one core without taskset and env in front);
# compare/validate exit 1 on findings, anything else fails the benchmark
run_assess() {
    local key=$1; shift
    "$MEASURE" -o "$WORK/time.txt" "$@" > /dev/null 2> "$WORK/stderr.txt" || {
        local status=$?
        [ $status -eq 1 ] || { cat "$WORK/stderr.txt" >&2; echo "bench: '$*' failed ($status)" >&2; exit 1; }
    }
    keep "$key" $(measured)
}

# run_floor KEY THREADS LIST [MEASURE-OPTION...]: one run, timed by the floor's own clock (parse loop only); sets BYTES
run_floor() {
    local key=$1 threads=$2 list=$3 line
    shift 3
    line=$("$MEASURE" -o "$WORK/time.txt" "$@" "$FLOOR" -j "$threads" "$list")
    BYTES=$(echo "$line" | sed 's/.*bytes=\([0-9]*\).*/\1/')
    keep "$key" "${line##*seconds=}" $(measured | cut -d' ' -f2,3)
}

ROWS=() PARALLEL=()
declare -A PERFILE
for n in $SIZES; do
    cohort "$n"
    dir="$WORK/cohort-$n"
    files=$(wc -l < "$dir.list")
    repeat=$REPEAT
    [ "$files" -lt 10000 ] && repeat=$REPEAT_SMALL
    [ "$files" -ge 100000 ] && repeat=$REPEAT_LARGE
    # Read every file once, unmeasured: the floor runs first in a round and would otherwise alone pay for files that
    # building or generating pushed out of the page cache (it took twice its time at 100,000 files).
    xargs -a "$dir.list" cat > /dev/null
    for round in $(seq "$repeat"); do
        echo "== $n files, round $round of $repeat" >&2
        run_floor floor/1 1 "$dir.list" -c 0
        run_floor floor/2 2 "$dir.list"
        for command in validate compare; do
            extra=(); [ "$command" = compare ] && extra=(--output "$WORK/compare-$n.txt")
            run_assess "$command/1" -c 0 -e ASSESS_JOBS=1 "$ASSESS" "$command" "$dir" "${extra[@]}"
            run_assess "$command/$CORES" "$ASSESS" "$command" "$dir" "${extra[@]}"
        done
    done
    mb=$(awk "BEGIN{print $BYTES/1e6}")
    f1=${BEST[floor/1]}
    row() { # name cores key
        local seconds=${BEST[$3]} fps mbps ratio
        fps=$(awk "BEGIN{printf \"%.0f\", $files/$seconds}")
        mbps=$(awk "BEGIN{printf \"%.1f\", $mb/$seconds}")
        ratio=$(awk "BEGIN{printf \"%.2f\", $f1/$seconds}")
        ROWS+=("| $n | $1 | $2 | $(printf %.3f "$seconds") | $(printf %.3f "$(median "$3")") | $fps | $mbps | $ratio | $(( ${RSS[$3]} / 1024 )) |")
        PERFILE["$1/$2/$n"]=$(awk "BEGIN{print $seconds/$files}")
    }
    row "floor (libyaml events)" 1 floor/1
    row "floor (libyaml events)" 2 floor/2
    for command in validate compare; do
        row "assess $command" 1 "$command/1"
        row "assess $command" "$CORES" "$command/$CORES"
    done
    # How a run on all cores compares with one core. Cores busy = CPU time ÷ wall time of the best run on all cores:
    # what is left below the core count is time the run waited on one thread. CPU time on all cores ÷ on one: above
    # 1.00 the same work took more processor time when every core ran (on a shared machine, the cores also slow each
    # other down), which the floor, with nothing shared between its threads, shows as well.
    parallel_row() { # name key-1 key-all
        local name=$1 one=$2 all=$3 speedups=() r
        for r in $(seq "$repeat"); do
            speedups+=("$(awk "BEGIN{print ${ROUNDTIME[$one/$r]} / ${ROUNDTIME[$all/$r]}}")")
        done
        PARALLEL+=("| $n | $name | ${all##*/} | $(awk "BEGIN{printf \"%.2f\", ${BEST[$one]} / ${BEST[$all]}}") | $(printf %.2f "$(median_of "${speedups[@]}")") | $(awk "BEGIN{printf \"%.2f\", ${BESTCPU[$all]} / ${BEST[$all]}}") | $(awk "BEGIN{printf \"%.2f\", ${BESTCPU[$all]} / ${BESTCPU[$one]}}") |")
    }
    if [ "$CORES" -gt 1 ]; then
        parallel_row "floor (libyaml events)" floor/1 floor/2
        for command in validate compare; do parallel_row "assess $command" "$command/1" "$command/$CORES"; done
    fi
    BEST=() BESTCPU=() ALL=() RSS=() ROUNDTIME=()
done

# Briefing latency: process start to exit.
brief_ms() { # dir library
    if [ -n "$HYPERFINE" ]; then
        "$HYPERFINE" -N --warmup 3 --runs 20 --export-json "$WORK/brief.json" \
            "$ASSESS $1 --library $2 --output $WORK/brief.txt" > /dev/null 2>&1
        python3 -c "import json;r=json.load(open('$WORK/brief.json'))['results'][0];print('%.1f %.1f' % (r['mean']*1000, r['stddev']*1000))"
    else
        local start end
        start=$(date +%s%N)
        for _ in $(seq 20); do "$ASSESS" "$1" --library "$2" --output "$WORK/brief.txt" 2> /dev/null || true; done
        end=$(date +%s%N)
        echo "$(( (end - start) / 20000000 )) -"
    fi
}
BRIEF=()
read -r ms sd < <(brief_ms samples auental)
BRIEF+=("| samples (44 files) | auental | $ms | $sd |")
first=$(echo $SIZES | awk '{print $1}')
if [ -d "$WORK/cohort-$first" ]; then
    read -r ms sd < <(brief_ms "$WORK/cohort-$first" lib-00001)
    BRIEF+=("| cohort-$first | lib-00001 | $ms | $sd |")
fi

# Instruction counts (callgrind, when valgrind is installed): on a shared virtual machine the wall clock of the same
# run varies by half, instruction counts do not. Per file = (N files − 1 file) / (N − 1), so start-up and the rubric
# are left out; the floor's own start-up is negligible.
INSTR=()
if command -v valgrind > /dev/null && [ "${BENCH_INSTR_FILES:-200}" -gt 1 ]; then
    sample="$WORK/instr-sample.list"
    head -n "${BENCH_INSTR_FILES:-200}" "$WORK/cohort-$(echo $SIZES | awk '{print $1}').list" > "$sample"
    n=$(wc -l < "$sample")
    instructions() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null | awk '/refs:/{gsub(",", "", $NF); print $NF}'; }
    echo "== instruction counts over $n files (callgrind)" >&2
    floor_ir=$(instructions "$FLOOR" -j 1 "$sample")
    floor_per=$(( floor_ir / n ))
    INSTR+=("| floor (libyaml events) | $(awk "BEGIN{printf \"%.2f\", $floor_per/1e6}") | 1.00 | – |")
    for command in validate compare; do
        extra=(); [ "$command" = compare ] && extra=(--output "$WORK/instr-$command.txt")
        one=$(ASSESS_JOBS=1 instructions "$ASSESS" "$command" "$(head -1 "$sample")" "${extra[@]}")
        all=$(ASSESS_JOBS=1 instructions "$ASSESS" "$command" $(cat "$sample") "${extra[@]}")
        per=$(( (all - one) / (n - 1) ))
        INSTR+=("| assess $command | $(awk "BEGIN{printf \"%.2f\", $per/1e6}") | $(awk "BEGIN{printf \"%.2f\", $floor_per/$per}") | $(awk "BEGIN{printf \"%.1f\", $one/1e6}") |")
    done
fi

# Scaling: per-file time at the largest size over that at the smallest.
small=$(echo $SIZES | awk '{print $1}'); large=$(echo $SIZES | awk '{print $NF}')
SCALING=()
for key in "assess validate/1" "assess compare/1" "assess validate/$CORES" "assess compare/$CORES" "floor (libyaml events)/1"; do
    a=${PERFILE["$key/$small"]:-}; b=${PERFILE["$key/$large"]:-}
    [ -n "$a" ] && [ -n "$b" ] && SCALING+=("| ${key%/*} | ${key##*/} | $(awk "BEGIN{printf \"%.1f\", $a*1e6}") | $(awk "BEGIN{printf \"%.1f\", $b*1e6}") | $(awk "BEGIN{printf \"%.2f\", $b/$a}") |")
done

{
    echo "# Benchmark $DATE"
    echo
    echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "- machine: $CORES cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/{printf "%.1f GB", $2/1048576}' /proc/meminfo)"
    echo "- swift: $(${SWIFT:-swift} --version 2>&1 | head -1); \`swift build ${RELEASE_FLAGS[*]}\`"
    echo "- cohort: $ROUNDS rounds × $RESPONDENTS respondents per library, seed $SEED; sizes: $SIZES"
    echo "- times: best of $REPEAT_SMALL rounds below 10k files, $REPEAT from 10k, $REPEAT_LARGE from 100k; each round runs the floor and"
    echo "  every command once, side by side; wall clock from process start to exit (bench/measure.c: around fork and"
    echo "  wait4); floor: its own parse-loop clock; files/s, MB/s and the ratio are from the best time, the median is"
    echo "  shown beside it"
    echo "- 1 core: pinned to CPU 0 (the floor too) and \`ASSESS_JOBS=1\`; ratio = floor (1 thread) time ÷ this time (1.00 = as fast"
    echo "  as libyaml alone)"
    echo
    echo "| files | what | cores | best s | median s | files/s | MB/s | ratio to floor | peak RSS MB |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    echo
    if [ ${#PARALLEL[@]} -gt 0 ]; then
        echo "## All $CORES cores against one"
        echo
        echo "Speedup: best time on one core ÷ best time on all; per round: the median of each round's own speedup"
        echo "(the two runs of a round are seconds apart). Cores busy: CPU time ÷ wall time of the best run on all cores"
        echo "(for the floor, the whole process's CPU time over its parse loop's time, so slightly high)."
        echo "CPU time ratio: CPU time of the best run on all cores ÷ that of the best on one (1.00: the same work cost the"
        echo "same processor time; above: each core did less per second while the others ran)."
        echo
        echo "| files | what | cores | speedup | speedup per round (median) | cores busy | CPU time ratio |"
        echo "|---:|---|---:|---:|---:|---:|---:|"
        printf '%s\n' "${PARALLEL[@]}"
        echo
    fi
    echo "## Scaling ($small → $large files)"
    echo
    echo "| what | cores | µs/file at $small | µs/file at $large | ratio |"
    echo "|---|---:|---:|---:|---:|"
    printf '%s\n' "${SCALING[@]}"
    echo
    if [ ${#INSTR[@]} -gt 0 ]; then
        echo "## Instructions per file (callgrind, 1 core, first ${BENCH_INSTR_FILES:-200} files of cohort-$small)"
        echo
        echo "| what | M instructions per file | ratio to floor | M instructions for 1 file (start-up, rubric) |"
        echo "|---|---:|---:|---:|"
        printf '%s\n' "${INSTR[@]}"
        echo
    fi
    echo "## One-library briefing (process start to exit)"
    echo
    echo "| input | library | mean ms | stddev ms |"
    echo "|---|---|---:|---:|"
    printf '%s\n' "${BRIEF[@]}"
} > "$OUT"
cat "$OUT"
echo "bench: wrote $OUT" >&2
