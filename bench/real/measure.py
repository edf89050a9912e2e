#!/usr/bin/env python3
"""Run and time the workloads of bench/real/run.sh.

    measure.py once OUT CMD           run CMD (a bash command line; it should exec the
                                      program, so that the process measured is the program) once;
                                      its stdout and stderr go to OUT.stdout / OUT.stderr,
                                      its exit status to OUT.status
    measure.py time RUNS OUT.json LABEL=CMD...
                                      run every CMD RUNS times, interleaved (1st of each,
                                      2nd of each, ...), stdout and stderr to /dev/null;
                                      write {"LABEL": {"cpu": [...], "wall": [...],
                                      "status": [...]}} to OUT.json. cpu is user + sys
                                      seconds of the process (its threads included).
"""
import json
import os
import subprocess
import sys
import time


def run(cmd, stdout, stderr):
    t0 = time.monotonic()
    p = subprocess.Popen(["bash", "-c", cmd], stdout=stdout, stderr=stderr,
                         stdin=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, ru.ru_utime + ru.ru_stime, wall


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "once":
        out, cmd = sys.argv[2], sys.argv[3]
        with open(out + ".stdout", "wb") as o, open(out + ".stderr", "wb") as e:
            rc, cpu, wall = run(cmd, o, e)
        with open(out + ".status", "w") as f:
            f.write("%d\n" % rc)
        print("%.3f %.3f %d" % (cpu, wall, rc))
        return
    if len(sys.argv) >= 5 and sys.argv[1] == "time":
        runs, out = int(sys.argv[2]), sys.argv[3]
        cmds = [a.split("=", 1) for a in sys.argv[4:]]
        res = {label: {"cpu": [], "wall": [], "status": []} for label, _ in cmds}
        for _ in range(runs):
            for label, cmd in cmds:
                rc, cpu, wall = run(cmd, subprocess.DEVNULL, subprocess.DEVNULL)
                res[label]["cpu"].append(cpu)
                res[label]["wall"].append(wall)
                res[label]["status"].append(rc)
        with open(out, "w") as f:
            json.dump(res, f)
        return
    sys.exit(__doc__)


if __name__ == "__main__":
    main()
