#!/usr/bin/env bash
# bench-tui.sh — the terminal workbook's budgets of issue 13, measured the way
# a person meets them: the real binary in tmux at 80×24 on a real workbook,
# timed by waiting for visible text.
#
#   scripts/bench-tui.sh [-n RUNS] WORKBOOK BINARY[@WORKBOOK] [BINARY[@WORKBOOK]…]
#
# BINARY@WORKBOOK opens its own copy of the workbook: an older build refuses
# a workbook a newer one has migrated, so before/after pairs need two copies.
#
# For each run and each binary, in turn (paired runs: before and after
# alternate, so both meet the same load):
#   first frame   new tmux session → the header ("backchannel ›") on screen
#   dashboard     → the proposals counted ("50 proposals") on screen
#   objections    o pressed → the objections counted ("… shown") on screen
#   blind spots   b pressed → the blind spots counted on screen
# and the process's CPU (user + system of every thread, from
# /proc/PID/task/*/schedstat, in ms) when each appeared; then it opens every
# other screen (contacts, agenda, search, a proposal's six tabs) and reads
# the peak resident set (VmHWM) and the resident set now (VmRSS).
#
# The reference rows: "echo" is the same harness starting a shell that
# prints one word (what tmux and the polling cost before any program runs),
# "version" the first binary printing its version (the floor of any start).
# Wall times include the harness; CPU times are the program's own.
#
# Medians per binary are printed at the end. Workbooks: see
# docs/performance.md (`backchannel demo --proposals … --contacts …`).
set -euo pipefail

RUNS=5
if [ "${1:-}" = "-n" ]; then RUNS=$2; shift 2; fi
if [ $# -lt 2 ]; then
	echo "usage: $0 [-n RUNS] WORKBOOK BINARY [BINARY…]" >&2
	exit 2
fi
db=$1
shift
command -v tmux >/dev/null || { echo "bench-tui.sh needs tmux" >&2; exit 1; }
export BACKCHANNEL_TODAY=${BACKCHANNEL_TODAY:-2026-11-21} NO_COLOR=1
session="bench-tui-$$"
# A tmux server of our own (-L): a shared one would start programs with its
# environment, not ours, and other people's sessions would share its CPU.
tmux() { command tmux -L "$session" "$@"; }
out=$(mktemp)
trap 'tmux kill-server 2>/dev/null || true; rm -f "$out"' EXIT

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# cpu_ms PID: CPU time of every thread of PID so far, in ms.
cpu_ms() {
	local ns=0 f a
	for f in /proc/"$1"/task/*/schedstat; do
		read -r a _ <"$f" 2>/dev/null || continue
		ns=$((ns + a))
	done
	echo $((ns / 1000000))
}

# wait_for REGEX: poll the pane until a line matches; fails after 120 s.
wait_for() {
	local deadline=$(($(now_ms) + 120000))
	until tmux capture-pane -p -t "$session" 2>/dev/null | grep -qE "$1"; do
		# Poll every 5 ms without a fork for sleep, so the harness takes
		# little of the CPU the program is measured on.
		read -rt 0.005 <> <(:) || true
		if [ "$(now_ms)" -gt "$deadline" ]; then
			echo "timed out waiting for /$1/; the screen:" >&2
			tmux capture-pane -p -t "$session" >&2 || true
			return 1
		fi
	done
}

# key K REGEX: press K and wait for REGEX.
key() {
	tmux send-keys -t "$session" "$1"
	wait_for "$2"
}

# back REGEX: press esc until REGEX shows (a focused field takes the first).
back() {
	local i
	for i in 1 2 3 4 5; do
		tmux send-keys -t "$session" Escape
		sleep 0.5
		if tmux capture-pane -p -t "$session" | grep -qE "$1"; then return 0; fi
	done
	wait_for "$1"
}

run_echo() {
	local t0 t1
	t0=$(now_ms)
	tmux new-session -d -s "$session" -x 80 -y 24 "echo harness-ready; sleep 30"
	wait_for '^harness-ready'
	t1=$(now_ms)
	tmux kill-session -t "$session"
	printf 'echo\t%d\t-\t-\t-\t-\t-\t-\t-\t-\t-\n' $((t1 - t0)) >>"$out"
}

# run_version BINARY: the same harness showing `backchannel version`, the
# floor every start of the program pays (package init, glamour's syntax
# highlighter registering its styles among it).
run_version() {
	local t0 t1
	t0=$(now_ms)
	tmux new-session -d -s "$session" -x 80 -y 24 "'$1' version; sleep 30"
	wait_for '^backchannel '
	t1=$(now_ms)
	tmux kill-session -t "$session"
	printf 'version\t%d\t-\t-\t-\t-\t-\t-\t-\t-\t-\n' $((t1 - t0)) >>"$out"
}

run_tui() {
	local bin=${1%@*} db=$db t0 tf td to tb pid cf cd co cb hwm rss
	case $1 in *@*) db=${1#*@} ;; esac
	t0=$(now_ms)
	tmux new-session -d -s "$session" -x 80 -y 24 "BACKCHANNEL_TODAY=$BACKCHANNEL_TODAY NO_COLOR=1 exec '$bin' --db '$db'"
	pid=$(tmux display -p -t "$session" '#{pane_pid}')
	wait_for '^backchannel ›'
	tf=$(now_ms); cf=$(cpu_ms "$pid")
	wait_for '^[0-9]+ proposals'
	td=$(now_ms); cd=$(cpu_ms "$pid")
	key o '^Objections · .*shown'
	to=$(now_ms); co=$(cpu_ms "$pid")
	key b '^Blind spots · .*shown'
	tb=$(now_ms); cb=$(cpu_ms "$pid")
	# Every other screen, so the memory figure is "after opening every screen".
	key c '^[0-9]+ contacts'
	key T '^Today, '
	back '^[0-9]+ proposals'
	key / '› Search'
	back '^[0-9]+ proposals'
	key Enter '› Proposal '
	for k in 2 3 4 5 6 1; do
		tmux send-keys -t "$session" "$k"
	done
	wait_for '(Ready to pitch|Getting there|Not ready)'
	sleep 1
	hwm=$(awk '/^VmHWM/ {print int($2 / 1024)}' /proc/"$pid"/status)
	rss=$(awk '/^VmRSS/ {print int($2 / 1024)}' /proc/"$pid"/status)
	tmux kill-session -t "$session"
	printf '%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n' "$(basename "$bin")" \
		$((tf - t0)) "$cf" $((td - t0)) "$cd" $((to - td)) $((co - cd)) $((tb - to)) $((cb - co)) "$hwm" "$rss" >>"$out"
}

echo "workbook $db, $RUNS runs, load $(cut -d' ' -f1-3 /proc/loadavg) at the start" >&2
for i in $(seq "$RUNS"); do
	run_echo
	run_version "${1%@*}"
	for bin in "$@"; do
		run_tui "$bin"
	done
	echo "run $i done, load $(cut -d' ' -f1 /proc/loadavg)" >&2
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at the end" >&2

echo "every run (ms; cpu in ms; MB):" >&2
cat "$out" >&2
# Medians per program.
printf 'program\tfirst frame ms (cpu)\tdashboard ms (cpu)\tobjections ms (cpu)\tblind spots ms (cpu)\tpeak MB\tRSS MB\n'
cut -f1 "$out" | awk '!seen[$0]++' | while read -r name; do
	med() { awk -F'\t' -v n="$name" -v c="$1" '$1 == n {print $c}' "$out" | sort -n |
		awk '{a[NR] = $1} END {if (NR == 0 || a[1] == "-") print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
	printf '%s\t%s (%s)\t%s (%s)\t%s (%s)\t%s (%s)\t%s\t%s\n' "$name" \
		"$(med 2)" "$(med 3)" "$(med 4)" "$(med 5)" "$(med 6)" "$(med 7)" "$(med 8)" "$(med 9)" "$(med 10)" "$(med 11)"
done
