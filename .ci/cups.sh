#!/usr/bin/env bash
# A real CUPS for the slip tests (Tests/SlipTests/CupsTests.swift): a raw queue whose
# device appends every job to a file, so a test can print and find its bytes there.
#
#   .ci/cups.sh start   install cups and cups-client if missing, start cupsd if it is not
#                       running, add the queue (root only)
#   .ci/cups.sh stop    remove the queue, and stop cupsd if this script started it
#
# Queue and file: $PLAZADESK_CUPS_QUEUE (deskslips) and $PLAZADESK_CUPS_OUT
# (/tmp/plazadesk-cups/deskslips.bin); the test reads the same variables.
#
# Why a backend and not a file: device: CUPS 2.4 accepts `file:` URIs only with
# `FileDevice Yes`, and then does not copy a raw job (no filter) to the file at all; the
# job "completes" and nothing arrives. A four-line backend is what a USB queue is too.
set -euo pipefail

queue="${PLAZADESK_CUPS_QUEUE:-deskslips}"
out="${PLAZADESK_CUPS_OUT:-/tmp/plazadesk-cups/deskslips.bin}"
state=/tmp/plazadesk-cups-state
backend=/usr/lib/cups/backend/deskfile

running() { lpstat -r 2>/dev/null | grep -q "scheduler is running"; }

start() {
  if [ "$(id -u)" != 0 ]; then echo "cups.sh: start needs root (apt-get, cupsd, lpadmin)" >&2; exit 1; fi
  need=()
  for pkg in cups cups-client; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
  if [ ${#need[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  mkdir -p "$state"
  cat > "$backend" <<'SH'
#!/bin/sh
# deskfile:/path — appends each job to /path (Plaza Desk's test queue).
if [ $# -eq 0 ]; then echo 'direct deskfile "Unknown" "Plaza Desk: jobs appended to a file"'; exit 0; fi
umask 022
out="${DEVICE_URI#deskfile:}"
if [ -n "$6" ]; then cat "$6" >> "$out" || exit 1; else cat >> "$out" || exit 1; fi
exit 0
SH
  chmod 755 "$backend"
  if ! running; then
    # In the foreground (-f) so that $! is cupsd itself, stopped by that id and no other.
    nohup /usr/sbin/cupsd -f > "$state/cupsd.log" 2>&1 &
    echo $! > "$state/cupsd.pid"
    for _ in $(seq 1 100); do running && break; sleep 0.2; done
    running || { echo "cups.sh: cupsd did not start:" >&2; cat "$state/cupsd.log" >&2; exit 1; }
  fi
  mkdir -p "$(dirname "$out")"
  chmod 1777 "$(dirname "$out")"
  rm -f "$out"
  # "Raw queues are deprecated" is expected: CUPS 2.4 still prints them byte for byte.
  lpadmin -p "$queue" -E -v "deskfile:$out" -m raw 2> >(grep -v "Raw queues are deprecated" >&2 || true)
  cupsenable "$queue"
  cupsaccept "$queue"
  echo "cups.sh: queue $queue prints to $out"
}

stop() {
  lpadmin -x "$queue" 2>/dev/null || true
  if [ -f "$state/cupsd.pid" ]; then
    pid="$(cat "$state/cupsd.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    rm -f "$state/cupsd.pid"
  fi
  rm -f "$backend"
  echo "cups.sh: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
