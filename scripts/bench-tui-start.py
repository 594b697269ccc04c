#!/usr/bin/env python3
"""bench-tui-start.py — the terminal workbook's start, timed in a
pseudo-terminal instead of tmux, for machines where tmux's own start is
over the budgets (docs/performance.md, eighth session: `echo` through
tmux took 57–67 ms there, `backchannel version` 103–127 ms).

    scripts/bench-tui-start.py ROUNDS cold|cached COUNT BINARY@WORKBOOK ...

COUNT is the dashboard's count line as the workbook gives it ("100
proposals", "50 proposals"). Each round starts every BINARY on its own
WORKBOOK in turn (give each build its own copy: a newer build migrates
it), in an 80×24 pseudo-terminal, and reads what it writes until:

  first frame   the header's title ("Proposals") is drawn
  list          the count line is drawn
  dashboard     the count line's "· assessing readiness…" is erased: every
                score is in (only shown when something was not cached;
                `cold` empties the readiness cache before each start)

then kills it. Printed: the median wall time from the start to each, and
the program's CPU then (user + system of all its threads, from
/proc/PID/task/*/schedstat). The first round warms up and is not counted.
"""
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time


def cpu_ms(pid):
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
            total += int(f.read().split()[0])
    return total / 1e6


def start(binary, workbook, marks, cold):
    if cold:
        subprocess.run(["sqlite3", workbook, "DELETE FROM readiness_cache"], check=True)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary, "--db", workbook])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    began, seen, got = time.perf_counter(), b"", {}
    while len(got) < len(marks):
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            break
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
        for name, mark in marks:
            if name not in got and mark in seen:
                got[name] = ((time.perf_counter() - began) * 1000, cpu_ms(pid))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    return got


def main():
    if len(sys.argv) < 5 or sys.argv[2] not in ("cold", "cached"):
        sys.exit(__doc__)
    rounds, cold, count = int(sys.argv[1]), sys.argv[2] == "cold", sys.argv[3].encode()
    marks = [("first frame", b"Proposals\x1b"), ("list", count)]
    if cold:
        # The renderer erases the rest of the count line once the scores
        # are in: the cursor to the column after the count, then erase.
        marks.append(("dashboard", b"\x1b[3;%dH\x1b[K" % (len(count) + 1)))
    runs = [arg.rsplit("@", 1) for arg in sys.argv[4:]]
    times = {b: {m: [] for m, _ in marks} for b, _ in runs}
    for r in range(rounds + 1):
        for binary, workbook in runs:
            got = start(binary, workbook, marks, cold)
            for name, _ in marks:
                if name not in got:
                    sys.exit(f"{binary}: never showed the {name}")
                if r:
                    times[binary][name].append(got[name])
    for binary, _ in runs:
        print(binary + "  " + "  ".join(
            f"{name} {statistics.median(w for w, _ in times[binary][name]):.0f} ms"
            f" ({statistics.median(c for _, c in times[binary][name]):.0f} ms CPU)"
            for name, _ in marks))


if __name__ == "__main__":
    main()
