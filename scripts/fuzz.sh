#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer harnesses in Fuzz/ (address sanitizer on) and runs each for FUZZ_SECONDS.
#
#   scripts/fuzz.sh                       # every harness, 60 s each
#   FUZZ_SECONDS=1200 scripts/fuzz.sh yaml # one harness for 20 minutes
#   scripts/fuzz.sh --build-only
#
# Harnesses: yaml (YAMLParser + readers + diagnostics rendering), rubric (RubricLoader.load(files:)),
# questionnaire (QuestionnaireLoader + ScoringEngine + BriefingBuilder). One fuzzer process at a time.
# Corpora grow in .build-fuzz/corpus/<harness> (not committed); crashes, timeouts and leaks land in
# .build-fuzz/findings/<harness>/ and make the script exit 1. Logs: .build-fuzz/logs/<harness>.log.
# Seeds come from samples/, rubrics/ and ../shared/yaml-test-suite/*/in.yaml (SHARED=... to override).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
SCRATCH="${FUZZ_SCRATCH:-$ROOT/.build-fuzz}"
SHARED="${SHARED:-$ROOT/../shared}"
ALL=(yaml rubric questionnaire)

build_only=0
harnesses=()
for argument in "$@"; do
    case "$argument" in
    --build-only) build_only=1 ;;
    yaml | rubric | questionnaire) harnesses+=("$argument") ;;
    *) die "unknown harness '$argument' (expected: ${ALL[*]}, or --build-only)" ;;
    esac
done
[ ${#harnesses[@]} -gt 0 ] || harnesses=("${ALL[@]}")

executable() {
    case "$1" in
    yaml) echo FuzzYAML ;;
    rubric) echo FuzzRubric ;;
    questionnaire) echo FuzzQuestionnaire ;;
    esac
}

say "building the fuzz harnesses (release, -sanitize=fuzzer,address) into $SCRATCH"
# Retried: with several people editing the tree, SwiftPM may stop with "input file … was modified during the build".
for attempt in 1 2 3; do
    if (cd Fuzz && "$SWIFT" build -c release --scratch-path "$SCRATCH" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library); then
        break
    fi
    [ "$attempt" -lt 3 ] || die "the fuzz harnesses do not build"
    warn "build failed (attempt $attempt); retrying"
done
BIN="$(cd Fuzz && "$SWIFT" build -c release --scratch-path "$SCRATCH" --show-bin-path)"
[ "$build_only" -eq 0 ] || exit 0

# Seeds are copied into a per-harness seed folder; libFuzzer reads it and writes new inputs to the corpus only.
seed() {
    local harness="$1" seeds="$SCRATCH/seeds/$1"
    rm -rf "$seeds"
    mkdir -p "$seeds"
    case "$harness" in
    yaml | questionnaire)
        find samples rubrics Tests/ReliabilityTests/Corpus -name '*.yaml' -type f 2>/dev/null | while read -r file; do
            cp "$file" "$seeds/$(printf '%s' "$file" | tr '/' '_')"
        done
        if [ "$harness" = yaml ] && [ -d "$SHARED/yaml-test-suite" ]; then
            for file in "$SHARED"/yaml-test-suite/*/in.yaml; do
                if [ -f "$file" ]; then cp "$file" "$seeds/suite_$(basename "$(dirname "$file")").yaml"; fi
            done
        fi
        ;;
    rubric)
        # The harness replaces the shipped file chosen by the first byte (index into the sorted rubric files).
        local index=0
        for file in $(LC_ALL=C ls rubrics/*.yaml); do
            { printf "\\$(printf '%03o' "$index")"; cat "$file"; } >"$seeds/rubric_$(basename "$file")"
            # High bit set: the harness also runs the rubric analysis of `assess rubric check`.
            { printf "\\$(printf '%03o' $((index + 128)))"; cat "$file"; } >"$seeds/rubric_analysed_$(basename "$file")"
            index=$((index + 1))
        done
        for file in Tests/ReliabilityTests/Corpus/fuzz-rubric-*.yaml; do
            if [ -f "$file" ]; then cp "$file" "$seeds/"; fi
        done
        ;;
    esac
}

max_len() {
    case "$1" in
    rubric) echo 40000 ;;  # the shipped dimension files are ~28 kB
    *) echo 16384 ;;
    esac
}

failed=0
summary=()
for harness in "${harnesses[@]}"; do
    exe="$BIN/$(executable "$harness")"
    corpus="$SCRATCH/corpus/$harness"
    artifacts="$SCRATCH/findings/$harness"  # not artifacts/: SwiftPM owns <scratch>/artifacts
    log="$SCRATCH/logs/$harness.log"
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    seed "$harness"
    before=$(find "$artifacts" -type f | wc -l)
    say "fuzzing $harness for ${FUZZ_SECONDS}s (log: $log)"
    status=0
    # The Swift runtime's own crash handler would race libFuzzer's (and trip ASan); libFuzzer reports instead.
    # Leak detection is off: LeakSanitizer cannot follow Swift's multi-payload enum pointers (spare bits hold the
    # case tag), so the rubric loaded once per process is reported as "leaked" although it stays reachable.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" ASSESS_RUBRIC="$ROOT/rubrics" "$exe" "$corpus" "$SCRATCH/seeds/$harness" \
        -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -max_len="$(max_len "$harness")" \
        -dict=Fuzz/yaml.dict -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1 || status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(printf '%s' "$last" | grep -o 'cov: [0-9]*' || true)
    ft=$(printf '%s' "$last" | grep -o 'ft: [0-9]*' || true)
    new=$(($(find "$artifacts" -type f | wc -l) - before))
    line="$harness: ${runs:-?} executions, ${cov:-cov: ?}, ${ft:-ft: ?}, exit $status, $new new artifact(s)"
    summary+=("$line")
    if [ "$status" -ne 0 ] || [ "$new" -ne 0 ]; then
        failed=1
        warn "$line"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*error: )' "$log" | head -5 >&2 || true
        find "$artifacts" -type f -newer "$SCRATCH/seeds/$harness" -printf '  artifact: %p\n' >&2
    fi
done

say "summary"
printf '  %s\n' "${summary[@]}"
exit "$failed"
