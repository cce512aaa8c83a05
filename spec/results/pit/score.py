#!/usr/bin/env python3
"""Scores of a PIT run (mutations.xml), per package and class, with the triage of what was not killed.

    python3 spec/results/pit/score.py REPORT.xml [--also OTHER.xml ...] [--replace LATER.xml ...] [--triage TRIAGE.tsv] [--by class|package] [--untriaged]

A mutant is "killed" when PIT says KILLED, TIMED_OUT, MEMORY_ERROR or RUN_ERROR (PIT's own notion of
detected). `--also` adds the verdicts of other runs over the same code (e.g. a run of only the strict-only
cases, or of one package with another target): a mutant of REPORT counts as killed when any of them
detected it (mutants are matched by class, method, descriptor, line, mutator and instruction indexes).
`--replace` scores the classes a later run mutated (after their code changed) from that run instead
of REPORT.
TRIAGE.tsv holds one line per mutant that was not killed:

    class <TAB> method <TAB> line <TAB> mutator <TAB> code <TAB> reason

`class` without the `dev.cclr.server.` prefix, `mutator` PIT's simple class name (NegateConditionalsMutator),
`line` a number or `*` (every line of the method), `method` a name or `*`. The code's first letter is
what counts: E (equivalent: no input can tell the mutant apart), O (out of the protocol's scope: the
behaviour is not something a conforming server must show, e.g. a resource bound of ours), N (a new case
is wanted), S (a sharper expectation is wanted). The first matching line wins, so put exact lines
before wildcards. The columns printed:

    killed/all          PIT's mutation score
    killed/covered      PIT's test strength
    killed/non-equiv    the issue's goal: killed / (all - E)
    killed/in-scope     killed / (all - E - O): what the TCK could be expected to catch
    +written/in-scope   (killed + N-written) / (all - E - O): counting the mutants that a case written after
                        the run kills by hand (code N-written: its fault planted, the case seen failing),
                        which only the next PIT run will confirm
"""
import argparse
import collections
import sys
import xml.etree.ElementTree as ET

DETECTED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR"}
PREFIX = "dev.cclr.server."


def identity(m):
    indexes = ",".join(i.text or "" for i in m.iter("index"))
    return (m.findtext("mutatedClass"), m.findtext("mutatedMethod"), m.findtext("methodDescription"),
            m.findtext("lineNumber"), m.findtext("mutator"), indexes)


def detected_in(paths):
    found = set()
    for path in paths:
        for m in ET.parse(path).getroot().iter("mutation"):
            if m.get("status") in DETECTED:
                found.add(identity(m))
    return found


def read_mutants(path, also_detected=frozenset()):
    for m in ET.parse(path).getroot().iter("mutation"):
        cls = m.findtext("mutatedClass")
        status = m.get("status")
        if status not in DETECTED and identity(m) in also_detected:
            status = "KILLED"
        yield {
            "class": cls[len(PREFIX):] if cls.startswith(PREFIX) else cls,
            "method": m.findtext("mutatedMethod"),
            "line": m.findtext("lineNumber"),
            "mutator": m.findtext("mutator").rsplit(".", 1)[-1],
            "status": status,
            "description": m.findtext("description"),
        }


def read_triage(path):
    rules = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            cols = raw.rstrip("\n").split("\t")
            if len(cols) < 6 or not cols[4] or cols[4][0] not in "EONS":
                sys.exit(f"{path}:{n}: want class, method, line, mutator, code (E/O/N/S...), reason")
            rules.append(cols[:6])
    return rules


def triage_of(mutant, rules):
    for cls, method, line, mutator, code, reason in rules:
        if (cls in (mutant["class"], "*") and method in (mutant["method"], "*")
                and line in (mutant["line"], "*") and mutator in (mutant["mutator"], "*")):
            return code, reason
    return None, None


def group_of(mutant, by):
    cls = mutant["class"].split("$", 1)[0]
    return cls.rsplit(".", 1)[0] if by == "package" and "." in cls else cls


def pct(a, b):
    return f"{100 * a / b:.0f} %" if b else "–"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report")
    ap.add_argument("--also", action="append", default=[], help="another run's report; its detections count")
    ap.add_argument("--replace", action="append", default=[],
                    help="a later run of some classes; those classes are scored from it instead of REPORT")
    ap.add_argument("--triage")
    ap.add_argument("--by", choices=["class", "package"], default="package")
    ap.add_argument("--untriaged", action="store_true", help="list the mutants not killed and not triaged")
    args = ap.parse_args()
    rules = read_triage(args.triage) if args.triage else []
    rows = collections.defaultdict(collections.Counter)
    untriaged = []
    also = detected_in(args.also)
    replaced = {m["class"] for path in args.replace for m in read_mutants(path)}
    mutants = [m for m in read_mutants(args.report, also) if m["class"] not in replaced]
    for path in args.replace:
        mutants.extend(read_mutants(path))
    for m in mutants:
        row = rows[group_of(m, args.by)]
        row["all"] += 1
        if m["status"] in DETECTED:
            row["killed"] += 1
            continue
        row["survived" if m["status"] == "SURVIVED" else "uncovered"] += 1
        code, _ = triage_of(m, rules)
        if code is None:
            untriaged.append(m)
        else:
            row[code[0]] += 1
            if code == "N-written":
                row["written"] += 1
    total = collections.Counter()
    print(f"| {args.by} | mutants | killed | survived | no coverage | equivalent | out of scope "
          f"| killed/all | killed/covered | killed/non-equiv | killed/in-scope | +written/in-scope |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name in sorted(rows) + ["all"]:
        r = total if name == "all" else rows[name]
        if name != "all":
            total.update(r)
        covered = r["all"] - r["uncovered"]
        print(f"| {name} | {r['all']} | {r['killed']} | {r['survived']} | {r['uncovered']} | {r['E']} | {r['O']} "
              f"| {pct(r['killed'], r['all'])} | {pct(r['killed'], covered)} "
              f"| {pct(r['killed'], r['all'] - r['E'])} | {pct(r['killed'], r['all'] - r['E'] - r['O'])} "
              f"| {pct(r['killed'] + r['written'], r['all'] - r['E'] - r['O'])} |")
    if rules:
        print(f"\n{len(untriaged)} mutants not killed and not triaged")
    if args.untriaged:
        for m in untriaged:
            print("\t".join([m["class"], m["method"], m["line"], m["mutator"], m["status"], m["description"]]))


if __name__ == "__main__":
    main()
