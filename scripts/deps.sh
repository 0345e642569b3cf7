#!/usr/bin/env bash
# Installs what building needs and SwiftPM does not bring: libyaml (headers + pkg-config file) and pkg-config.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists yaml-0.1; then
    exit 0
fi
say "libyaml-dev or pkg-config is missing; installing"
apt_install libyaml-dev pkg-config
pkg-config --exists yaml-0.1 || die "libyaml is still not found by pkg-config (yaml-0.1)"
