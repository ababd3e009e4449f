"""Summarises a bench/run.sh result directory as Markdown, or prints the timeline of one profiled Maven log.

    python3 summary.py RESULT_DIR        per-scenario tables, ratios of medians, and the targets of issue 13
    python3 summary.py --timeline LOG    the dock goals' log lines, in ms since the run goal began

Maven's lines carry timestamps (run.sh sets org.slf4j.simpleLogger.showDateTime), so the time each goal took and
when it began are read from the log; when containers were created and destroyed comes from `docker events`.
"""

import csv
import os
import re
import statistics
import sys
from datetime import datetime

VARIANTS = ["dock", "dmp", "raw", "baseline", "skip", "reuse", "init", "ref", "xml"]
# The variants that run this plugin or d-m-p: their logs have a start and a stop goal.
PLUGIN_VARIANTS = {"dock", "dmp", "ref", "xml", "skip", "reuse", "init"}
LINE = re.compile(r"^(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d)) \[(\w+)\] (.*)$")
# Maven's first line, and the line that opens a project's build: what lies between is the session's start (model
# building, build extensions' realms, lifecycle participants).
SCANNING = "Scanning for projects..."
BUILDING = re.compile(r"^Building \S+ \S+$")
HEADER = re.compile(r"^--- (\S+):(\S+):(\S+) \((\S+)\) @ \S+ ---$")
# The goal that starts the containers and the one that removes them, per plugin prefix.
START_GOALS = {("dock", "run"), ("docker", "start")}
STOP_GOALS = {("dock", "stop"), ("docker", "stop")}


def ns(timestamp):
    return int(datetime.fromisoformat(timestamp.replace("Z", "+00:00")).timestamp() * 1e9)


def read_log(path):
    """[(ns, level, text)] for every timestamped line."""
    lines = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            m = LINE.match(raw.rstrip("\n"))
            if m:
                lines.append((ns(m.group(1)), m.group(2), m.group(3)))
    return lines


def goals(lines):
    """[(ns, prefix, goal)] of every mojo header, in order."""
    found = []
    for t, _, text in lines:
        m = HEADER.match(text)
        if m:
            found.append((t, m.group(1), m.group(3)))
    return found


def goal_span(headers, wanted):
    """(begin, end) of the first goal in `wanted`: from its header to the next header."""
    for i, (t, prefix, goal) in enumerate(headers):
        if (prefix, goal) in wanted:
            end = headers[i + 1][0] if i + 1 < len(headers) else None
            return t, end
    return None, None


def read_events(path):
    created, destroyed = [], []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2:
                    (created if parts[1] == "create" else destroyed if parts[1] == "destroy" else []).append(
                        int(parts[0]))
    return created, destroyed


def session_start(lines):
    """ms from Maven's first line to the first project's 'Building' line, or None."""
    scan = next((t for t, _, text in lines if text == SCANNING), None)
    build = next((t for t, _, text in lines if BUILDING.match(text)), None)
    return None if scan is None or build is None else (build - scan) / 1e6


def measure(row):
    """The numbers of one run, in ms (and MB)."""
    start, end = int(row["start_ns"]), int(row["end_ns"])
    m = {"wall": (end - start) / 1e6, "rss": int(row["max_rss_kb"]) / 1024, "cpu": int(row["cpu_ms"])}
    created, _ = read_events(row["log"][: -len(".log")] + ".events")
    m["creates"] = len(created)
    if row["variant"] != "raw":
        lines = read_log(row["log"])
        if session_start(lines) is not None:
            m["session"] = session_start(lines)
    if row["variant"] in PLUGIN_VARIANTS:
        headers = goals(lines)
        begin, finish = goal_span(headers, START_GOALS)
        if begin is not None and finish is not None:
            m["start_goal"] = (finish - begin) / 1e6
            if created:
                m["to_create"] = (min(created) - begin) / 1e6
        begin, finish = goal_span(headers, STOP_GOALS)
        if begin is not None and finish is not None:
            m["stop_goal"] = (finish - begin) / 1e6
    elif row["variant"] == "raw" and created:
        m["to_create"] = (min(created) - start) / 1e6
    return m


def med(values):
    return statistics.median(values) if values else None


def fmt_s(ms):
    return "–" if ms is None else f"{ms / 1000:.2f}"


def fmt_ms(ms):
    return "–" if ms is None else f"{ms:.0f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def fmt_r(r):
    return "–" if r is None else f"{r:.2f}"


def share(part, whole):
    """part/whole of two differences over the baseline; None where one is missing or the whole is not positive."""
    return None if part is None or whole is None or whole <= 0 else part / whole


class Medians:
    """The medians of one scenario's runs, and their differences over the baseline."""

    def __init__(self, stat, scenario):
        self.stat, self.scenario = stat, scenario

    def of(self, variant, metric="wall"):
        return self.stat(self.scenario, variant, metric)

    def over(self, variant, metric="wall"):
        value, base = self.of(variant, metric), self.of("baseline", metric)
        return None if value is None or base is None else value - base


def seconds(ms):
    return None if ms is None else ms / 1000


# The targets of issue 13, plus issue 12's for compose: (which scenarios, what is bounded, its value from the medians
# of a scenario, the upper limit). Wall and CPU differences are over the baseline of the same run. A target whose
# numbers a run lacks (a variant not run) is left out. The reuse target is issue 13's "second mvn verify of redis with
# reuse on": the variant reuse's rounds, after the warm-up created the container. The init target is its "stubborn
# with <init>true</init> counts too": the same bound as dock's, against the same d-m-p (which has no such option).
TARGETS = [
    (lambda s: s == "app", "(dock − baseline)/(d-m-p − baseline) ≤ 0.2",
     lambda m: share(m.over("dock"), m.over("dmp")), 0.2),
    (lambda s: s == "app", "(dock − baseline)/raw ≤ 0.5", lambda m: share(m.over("dock"), m.of("raw")), 0.5),
    (lambda s: s != "app", "(dock − baseline)/(d-m-p − baseline) ≤ 0.5",
     lambda m: share(m.over("dock"), m.over("dmp")), 0.5),
    (lambda s: True, "(init − baseline)/(d-m-p − baseline) ≤ 0.5 (<init>true</init>)",
     lambda m: share(m.over("init"), m.over("dmp")), 0.5),
    (lambda s: True, "(reuse − baseline)/raw ≤ 0.2", lambda m: share(m.over("reuse"), m.of("raw")), 0.2),
    (lambda s: True, "skip − baseline ≤ 0.1 s", lambda m: seconds(m.over("skip")), 0.1),
    (lambda s: True, "RSS dock − baseline ≤ 40 MB", lambda m: m.over("dock", "rss"), 40),
    (lambda s: True, "CPU (dock − baseline)/(d-m-p − baseline) ≤ 1",
     lambda m: share(m.over("dock", "cpu"), m.over("dmp", "cpu")), 1.0),
    (lambda s: True, "(dock − baseline)/(xml − baseline) ≤ 1 (compose file against XML)",
     lambda m: share(m.over("dock"), m.over("xml")), 1.0),
]


def summary(result_dir):
    with open(os.path.join(result_dir, "results.tsv")) as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    runs = {}
    order = []
    for row in rows:
        key = row["scenario"]
        if key not in order:
            order.append(key)
        runs.setdefault((key, row["variant"]), []).append(measure(row))

    def stat(scenario, variant, metric, fn=med):
        values = [r[metric] for r in runs.get((scenario, variant), []) if metric in r]
        return fn(values) if values else None

    out = []
    machine = os.path.join(result_dir, "machine.txt")
    if os.path.exists(machine):
        with open(machine) as f:
            out += [line.rstrip("\n") + "  " for line in f]
        out.append("")
    out.append("Wall time of the whole `mvn verify` (raw: the script), median of the rounds, in seconds; ratios of"
               " medians; RSS: peak of the Maven JVM, MB.")
    out.append("")
    out.append("| scenario | dock | d-m-p | raw | baseline | dock/raw | d-m-p/raw | dock/d-m-p"
               " | (dock−base)/(d-m-p−base) | (dock−base)/raw | RSS dock−base | RSS d-m-p−base |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
    targets = []
    for s in order:
        m = Medians(stat, s)
        dock, dmp, raw, base = (m.of(v) for v in ("dock", "dmp", "raw", "baseline"))
        rss_dock, rss_dmp = m.over("dock", "rss"), m.over("dmp", "rss")
        out.append(f"| {s} | {fmt_s(dock)} | {fmt_s(dmp)} | {fmt_s(raw)} | {fmt_s(base)} | {fmt_r(ratio(dock, raw))}"
                   f" | {fmt_r(ratio(dmp, raw))} | {fmt_r(ratio(dock, dmp))}"
                   f" | {fmt_r(share(m.over('dock'), m.over('dmp')))} | {fmt_r(share(m.over('dock'), raw))}"
                   f" | {'–' if rss_dock is None else f'{rss_dock:+.0f}'}"
                   f" | {'–' if rss_dmp is None else f'{rss_dmp:+.0f}'} |")
        for applies, name, value, limit in TARGETS:
            v = value(m) if applies(s) else None
            if v is not None:
                targets.append((f"{s}: {name}", v, limit, v <= limit))
    out.append("")
    out.append("Per variant: wall time median [min–max] in s; *session start*: from Maven's first line to the"
               " project's `Building` line (model, build extensions' realms, lifecycle participants), median ms;"
               " the goal that starts the containers (dock:run,"
               " docker:start) and the one that removes them, median ms; *to 1st create*: from the start goal's"
               " first log line (raw: from the script's start) to the engine's first container `create` event,"
               " median ms; CPU: user + system time of the process tree (Maven, its forks, the docker CLI; not the"
               " engine's), median s; peak RSS median MB.")
    out.append("")
    out.append("| scenario | variant | runs | wall | session start | start goal | to 1st create | stop goal | CPU | RSS |")
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    for s in order:
        for v in VARIANTS:
            if (s, v) not in runs:
                continue
            n = len(runs[(s, v)])
            out.append(f"| {s} | {v} | {n} | {fmt_s(stat(s, v, 'wall'))} [{fmt_s(stat(s, v, 'wall', min))}–"
                       f"{fmt_s(stat(s, v, 'wall', max))}] | {fmt_ms(stat(s, v, 'session'))}"
                       f" | {fmt_ms(stat(s, v, 'start_goal'))}"
                       f" | {fmt_ms(stat(s, v, 'to_create'))} | {fmt_ms(stat(s, v, 'stop_goal'))}"
                       f" | {fmt_s(stat(s, v, 'cpu'))} | {fmt_ms(stat(s, v, 'rss'))} |")
    if any(v == "xml" for _, v in runs):
        out.append("")
        out.append("Compose file against XML: *dock* reads the scenario's compose.yaml, *xml* runs the same containers"
                   " from <container> elements; medians, s.")
        out.append("")
        out.append("| scenario | dock (compose) | xml | raw | baseline | dock − base | xml − base | (dock − base)/(xml − base)"
                   " | (dock − base)/raw |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        for s in order:
            dock, xml, raw, base = (stat(s, v, "wall") for v in ("dock", "xml", "raw", "baseline"))
            if None in (dock, xml, base):
                continue
            out.append(f"| {s} | {fmt_s(dock)} | {fmt_s(xml)} | {fmt_s(raw)} | {fmt_s(base)} | {fmt_s(dock - base)}"
                       f" | {fmt_s(xml - base)} | {fmt_r(ratio(dock - base, xml - base))}"
                       f" | {fmt_r(None if raw is None else ratio(dock - base, raw))} |")
    if any(v == "skip" for _, v in runs):
        out.append("")
        out.append("Loaded but skipped: *skip* is `mvn verify -Pdock -Ddock.skip`, the baseline the same build without"
                   " the plugin; medians.")
        out.append("")
        out.append("| scenario | skip | baseline | skip − base (s) | CPU skip − base (s) | RSS skip − base (MB)"
                   " | run goal (ms) |")
        out.append("|---|---|---|---|---|---|---|")
        for s in order:
            m = Medians(stat, s)
            if m.over("skip") is None:
                continue
            cpu, rss = m.over("skip", "cpu"), m.over("skip", "rss")
            out.append(f"| {s} | {fmt_s(m.of('skip'))} | {fmt_s(m.of('baseline'))} | {m.over('skip') / 1000:+.2f}"
                       f" | {'–' if cpu is None else f'{cpu / 1000:+.2f}'} | {'–' if rss is None else f'{rss:+.0f}'}"
                       f" | {fmt_ms(m.of('skip', 'start_goal'))} |")
    if any(v == "reuse" for _, v in runs):
        out.append("")
        out.append("Reuse: *reuse* is `mvn verify -Pdock -Ddock.reuse=true` with `<reuse>true</reuse>`, counted after the"
                   " warm-up created the container; *creates*: the most container `create` events in one of its runs (0: reused every time); medians.")
        out.append("")
        out.append("| scenario | reuse | dock | raw | baseline | reuse − base (s) | (reuse − base)/raw | run goal (ms)"
                   " | stop goal (ms) | creates | RSS reuse − base (MB) |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|")
        for s in order:
            m = Medians(stat, s)
            if m.over("reuse") is None:
                continue
            rss = m.over("reuse", "rss")
            out.append(f"| {s} | {fmt_s(m.of('reuse'))} | {fmt_s(m.of('dock'))} | {fmt_s(m.of('raw'))}"
                       f" | {fmt_s(m.of('baseline'))} | {m.over('reuse') / 1000:+.2f}"
                       f" | {fmt_r(share(m.over('reuse'), m.of('raw')))} | {fmt_ms(m.of('reuse', 'start_goal'))}"
                       f" | {fmt_ms(m.of('reuse', 'stop_goal'))} | {stat(s, 'reuse', 'creates', max)}"
                       f" | {'–' if rss is None else f'{rss:+.0f}'} |")
    if any(v == "ref" for _, v in runs):
        out.append("")
        out.append("Before/after: *ref* is the plugin built from the commit given with --ref, *dock* this tree; medians, s.")
        out.append("")
        out.append("| scenario | dock | ref | dock − ref | dock/ref | start goal dock − ref (ms) | stop goal dock − ref (ms)"
                   " | CPU dock − ref (ms) |")
        out.append("|---|---|---|---|---|---|---|---|")
        for s in order:
            dock, ref = stat(s, "dock", "wall"), stat(s, "ref", "wall")
            if dock is None or ref is None:
                continue
            sg = [stat(s, v, "start_goal") for v in ("dock", "ref")]
            tg = [stat(s, v, "stop_goal") for v in ("dock", "ref")]
            cg = [stat(s, v, "cpu") for v in ("dock", "ref")]
            out.append(f"| {s} | {fmt_s(dock)} | {fmt_s(ref)} | {(dock - ref) / 1000:+.2f} | {fmt_r(ratio(dock, ref))}"
                       f" | {'–' if None in sg else f'{sg[0] - sg[1]:+.0f}'}"
                       f" | {'–' if None in tg else f'{tg[0] - tg[1]:+.0f}'}"
                       f" | {'–' if None in cg else f'{cg[0] - cg[1]:+.0f}'} |")
    out.append("")
    out.append("Targets (medians, this run):")
    out.append("")
    for name, value, limit, ok in targets:
        if ok:
            out.append(f"- met: {name} (is {value:.2f})")
        else:
            out.append(f"- **missed**: {name} (is {value:.2f}, {value - limit:+.2f} over)")
    print("\n".join(out))


def timeline(path):
    lines = read_log(path)
    headers = goals(lines)
    begin, _ = goal_span(headers, START_GOALS)
    if begin is None:
        sys.exit(f"no dock:run goal in {path}")
    inside = False
    for t, level, text in lines:
        m = HEADER.match(text)
        if m:
            inside = m.group(1) == "dock"
            print(f"{(t - begin) / 1e6:8.0f}  {text}")
        elif inside and text.strip():
            print(f"{(t - begin) / 1e6:8.0f}  [{level}] {text}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--timeline":
        timeline(sys.argv[2])
    elif len(sys.argv) == 2:
        summary(sys.argv[1])
    else:
        sys.exit(__doc__)
