#!/usr/bin/env bash
# Measures `gammascalp play` under tmux: startup to first frame, CPU at normal speed and
# paused, and memory over a long fast session. Usage: Tests/Benchmarks/measure-play.sh [BINARY]
# (default: a release build in .build-measure). Needs tmux.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-}
if [[ -z "$BIN" ]]; then
    swift build -c release --scratch-path .build-measure >/dev/null
    BIN=.build-measure/release/gammascalp
fi
BIN=$(realpath "$BIN")
SOCK=gammascalp-measure-$$
WORK=$(mktemp -d)
SOCKET_FILE=${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK
trap 'tmux -L $SOCK kill-server 2>/dev/null || true; rm -rf "$WORK" "$SOCKET_FILE"' EXIT
HZ=$(getconf CLK_TCK)

start() {  # start ARGS...: runs the binary in a fresh 120x40 tmux window
    tmux -L $SOCK kill-server 2>/dev/null || true
    # The old server may still be going away: retry until the new one starts.
    for _ in $(seq 50); do
        tmux -L $SOCK -f /dev/null new-session -d -s T -x 120 -y 40 \
            "env LANG=C.UTF-8 TERM=tmux-256color HOME=$WORK GAMMASCALP_TIMING=$WORK/timing.json $BIN --no-journal --no-intro $*; sleep 30" \
            2>/dev/null && break
        sleep 0.1
    done
    for _ in $(seq 100); do
        PID=$(pgrep -P "$(tmux -L $SOCK display -p '#{pane_pid}')" -x gammascalp || true)
        [[ -n "$PID" ]] && break
        sleep 0.05
    done
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }
quit() { tmux -L $SOCK send-keys -t T q; sleep 0.3; tmux -L $SOCK send-keys -t T x; sleep 0.5; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "binary: $BIN"

echo "== startup to first frame (5 runs) =="
for _ in 1 2 3 4 5; do
    start --seed 1 --paused
    sleep 0.7
    quit
    grep -o '"first_frame_ms":[0-9.]*' "$WORK/timing.json"
done

measure_cpu() {  # measure_cpu SECONDS LABEL ARGS...
    local seconds=$1 label=$2; shift 2
    start "$@"
    sleep 2
    local t0 t1
    t0=$(cpu_ticks)
    sleep "$seconds"
    t1=$(cpu_ticks)
    echo "$label: $(awk -v d=$((t1 - t0)) -v s="$seconds" -v hz="$HZ" 'BEGIN {printf "%.2f%% of one core", 100 * d / hz / s}') over ${seconds}s, RSS $(rss_kb) kB"
    quit
    cat "$WORK/timing.json"
}
echo "== CPU =="
measure_cpu 60 "running x1 (10 steps/s)" --seed 2
measure_cpu 60 "paused" --seed 2 --paused
measure_cpu 10 "running x64 (640 steps/s, 30 frames/s), auto-hedge" --seed 2 --speed 64 --auto-hedge

echo "== memory over a whole session at x16 (160 steps/s, 8640 steps, auto-hedge every step) =="
start --seed 3 --speed 16 --auto-hedge
tmux -L $SOCK send-keys -t T A   # band:100 -> every:1: a trade nearly every step
for i in $(seq 0 6); do
    echo "t=$((i * 10))s RSS $(rss_kb) kB"
    sleep 10
done
quit
cat "$WORK/timing.json"
