#!/usr/bin/env bash
# `make demo`: builds assess and runs the main job on the shipped samples (samples/ against rubrics/), writing the
# reports to out/demo/. Each step is a function so new commands slot in without touching the rest.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

CONFIG="${CONFIG:-release}"
OUT="${OUT:-out/demo}"
RUBRIC="${RUBRIC:-rubrics}"
SAMPLES="${SAMPLES:-samples}"

build() {
    if [ -n "${ASSESS:-}" ]; then
        say "using ASSESS=$ASSESS (not building)"
    else
        say "building assess ($CONFIG)"
        "$SWIFT" build -c "$CONFIG"
        ASSESS="$("$SWIFT" build -c "$CONFIG" --show-bin-path)/assess"
    fi
    export ASSESS
    "$ASSESS" --version
}

# True when this build of assess has the subcommand.
has_command() { "$ASSESS" help "$1" >/dev/null 2>&1; }

require_command() {
    has_command "$1" || die "this build of assess has no '$1' command yet (register it in Sources/AssessCLI/CLI/CommandRegistry.swift)"
}

check_inputs() {
    say "assess lint $RUBRIC $SAMPLES"
    "$ASSESS" lint "$RUBRIC" "$SAMPLES"
}

briefing() {
    require_command brief
    say "assess $SAMPLES (briefing, HTML)"
    "$ASSESS" brief "$SAMPLES" --rubric "$RUBRIC" --format html --output "$OUT/briefings"
}

comparison() {
    require_command compare
    say "assess compare (HTML)"
    "$ASSESS" compare "$SAMPLES" --rubric "$RUBRIC" --format html --output "$OUT/compare.html"
}

main() {
    build
    mkdir -p "$OUT"
    check_inputs
    briefing
    comparison
    say "done. Reports:"
    find "$OUT" -type f -name '*.html' | sort | sed 's/^/    /'
    echo "Open $ROOT/$OUT/compare.html in a browser."
}

main "$@"
