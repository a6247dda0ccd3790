#!/usr/bin/env bash
# Render `codingpath roadmap --format html` (the lattice page; or svg, the ladder picture) in headless
# Chromium and save a PNG screenshot, to check by eye that the page renders, or to refresh the
# README's picture (the whole lattice at 1400 pixels wide is about 2,080 pixels tall):
#
#   scripts/screenshot-roadmap.sh [OUT.png] [ROADMAP ARGS...]
#   WINDOW=1400x2080 scripts/screenshot-roadmap.sh docs/roadmap.png --profile examples/experienced-coder.yaml
#
# Environment: CODINGPATH (the command, default `codingpath`), CHROMIUM (the browser, default the
# first of chromium, chromium-browser, google-chrome on PATH), FORMAT (html or svg, default html),
# WINDOW (WIDTHxHEIGHT in pixels, default 1400x1000). Debian: apt-get install -y chromium.
# Nothing is fetched from the network: the page is a local file and the browser's background
# services are off.
set -euo pipefail

out=${1:-roadmap.png}
[ $# -gt 0 ] && shift
codingpath=${CODINGPATH:-codingpath}
format=${FORMAT:-html}
window=${WINDOW:-1400x1000}
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$browser" ]; then
  echo "screenshot-roadmap.sh: no Chromium found; install it (Debian: apt-get install -y chromium) or set CHROMIUM" >&2
  exit 2
fi
case "$out" in /*) target=$out ;; *) target=$PWD/$out ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$codingpath" roadmap --format "$format" "$@" > "$work/roadmap.$format"

rm -f "$target"
if ! timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/browser-profile" --hide-scrollbars --window-size="${window/x/,}" \
    --screenshot="$target" "file://$work/roadmap.$format" > "$work/chromium.log" 2>&1 || [ ! -s "$target" ]; then
  cat "$work/chromium.log" >&2
  echo "screenshot-roadmap.sh: Chromium did not write $out" >&2
  exit 1
fi
echo "wrote $out ($window, roadmap --format $format $*)"
