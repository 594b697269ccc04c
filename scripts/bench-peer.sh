#!/usr/bin/env bash
# bench-peer.sh — backchannel against its peers, in one hyperfine run:
#   brief          `backchannel brief` of a proposal with 10,000 conversations
#   task summary   taskwarrior's `task summary` over 10,000 tasks (made with `task import`)
#   sqlite3 reads  the sqlite3 CLI running the reads brief makes (db/dossier.go)
#   version        `backchannel version`, the floor every command pays
# and prints the ratios the budgets in issue 13 are set in (docs/performance.md):
#   brief ≤ 0.5× task summary, brief ≤ 2× the sqlite3 reads.
# hyperfine, taskwarrior and sqlite3 come from Debian's packages and are
# installed when missing. Everything is made in a temporary folder.
# RUNS=n sets hyperfine's runs (30); ROUNDS=n the interleaved rounds that
# follow it (30; see the end); BIN=path times that binary instead of
# building this tree (a before/after comparison runs the script twice).
set -euo pipefail

RUNS=${RUNS:-30}
CONVERSATIONS=${CONVERSATIONS:-10000}
TASKS=${TASKS:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v task >/dev/null || need+=(taskwarrior)
command -v sqlite3 >/dev/null || need+=(sqlite3)
if [ ${#need[@]} -gt 0 ]; then
	echo "installing ${need[*]} from Debian's packages" >&2
	if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -n "${BIN:-}" ]; then
	bc=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN") # BIN=path: time that build instead
else
	echo "building backchannel" >&2
	(cd "$root" && CGO_ENABLED=0 go build -o "$work/backchannel" ./cmd/backchannel) # as the Makefile builds it
	bc="$work/backchannel"
fi
export BACKCHANNEL_TODAY=2026-11-21 NO_COLOR=1
db="$work/w.db"
"$bc" --db "$db" demo --proposals 1 --stakeholders 300 --conversations "$CONVERSATIONS" >/dev/null

echo "making $TASKS taskwarrior tasks" >&2
export TASKRC="$work/taskrc" TASKDATA="$work/task"
mkdir -p "$TASKDATA"
printf 'data.location=%s\nconfirmation=no\nverbose=nothing\nhooks=off\nrecurrence=off\ngc=off\n' "$TASKDATA" >"$TASKRC"
awk -v n="$TASKS" 'BEGIN {
	printf "[";
	for (i = 1; i <= n; i++) {
		printf "%s{\"uuid\":\"%08x-0000-4000-8000-%012x\",\"status\":\"pending\",\"entry\":\"20260101T000000Z\",\"description\":\"Generated task %d\",\"project\":\"proj%d.sub%d\",\"priority\":\"%s\",\"due\":\"202612%02dT000000Z\"}",
			(i > 1 ? "," : ""), i, i, i, i % 50, i % 7, substr("HML", i % 3 + 1, 1), i % 28 + 1;
	}
	printf "]\n";
}' >"$work/tasks.json"
task import "$work/tasks.json" >/dev/null 2>&1
test "$(task count status:pending 2>/dev/null)" = "$TASKS"

# The reads brief makes for proposal 1 (db/dossier.go: LoadDossier, as
# db/dossier_shown.go: LoadDossierShowing reads it for a brief). Who a
# conversation was heard via is looked up in the rows already read, so no
# query of its own; the history leaves out the records of conversations.
# The proposal holds every conversation here, so its log is read by walking
# the table (db/dossier.go: logPlan), as brief does, with the columns brief
# reads (db/dossier_columns.go: conversationFacts); the free text of the ten
# conversations of the recent log is read by ID (here the ten latest by day,
# as brief.TextShown picks them). The four enum words are four plain
# columns, as brief reads them since the ninth session (until then it asked
# for them joined into one text, and these reads kept the plain columns as
# the cheaper read for the sqlite3 CLI).
cat >"$work/reads.sql" <<'SQL'
SELECT * FROM proposals WHERE id = 1;
SELECT * FROM stakeholders WHERE proposal_id = 1;
SELECT (SELECT count(*) FROM touchpoints WHERE proposal_id = 1), coalesce((SELECT max(id) FROM touchpoints), 0);
SELECT id, stakeholder_id, contact_id, date, channel, kind, opener, commitment,
	sentiment, heard_via_id, commitment_due, commitment_done FROM touchpoints NOT INDEXED WHERE proposal_id = 1 ORDER BY id;
SELECT id, stakeholder_id, contact_id, date, channel, kind, opener, commitment,
	sentiment, heard_via_id, commitment_due, commitment_done, proposal_id FROM touchpoints WHERE stakeholder_id IN (
	SELECT id FROM stakeholders WHERE proposal_id <> 1 AND contact_id IN (
		SELECT contact_id FROM stakeholders WHERE proposal_id = 1
		UNION SELECT plan_via_id FROM stakeholders WHERE proposal_id = 1 AND plan_via_id IS NOT NULL))
	ORDER BY id;
SELECT * FROM contacts WHERE id IN (
	SELECT contact_id FROM stakeholders WHERE proposal_id = 1
	UNION SELECT plan_via_id FROM stakeholders WHERE proposal_id = 1 AND plan_via_id IS NOT NULL);
SELECT * FROM objections WHERE proposal_id = 1 ORDER BY id;
SELECT * FROM blind_spots WHERE proposal_id = 1 ORDER BY id;
SELECT * FROM history WHERE proposal_id = 1 AND entity < 'touchpoint'
	UNION ALL SELECT * FROM history WHERE proposal_id = 1 AND entity > 'touchpoint' ORDER BY id;
SELECT id, said, subtext, follow_up, created_at FROM touchpoints WHERE id IN (
	SELECT id FROM touchpoints WHERE proposal_id = 1 ORDER BY date DESC, id DESC LIMIT 10);
SQL

echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
hyperfine -N --warmup 3 --runs "$RUNS" --style basic --export-csv "$work/peer.csv" \
	-n brief "$bc --db $db brief 1" \
	-n "task summary" "task rc:$TASKRC summary" \
	-n "sqlite3 reads" "sqlite3 -readonly $db -init $work/reads.sql .quit" \
	-n version "$bc version" >&2

# hyperfine's CSV: command,mean,stddev,median,user,system,min,max
awk -F, 'NR > 1 { median[$1] = $4; cpu[$1] = $5 + $6 }
END {
	printf "median wall (s): brief %.4f  task summary %.4f  sqlite3 reads %.4f  version %.4f\n",
		median["brief"], median["task summary"], median["sqlite3 reads"], median["version"];
	printf "brief / task summary  = %.2f  (budget ≤ 0.5)\n", median["brief"] / median["task summary"];
	printf "brief / sqlite3 reads = %.2f  (budget ≤ 2)\n", median["brief"] / median["sqlite3 reads"];
	printf "brief / version       = %.2f\n", median["brief"] / median["version"];
	printf "mean CPU (user+sys, s): brief %.4f  task summary %.4f  sqlite3 reads %.4f  version %.4f\n",
		cpu["brief"], cpu["task summary"], cpu["sqlite3 reads"], cpu["version"];
	printf "by CPU: brief / task summary = %.2f, brief / sqlite3 reads = %.2f\n",
		cpu["brief"] / cpu["task summary"], cpu["brief"] / cpu["sqlite3 reads"];
}' "$work/peer.csv"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# hyperfine runs all of one command's runs, then the next command's, so a
# burst of load on a shared machine lands on one of them. The same four
# commands again, interleaved: each round runs each command once (in a
# shuffled order), and the medians of wall time and of CPU (user + system,
# from wait4) over the rounds are compared. ROUNDS=0 skips it; it needs python3.
ROUNDS=${ROUNDS:-30}
if [ "$ROUNDS" -gt 0 ] && command -v python3 >/dev/null; then
	python3 - "$ROUNDS" "$bc --db $db brief 1" "task rc:$TASKRC summary" \
		"sqlite3 -readonly $db -init $work/reads.sql .quit" "$bc version" <<'PY'
import os, random, shlex, statistics, subprocess, sys, time
rounds, cmds = int(sys.argv[1]), [shlex.split(c) for c in sys.argv[2:]]
names = ["brief", "task summary", "sqlite3 reads", "version"]
wall, cpu = {n: [] for n in names}, {n: [] for n in names}
# Each round runs the four in a shuffled order (the same seed every time):
# in a fixed order the sqlite3 reads always followed task summary, and a
# command's time here depends on the one before it (the reads took 30 ms
# in one run and 41 ms in the next).
order = random.Random(13)
for r in range(rounds + 1):  # the first round warms up
    pairs = list(zip(names, cmds))
    order.shuffle(pairs)
    for n, c in pairs:
        t = time.perf_counter()
        p = subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        if status != 0:
            sys.exit(f"{n} failed: {status}")
        if r:
            wall[n].append(time.perf_counter() - t)
            cpu[n].append(ru.ru_utime + ru.ru_stime)
w = {n: statistics.median(v) for n, v in wall.items()}
c = {n: statistics.median(v) for n, v in cpu.items()}
print(f"interleaved, {rounds} rounds, medians (ms): " + "  ".join(
    f"{n} {w[n]*1000:.1f} wall / {c[n]*1000:.1f} CPU" for n in names))
print(f"interleaved: brief / task summary = {w['brief']/w['task summary']:.2f} wall, {c['brief']/c['task summary']:.2f} CPU  (budget ≤ 0.5)")
print(f"interleaved: brief / sqlite3 reads = {w['brief']/w['sqlite3 reads']:.2f} wall, {c['brief']/c['sqlite3 reads']:.2f} CPU  (budget ≤ 2)")
PY
	echo "load after the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
