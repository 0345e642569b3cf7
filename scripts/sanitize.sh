#!/usr/bin/env bash
# `make sanitize`: builds and runs the whole test suite under AddressSanitizer, then under ThreadSanitizer
# (one run each: they cannot be combined). Scratch folder: .build-sanitize/<sanitizer>.
# UndefinedBehaviorSanitizer is tried when listed, but swiftc 6.3 on Linux rejects `-sanitize=undefined`
# ("unsupported option"); Swift's own checks (overflow, bounds, force-unwrap traps) cover that class in
# the debug build, and the end-to-end tests fail on any trap. SANITIZERS="address" runs only one; extra
# arguments go to `swift test` (e.g. `scripts/sanitize.sh --filter ReliabilityTests`).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

SANITIZERS="${SANITIZERS:-address thread}"
# The Swift runtime's backtracer reads memory ASan considers poisoned; let the sanitizer report instead.
export SWIFT_BACKTRACE=enable=no
# Leaks: LeakSanitizer cannot follow Swift's multi-payload enum pointers (the case tag lives in spare bits),
# so long-lived values are reported as leaked; see README "Reliability".
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=0:${ASAN_OPTIONS:-}"
# The end-to-end tests run the sanitized binary, which is several times slower: stretch their time limits.
export ASSESS_TEST_TIMEOUT_SCALE="${ASSESS_TEST_TIMEOUT_SCALE:-5}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
export TSAN_OPTIONS="halt_on_error=0:${TSAN_OPTIONS:-}"

failed=()
for sanitizer in $SANITIZERS; do
    scratch=".build-sanitize/$sanitizer"
    say "swift test --sanitize=$sanitizer (scratch: $scratch)"
    # The tests that run the binary find it next to the test bundle, so it is built with the same sanitizer.
    if "$SWIFT" build --scratch-path "$scratch" --sanitize="$sanitizer" --build-tests \
        && "$SWIFT" test --scratch-path "$scratch" --sanitize="$sanitizer" --skip-build "$@" 2>&1 \
        | tee "$scratch.log"; then
        if grep -qE 'ERROR: AddressSanitizer|WARNING: ThreadSanitizer|runtime error:|SUMMARY: UndefinedBehaviorSanitizer' "$scratch.log"; then
            warn "$sanitizer: sanitizer report in $scratch.log"
            failed+=("$sanitizer")
        fi
    else
        failed+=("$sanitizer")
    fi
done
[ ${#failed[@]} -eq 0 ] || die "sanitizer run failed: ${failed[*]}"
say "sanitizers clean: $SANITIZERS"
