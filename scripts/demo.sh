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
LIBRARY="${LIBRARY:-auental}"

build() {
    if [ -n "${ASSESS:-}" ]; then
        say "using ASSESS=$ASSESS (not building)"
    else
        say "building assess ($CONFIG)"
        local flags=(-c "$CONFIG")
        [ "$CONFIG" = release ] && flags=("${RELEASE_FLAGS[@]}")
        "$SWIFT" build "${flags[@]}"
        ASSESS="$("$SWIFT" build "${flags[@]}" --show-bin-path)/assess"
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

# The coach's view: the briefing for one sample library in the terminal, and as an HTML file to open or print.
briefing() {
    require_command brief
    say "assess $SAMPLES --library $LIBRARY (the briefing for the next coaching day)"
    "$ASSESS" "$SAMPLES" --rubric "$RUBRIC" --library "$LIBRARY"
    "$ASSESS" "$SAMPLES" --rubric "$RUBRIC" --library "$LIBRARY" --format html --output "$OUT/$LIBRARY.html"
    "$ASSESS" "$SAMPLES" --rubric "$RUBRIC" --format html --output "$OUT/briefings/"
}

# The programme manager's view: all libraries compared, as HTML and as a CSV for spreadsheets.
comparison() {
    require_command compare
    say "assess compare $SAMPLES (programme view)"
    "$ASSESS" compare "$SAMPLES" --rubric "$RUBRIC" --format html --output "$OUT/compare.html"
    "$ASSESS" compare "$SAMPLES" --rubric "$RUBRIC" --format csv --csv-dialect excel-de --output "$OUT/compare.csv"
}

main() {
    build
    mkdir -p "$OUT"
    check_inputs
    briefing
    comparison
    say "done."
    echo "Briefing for $LIBRARY (open in a browser, prints on A4): $ROOT/$OUT/$LIBRARY.html"
    echo "Briefings for all sample libraries:                    $ROOT/$OUT/briefings/"
    echo "Programme report:                                      $ROOT/$OUT/compare.html"
    echo "Programme table for spreadsheets:                      $ROOT/$OUT/compare.csv"
}

main "$@"
