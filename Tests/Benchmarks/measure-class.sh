#!/usr/bin/env bash
# Measures a class on one machine: N trainees (real `play --class` sessions, each in its own
# tmux session of one private tmux server, auto-hedging so their journals carry trades)
# write into one class folder while `leaderboard --watch` shows it under tmux. Reports the
# board's CPU (from /proc/PID/stat over the interval), the time from a new journal's first
# write to its row on the board (polling `tmux capture-pane`), and each play session's CPU
# and RSS, for sizing a server.
#
# Usage: Tests/Benchmarks/measure-class.sh [N [SECONDS [SPEED [BINARY]]]]
#   N trainees (default 50), SECONDS measured (default 60), SPEED each plays at (default 1,
#   a class's pace), BINARY (default: a release build in .build-measure). Needs tmux.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-50}
SECONDS_MEASURED=${2:-60}
SPEED=${3:-1}
BIN=${4:-}
if [[ -z "$BIN" ]]; then
    swift build -c release --scratch-path .build-measure >/dev/null
    BIN=.build-measure/release/gammascalp
fi
BIN=$(realpath "$BIN")
SOCK=gammascalp-class-$$
WORK=$(mktemp -d)
CLASS=$WORK/class
mkdir -p "$CLASS"
SOCKET_FILE=${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK
trap 'tmux -L $SOCK kill-server 2>/dev/null || true; rm -rf "$WORK" "$SOCKET_FILE"' EXIT
HZ=$(getconf CLK_TCK)
TMUX="tmux -L $SOCK -f /dev/null"

# The gammascalp process of a tmux session (the pane's process, or its child).
pid_of() {
    local pane
    pane=$($TMUX display -p -t "$1" '#{pane_pid}')
    if [[ "$(cat /proc/$pane/comm)" == gammascalp ]]; then echo "$pane"; else pgrep -P "$pane" -x gammascalp; fi
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
# Memory only this process uses (the binary's and the libraries' pages are shared by all).
private_kb() { awk '/^Private_(Dirty|Clean)/ {sum += $2} END {print sum}' "/proc/$1/smaps_rollup"; }
percent() { awk -v d="$1" -v s="$SECONDS_MEASURED" -v hz="$HZ" 'BEGIN {printf "%.2f", 100 * d / hz / s}'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), Linux $(uname -r), $(tmux -V)"
echo "binary: $BIN"
echo "class: $N trainees at x$SPEED (classic-scalp, seed 5, auto-hedge), measured over ${SECONDS_MEASURED}s"

ENV="env LANG=C.UTF-8 TERM=tmux-256color HOME=$WORK"
$TMUX new-session -d -s board -x 130 -y $((N + 20)) "$ENV $BIN leaderboard --watch $CLASS; sleep 600"
for i in $(seq -w 1 "$N"); do
    $TMUX new-session -d -s "t$i" -x 100 -y 30 \
        "$ENV $BIN play --class $CLASS --name t$i --seed 5 --scenario classic-scalp --no-intro --auto-hedge --speed $SPEED; sleep 600"
done
sleep 5
BOARD=$(pid_of board)
PLAYERS=()
for i in $(seq -w 1 "$N"); do PLAYERS+=("$(pid_of "t$i")"); done
SERVER=$($TMUX display -p '#{pid}')
echo "journals: $(ls "$CLASS" | wc -l) files"

board0=$(ticks "$BOARD"); server0=$(ticks "$SERVER")
declare -A play0
for pid in "${PLAYERS[@]}"; do play0[$pid]=$(ticks "$pid"); done
sleep "$SECONDS_MEASURED"
board1=$(ticks "$BOARD"); server1=$(ticks "$SERVER")
echo "board CPU: $(percent $((board1 - board0)))% of one core, RSS $(rss_kb "$BOARD") kB, private $(private_kb "$BOARD") kB"
echo "tmux server CPU (drawing $N play screens and the board): $(percent $((server1 - server0)))% of one core"
for pid in "${PLAYERS[@]}"; do
    echo "$(percent $(( $(ticks "$pid") - play0[$pid] ))) $(rss_kb "$pid") $(private_kb "$pid")"
done | awk '{c += $1; r += $2; p += $3; if ($1 > cmax) cmax = $1; if ($2 > rmax) rmax = $2}
    END {printf "play sessions: CPU mean %.2f%%, max %.2f%% of one core (all %d together %.0f%%); RSS mean %.1f MB, max %.1f MB, of it private %.1f MB\n",
         c / NR, cmax, NR, c, r / NR / 1024, rmax / 1024, p / NR / 1024}'
echo "journal bytes written: $(du -sb "$CLASS" | cut -f1)"

# Latency: a new trainee's journal (the first lines of a real one) written at once; the
# time until its name is on the board.
echo "== journal write -> row on the board (5 new trainees) =="
for k in 1 2 3 4 5; do
    t0=$(date +%s%N)
    head -n 3 "$CLASS/t$(seq -w 1 "$N" | head -1).jsonl" > "$CLASS/probe$k.jsonl"
    until $TMUX capture-pane -p -t board | grep -q "probe$k "; do
        sleep 0.01
        (( $(date +%s%N) - t0 > 10000000000 )) && { echo "probe$k: not shown after 10 s"; break; }
    done
    echo "probe$k: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
    sleep 0.$((RANDOM % 9 + 1))
done
$TMUX capture-pane -p -t board | head -8
