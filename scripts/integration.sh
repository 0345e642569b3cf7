#!/usr/bin/env bash
# `make integration`: runs the built assess binary the way the coach does and checks its output with real tools:
# HTML reports are screenshotted and printed to PDF with headless Chromium, CSV reports are opened with
# LibreOffice Calc and read back (umlauts and numbers must survive). Output goes to out/integration/.
#
# Each check is a function `check_<name>`; add new ones to CHECKS at the bottom. A check that needs a subcommand
# this build does not have yet calls `requires <command>` and is counted as skipped, not passed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

OUT="${OUT:-out/integration}"
RUBRIC="${RUBRIC:-rubrics}"
SAMPLES="${SAMPLES:-samples}"
PASSED=0 FAILED=0 SKIPPED=0

# MARK: - Tools

install_tools() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
    command -v timeout >/dev/null 2>&1 || missing+=(coreutils)
    fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
    if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

build() {
    if [ -n "${ASSESS:-}" ]; then
        say "using ASSESS=$ASSESS (not building)"
    else
        say "building assess (release)"
        "$SWIFT" build "${RELEASE_FLAGS[@]}"
        ASSESS="$("$SWIFT" build "${RELEASE_FLAGS[@]}" --show-bin-path)/assess"
    fi
    export ASSESS
    "$ASSESS" --version
}

# Screenshot (A4 at 150 dpi) and PDF of one HTML file: <file>.png and <file>.pdf beside it.
render_html() {
    local html="$1" url
    url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
    local profile
    profile="$(mktemp -d)"
    local flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --hide-scrollbars
        --user-data-dir="$profile")
    timeout 120 chromium "${flags[@]}" --screenshot="${html%.html}.png" --window-size=1240,1754 "$url" >/dev/null 2>&1
    timeout 120 chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="${html%.html}.pdf" "$url" >/dev/null 2>&1
    rm -rf "$profile"
    [ -s "${html%.html}.png" ] || { warn "no screenshot for $html"; return 1; }
    [ -s "${html%.html}.pdf" ] || { warn "no PDF for $html"; return 1; }
    head -c 5 "${html%.html}.pdf" | grep -q '%PDF-' || { warn "${html%.html}.pdf is not a PDF"; return 1; }
}

# Opens a UTF-8 CSV in LibreOffice Calc, saves it as .xlsx, converts that back to CSV and checks that every
# word with non-ASCII letters and every number survived. Leaves <file>.xlsx and <file>.roundtrip.csv beside it.
csv_roundtrip() {
    local csv="$1" dir base profile
    dir="$(cd "$(dirname "$csv")" && pwd)"
    base="$(basename "$csv" .csv)"
    profile="$(mktemp -d)"
    local office=(timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$profile")
    "${office[@]}" --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$dir" "$csv" >/dev/null 2>&1
    [ -s "$dir/$base.xlsx" ] || { warn "LibreOffice did not convert $csv"; rm -rf "$profile"; return 1; }
    local back
    back="$(mktemp -d)"
    "${office[@]}" --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1" --outdir "$back" "$dir/$base.xlsx" >/dev/null 2>&1
    rm -rf "$profile"
    [ -s "$back/$base.csv" ] || { warn "LibreOffice did not read $base.xlsx back"; return 1; }
    mv "$back/$base.csv" "$dir/$base.roundtrip.csv"
    rmdir "$back"

    local word
    while IFS= read -r word; do
        grep -qF -- "$word" "$dir/$base.roundtrip.csv" || { warn "'$word' did not survive the round trip"; return 1; }
    done < <(LC_ALL=C grep -oE $'[^,";\t]*[\x80-\xff][^,";\t]*' "$csv" | LC_ALL=C sort -u || true)
    [ "$(numbers_in_csv "$csv")" = "$(numbers_in_csv "$dir/$base.roundtrip.csv")" ] || {
        warn "numbers changed in the round trip of $csv"
        diff <(numbers_in_csv "$csv") <(numbers_in_csv "$dir/$base.roundtrip.csv") >&2 || true
        return 1
    }
}

# Every cell of a CSV that is a plain number, normalised (72.50 → 72.5) and sorted.
numbers_in_csv() {
    tr -d '"\r' <"$1" | tr ',;' '\n\n' | grep -E '^-?[0-9]+([.][0-9]+)?$' | awk '{ print $1 + 0 }' | sort -n || true
}

# MARK: - Checks

# Marks the current check as skipped when this build lacks a subcommand.
requires() {
    "$ASSESS" help "$1" >/dev/null 2>&1 || {
        echo "    skipped: this build has no 'assess $1' yet"
        return 2
    }
}

check_binary() {
    "$ASSESS" --version | grep -qE '^assess [0-9]+\.[0-9]+\.[0-9]+$'
    "$ASSESS" --help | grep -q '^SUBCOMMANDS:'
    local status=0
    "$ASSESS" definitely-not-a-command-xyz >/dev/null 2>&1 </dev/null || status=$?
    [ "$status" -eq 64 ] || [ "$status" -eq 1 ] || { warn "unexpected exit $status"; return 1; }
}

check_lint_shipped_files() {
    requires lint || return
    "$ASSESS" lint "$RUBRIC" "$SAMPLES"
}

# The shipped rubric is sound and every sample questionnaire is valid.
check_rubric_and_samples() {
    requires validate || return
    "$ASSESS" rubric check "$RUBRIC" >/dev/null
    "$ASSESS" validate "$SAMPLES" --rubric "$RUBRIC" 2>&1 | tail -1 | grep -q ', 0 errors,' || {
        warn "the samples do not validate"
        return 1
    }
}

# The tools themselves: a tiny page and table with umlauts, so a broken Chromium or LibreOffice is told apart from
# a broken report.
check_tools() {
    mkdir -p "$OUT/tools"
    cat >"$OUT/tools/page.html" <<'HTML'
<!doctype html><html lang="de"><meta charset="utf-8"><title>Prüfseite</title>
<body><h1>Stadtbücherei Müllheim – Übersicht</h1><p>Reifegrad 3,5 von 5</p></body></html>
HTML
    printf 'Bibliothek,Punkte,Anteil\n"Stadtbücherei Müllheim",72.5,0.25\nGemeindebibliothek Großhöflein,41,1\n' >"$OUT/tools/table.csv"
    render_html "$OUT/tools/page.html"
    csv_roundtrip "$OUT/tools/table.csv"
}

# Every sample library's briefing as HTML, plus one library in both languages: each must render, print to A4 and
# carry its charts.
check_briefing_html() {
    requires brief || return
    "$ASSESS" "$SAMPLES" --rubric "$RUBRIC" --format html --output "$OUT/briefings/"
    "$ASSESS" "$SAMPLES" --rubric "$RUBRIC" --library auental --format html --lang en --output "$OUT/auental-en.html"
    local html found=0
    while IFS= read -r html; do
        render_html "$html"
        grep -q '<svg' "$html" || { warn "$html has no chart"; return 1; }
        pdf_is_a4 "${html%.html}.pdf" || return 1
        found=$((found + 1))
    done < <(find "$OUT/briefings" "$OUT/auental-en.html" -name '*.html' | sort)
    [ "$found" -ge 15 ] || { warn "expected 15 briefings and one English one, found $found"; return 1; }
}

# Every page of a PDF is A4 (pdfinfo names the paper size of each page).
pdf_is_a4() {
    command -v pdfinfo >/dev/null 2>&1 || apt_install poppler-utils
    local pages
    pages="$(pdfinfo -l 999 "$1" 2>/dev/null | grep -E '^Page +[0-9]+ +size:' || true)"
    [ -n "$pages" ] || { warn "pdfinfo could not read $1"; return 1; }
    if echo "$pages" | grep -qv '(A4)'; then
        warn "$1 has pages that are not A4:"
        echo "$pages" | grep -v '(A4)' >&2
        return 1
    fi
}

check_compare_html_and_csv() {
    requires compare || return
    "$ASSESS" compare "$SAMPLES" --rubric "$RUBRIC" --format html --output "$OUT/compare.html"
    render_html "$OUT/compare.html"
    pdf_is_a4 "$OUT/compare.pdf"
    "$ASSESS" compare "$SAMPLES" --rubric "$RUBRIC" --format csv --output "$OUT/compare.csv"
    csv_roundtrip "$OUT/compare.csv"
}

# The dialect for German spreadsheet programs (';', decimal comma, BOM): LibreOffice with German number
# settings must read the same numbers as from the standard CSV.
check_compare_csv_excel_de() {
    requires compare || return
    "$ASSESS" compare "$SAMPLES" --rubric "$RUBRIC" --format csv --output "$OUT/compare.csv"
    "$ASSESS" compare "$SAMPLES" --rubric "$RUBRIC" --format csv --csv-dialect excel-de --output "$OUT/compare-de.csv"
    head -c 3 "$OUT/compare-de.csv" | od -An -tx1 | grep -q 'ef bb bf' || { warn "compare-de.csv has no UTF-8 BOM"; return 1; }
    local dir profile back
    dir="$(cd "$OUT" && pwd)"
    profile="$(mktemp -d)"
    back="$(mktemp -d)"
    local office=(timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$profile")
    # Field separator ';' (59), text delimiter '"' (34), UTF-8 (76), first line 1, German locale (1031).
    "${office[@]}" --infilter="CSV:59,34,76,1,,1031" --convert-to xlsx --outdir "$dir" "$dir/compare-de.csv" >/dev/null 2>&1
    "${office[@]}" --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033" --outdir "$back" "$dir/compare-de.xlsx" >/dev/null 2>&1
    rm -rf "$profile"
    [ -s "$back/compare-de.csv" ] || { warn "LibreOffice did not read compare-de.xlsx back"; rm -rf "$back"; return 1; }
    mv "$back/compare-de.csv" "$dir/compare-de.roundtrip.csv"
    rmdir "$back"
    grep -q 'Stadtbücherei Grauwasser' "$dir/compare-de.roundtrip.csv" || { warn "umlauts lost in compare-de.csv"; return 1; }
    [ "$(numbers_in_csv "$dir/compare.csv")" = "$(numbers_in_csv "$dir/compare-de.roundtrip.csv")" ] || {
        warn "decimal commas were not read as the same numbers"
        diff <(numbers_in_csv "$dir/compare.csv") <(numbers_in_csv "$dir/compare-de.roundtrip.csv") | head >&2 || true
        return 1
    }
}

CHECKS=(check_binary check_lint_shipped_files check_rubric_and_samples check_tools check_briefing_html check_compare_html_and_csv
    check_compare_csv_excel_de)

run_check() {
    local name="$1" status
    say "$name"
    # Not `( … ) || …`: bash ignores `set -e` inside a subshell whose status is tested.
    set +e
    (
        set -e
        "$name"
    )
    status=$?
    set -e
    case "$status" in
        0) PASSED=$((PASSED + 1)) ;;
        2) SKIPPED=$((SKIPPED + 1)) ;;
        *) FAILED=$((FAILED + 1)); echo "    FAILED: $name (exit $status)" ;;
    esac
}

main() {
    install_tools
    build
    rm -rf "$OUT"
    mkdir -p "$OUT"
    local check
    for check in "${CHECKS[@]}"; do run_check "$check"; done
    echo "Output in $OUT/"
    echo "integration: $PASSED passed, $FAILED failed, $SKIPPED skipped"
    [ "$FAILED" -eq 0 ]
}

main "$@"
