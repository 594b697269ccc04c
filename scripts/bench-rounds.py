#!/usr/bin/env python3
"""bench-rounds.py — time commands in interleaved rounds, as
docs/performance.md's sixth-session command figures were taken.

    scripts/bench-rounds.py ROUNDS 'NAME|PREPARE|COMMAND' ...

Each round runs every command once, in the order given, after its PREPARE
(a shell line, or empty), so a burst of load on a shared machine falls on
every command alike; the first round warms up and is not counted. Printed:
the median wall time and the median CPU (user + system of the process and
its threads, from wait4) of each command, and each as a multiple of the
first command's (give `backchannel version` first for the "× version"
budgets). BACKCHANNEL_TODAY defaults to 2026-11-21, the workbooks' day.

Example, the first list of a day against version on a copy of shared-300:

    scripts/bench-rounds.py 12 \\
      'version||./backchannel version' \\
      "proposals cold|sqlite3 cold.db 'DELETE FROM readiness_cache'|./backchannel --db cold.db proposals"
"""
import os
import shlex
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    items = []
    for arg in sys.argv[2:]:
        parts = arg.split("|", 2)
        if len(parts) != 3:
            sys.exit(f"expected NAME|PREPARE|COMMAND, got {arg!r}")
        items.append(parts)
    env = dict(os.environ)
    env.setdefault("BACKCHANNEL_TODAY", "2026-11-21")
    env.setdefault("NO_COLOR", "1")
    cpu = {name: [] for name, _, _ in items}
    wall = {name: [] for name, _, _ in items}
    for r in range(rounds + 1):
        for name, prepare, command in items:
            if prepare:
                subprocess.run(prepare, shell=True, check=True, env=env, stdout=subprocess.DEVNULL)
            start = time.perf_counter()
            p = subprocess.Popen(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            _, status, usage = os.wait4(p.pid, 0)
            elapsed = time.perf_counter() - start
            if status != 0:
                sys.exit(f"{name} failed (status {status}): {command}")
            if r:  # the first round warms up
                cpu[name].append((usage.ru_utime + usage.ru_stime) * 1000)
                wall[name].append(elapsed * 1000)
    mc = {n: statistics.median(v) for n, v in cpu.items()}
    mw = {n: statistics.median(v) for n, v in wall.items()}
    base = items[0][0]
    print(f"load {os.getloadavg()[0]:.1f}, {rounds} rounds, medians; multiples of {base}")
    for name, _, _ in items:
        print(f"{name:24s} wall {mw[name]:8.1f} ms  CPU {mc[name]:8.1f} ms   "
              f"× wall {mw[name] / mw[base]:5.2f}  × CPU {mc[name] / mc[base]:5.2f}")


if __name__ == "__main__":
    main()
