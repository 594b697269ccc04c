#!/usr/bin/env bash
# bench-tui.sh — the terminal workbook's budgets of issue 13, measured the way
# a person meets them: the real binary in tmux at 80×24 on a real workbook,
# timed by waiting for visible text.
#
#   scripts/bench-tui.sh [-n RUNS] [-c] WORKBOOK BINARY[@WORKBOOK] [BINARY[@WORKBOOK]…]
#
# -c (cold): empty the workbook's readiness cache before every run, as the
# first open of a day or of a new build finds it (every score assessed
# again); without it every run but the first reads the cache.
#
# BINARY@WORKBOOK opens its own copy of the workbook: an older build refuses
# a workbook a newer one has migrated, so before/after pairs need two copies.
#
# For each run and each binary, in turn (paired runs: before and after
# alternate, so both meet the same load):
#   first frame   new tmux session → the header ("backchannel ›") on screen
#   list          → the proposals counted, scores in or not
#   dashboard     → the proposals counted ("50 proposals") with every score in
#   objections    o pressed → the objections counted ("… shown") on screen
#   blind spots   b pressed → the blind spots counted on screen
#   a proposal    enter on the dashboard → its brief's verdict on the Summary tab
# and the process's CPU (user + system of every thread, from
# /proc/PID/task/*/schedstat, in ms) when each appeared; then it opens every
# other screen (contacts, agenda, search, a proposal's six tabs) and reads
# the peak resident set (VmHWM) and the resident set now (VmRSS).
#
# Keys: on the dashboard, the objections, the blind spots, contacts, the
# agenda and a proposal's Summary and Room tabs, KEYS presses of ↓ and ↑ in
# turn (default 10), each timed from tmux send-keys to the pane changing
# (colours included, so a moved selection counts), and the program's CPU
# over them divided by their number. The "echo" row's key figure is the
# same harness typing into cat: what tmux and the polling cost a key.
#
# The reference rows: "echo" is the same harness starting a shell that
# prints one word (what tmux and the polling cost before any program runs),
# "version" the first binary printing its version (the floor of any start).
# Wall times include the harness; CPU times are the program's own.
#
# Medians per binary are printed at the end. Workbooks: see
# docs/performance.md (`backchannel demo --proposals … --contacts …`).
set -euo pipefail

RUNS=5 COLD=0 KEYS=${KEYS:-10}
while :; do
	case ${1:-} in
	-n) RUNS=$2; shift 2 ;;
	-c) COLD=1; shift ;;
	*) break ;;
	esac
done
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
out=$(mktemp) keysout=$(mktemp)
trap 'tmux kill-server 2>/dev/null || true; rm -f "$out" "$keysout"' EXIT
# A session that lives as long as the script keeps the server up: when the
# last session ends the server exits, and a new-session racing that exit
# fails ("server exited unexpectedly").
tmux new-session -d -s keep -x 80 -y 24 "sleep 86400"
if [ "$COLD" = 1 ]; then command -v sqlite3 >/dev/null || { echo "-c needs sqlite3" >&2; exit 1; }; fi

# now_ms: the wall clock in ms, without a fork (bash 5's EPOCHREALTIME).
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }

# cpu_ns PID: CPU time of every thread of PID so far, in ns; cpu_ms in ms.
cpu_ns() {
	local ns=0 f a
	for f in /proc/"$1"/task/*/schedstat; do
		read -r a _ <"$f" 2>/dev/null || continue
		ns=$((ns + a))
	done
	echo "$ns"
}
cpu_ms() { echo $(($(cpu_ns "$1") / 1000000)); }

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

# keys NAME SCREEN PID: KEYS presses of ↓ and ↑ in turn, each waited for
# until the pane (with its colours) changes; appends NAME, SCREEN, the
# median wall time of a key in ms (to 0.1) and the CPU per key in ms (to
# 0.01; "-" without a PID) to the keys table.
keys() {
	local name=$1 screen=$2 pid=${3:-} i k t0 t1 before c0 c1 walls=() deadline
	sleep 0.3 # what the screen's load left running settles
	[ -n "$pid" ] && c0=$(cpu_ns "$pid")
	for ((i = 0; i < KEYS; i++)); do
		k=Down
		if ((i % 2)); then k=Up; fi
		before=$(tmux capture-pane -e -p -t "$session")
		t0=${EPOCHREALTIME/./}
		tmux send-keys -t "$session" "$k"
		deadline=$((t0 + 10000000))
		while [ "$(tmux capture-pane -e -p -t "$session")" = "$before" ]; do
			if [ "${EPOCHREALTIME/./}" -gt "$deadline" ]; then
				echo "key $k on $screen changed nothing in 10 s" >&2
				return 1
			fi
		done
		t1=${EPOCHREALTIME/./}
		walls+=($((t1 - t0)))
	done
	local cpu=-
	if [ -n "$pid" ]; then
		c1=$(cpu_ns "$pid")
		cpu=$(awk -v d=$((c1 - c0)) -v n="$KEYS" 'BEGIN {printf "%.2f", d / n / 1e6}')
	fi
	printf '%s\n' "${walls[@]}" | sort -n | awk -v n="$name" -v s="$screen" -v c="$cpu" \
		'{a[NR] = $1} END {printf "%s\t%s\t%.1f\t%s\n", n, s, a[int((NR + 1) / 2)] / 1000, c}' >>"$keysout"
}

run_echo() {
	local t0 t1
	t0=$(now_ms)
	tmux new-session -d -s "$session" -x 80 -y 24 "echo harness-ready; exec cat"
	wait_for '^harness-ready'
	t1=$(now_ms)
	# cat echoes each key: the ↓ and ↑ escapes show as ^[[B and ^[[A.
	keys echo cat
	tmux kill-session -t "$session"
	printf 'echo\t%d\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\n' $((t1 - t0)) >>"$out"
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
	printf 'version\t%d\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\n' $((t1 - t0)) >>"$out"
}

run_tui() {
	local bin=${1%@*} db=$db t0 tf tl td to tb tp pid cf cl cd co cb cp hwm rss
	case $1 in *@*) db=${1#*@} ;; esac
	if [ "$COLD" = 1 ]; then sqlite3 "$db" 'DELETE FROM readiness_cache'; fi
	t0=$(now_ms)
	tmux new-session -d -s "$session" -x 80 -y 24 "BACKCHANNEL_TODAY=$BACKCHANNEL_TODAY NO_COLOR=1 exec '$bin' --db '$db'"
	pid=$(tmux display -p -t "$session" '#{pane_pid}')
	wait_for '^backchannel ›'
	tf=$(now_ms); cf=$(cpu_ms "$pid")
	# The list: the proposals counted, their scores in or not yet.
	wait_for '^[0-9]+ proposals'
	tl=$(now_ms); cl=$(cpu_ms "$pid")
	# The full dashboard: the count alone on its line, as it stands once
	# the scores are in (while they are read it says "· assessing readiness…").
	wait_for '^[0-9]+ proposals *$'
	td=$(now_ms); cd=$(cpu_ms "$pid")
	key o '^Objections · .*shown'
	to=$(now_ms); co=$(cpu_ms "$pid")
	key b '^Blind spots · .*shown'
	tb=$(now_ms); cb=$(cpu_ms "$pid")
	local name
	name=$(basename "$bin")
	keys "$name" blindspots "$pid"
	key o '^Objections · .*shown'
	keys "$name" objections "$pid"
	back '^[0-9]+ proposals'
	keys "$name" dashboard "$pid"
	# Every other screen, so the memory figure is "after opening every screen".
	key c '^[0-9]+ contacts'
	keys "$name" contacts "$pid"
	key T '^Today, '
	keys "$name" agenda "$pid"
	back '^[0-9]+ proposals'
	key / '› Search'
	back '^[0-9]+ proposals'
	tp=$(now_ms); cp=$(cpu_ms "$pid")
	key Enter '› Proposal '
	# Open: the brief's verdict heading on the Summary tab (the head's
	# verdict may show earlier, from the dashboard's row).
	wait_for 'Verdict: '
	tp=$(($(now_ms) - tp)); cp=$(($(cpu_ms "$pid") - cp))
	keys "$name" summary "$pid"
	for k in 3 4 5 6 2; do
		tmux send-keys -t "$session" "$k"
	done
	sleep 0.5
	keys "$name" room "$pid"
	tmux send-keys -t "$session" 1
	wait_for '(Ready to pitch|Getting there|Not ready)'
	sleep 1
	hwm=$(awk '/^VmHWM/ {print int($2 / 1024)}' /proc/"$pid"/status)
	rss=$(awk '/^VmRSS/ {print int($2 / 1024)}' /proc/"$pid"/status)
	tmux kill-session -t "$session"
	printf '%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n' "$(basename "$bin")" \
		$((tf - t0)) "$cf" $((td - t0)) "$cd" $((to - td)) $((co - cd)) $((tb - to)) $((cb - co)) "$hwm" "$rss" $((tl - t0)) "$cl" "$tp" "$cp" >>"$out"
}

echo "workbook $db, $RUNS runs$([ "$COLD" = 1 ] && echo ', cold (readiness cache emptied before each)'), load $(cut -d' ' -f1-3 /proc/loadavg) at the start" >&2
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
printf 'program\tfirst frame ms (cpu)\tlist ms (cpu)\tdashboard ms (cpu)\tobjections ms (cpu)\tblind spots ms (cpu)\topen a proposal ms (cpu)\tpeak MB\tRSS MB\n'
cut -f1 "$out" | awk '!seen[$0]++' | while read -r name; do
	med() { awk -F'\t' -v n="$name" -v c="$1" '$1 == n {print $c}' "$out" | sort -n |
		awk '{a[NR] = $1} END {if (NR == 0 || a[1] == "-") print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
	printf '%s\t%s (%s)\t%s (%s)\t%s (%s)\t%s (%s)\t%s (%s)\t%s (%s)\t%s\t%s\n' "$name" \
		"$(med 2)" "$(med 3)" "$(med 12)" "$(med 13)" "$(med 4)" "$(med 5)" "$(med 6)" "$(med 7)" "$(med 8)" "$(med 9)" "$(med 14)" "$(med 15)" "$(med 10)" "$(med 11)"
done

# Keys: median over runs of each run's median wall per key, and CPU per key.
printf '\nprogram\tscreen\tkey ms (cpu ms)\n'
awk -F'\t' '!seen[$1 FS $2]++ {print $1 "\t" $2}' "$keysout" | while IFS=$'\t' read -r name screen; do
	w=$(awk -F'\t' -v n="$name" -v s="$screen" '$1 == n && $2 == s {print $3}' "$keysout" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
	c=$(awk -F'\t' -v n="$name" -v s="$screen" '$1 == n && $2 == s {print $4}' "$keysout" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
	printf '%s\t%s\t%s (%s)\n' "$name" "$screen" "$w" "$c"
done
