# Shared shell helpers for the scripts in this folder. Source it: `. "$(dirname "$0")/lib.sh"`.

# The repository root, whatever folder the script was started from.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SWIFT="${SWIFT:-swift}"

# `swift build` options of a release build. On Linux the Swift runtime and Foundation are linked into the binary:
# loading and binding their shared libraries was most of the start-up of a short run such as a briefing.
RELEASE_FLAGS=(-c release)
if [ "$(uname -s)" = Linux ]; then RELEASE_FLAGS+=(--static-swift-stdlib); fi

say() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run '$*' (no sudo found); run it as root"
    fi
}

# Installs Debian packages with apt-get, updating the package lists once per run.
APT_UPDATED="${APT_UPDATED:-}"
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install these packages by hand: $*"
    export DEBIAN_FRONTEND=noninteractive
    if [ -z "$APT_UPDATED" ]; then
        say "apt-get update"
        as_root apt-get update -qq
        APT_UPDATED=1
    fi
    say "apt-get install $*"
    as_root apt-get install -y -qq --no-install-recommends "$@"
}
