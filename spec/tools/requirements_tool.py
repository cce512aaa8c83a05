#!/usr/bin/env python3
"""Keeps spec/requirements.yaml and the spec chapters consistent.

The chapters are the source of every requirement's statement and level: each requirement is one
line of the form

    <a id="SRV-ART-004"></a>**SRV-ART-004** (MUST) A server MUST ...

requirements.yaml adds the metadata (title, profiles, Apache Spark status, verified_by).

  python3 spec/tools/requirements_tool.py check   # exit 1 on any inconsistency
  python3 spec/tools/requirements_tool.py sync    # rewrite text/level/role/chapter in the YAML
                                                  # from the chapters, keeping all other fields

`check` verifies: the YAML against requirements.schema.json (when the jsonschema module is
installed); one anchor per id; the same ids in the chapters and in the YAML; identical statement,
level and chapter; every requirement id mentioned anywhere in the chapters exists.
Needs PyYAML.
"""
import json
import pathlib
import re
import sys

import yaml

SPEC = pathlib.Path(__file__).resolve().parent.parent
YAML_PATH = SPEC / "requirements.yaml"
SCHEMA_PATH = SPEC / "requirements.schema.json"

ID = r"(?:SRV|CLI)-(?:SES|ART|STA|REL|CHK|SCH|SEM|WRP|LIM|ERR|ALG|SEC)-[0-9]{3}"
LINE = re.compile(r'^<a id="(' + ID + r')"></a>\*\*(' + ID + r')\*\* \((MUST|SHOULD|MAY)\) (.+)$')
ANCHOR = re.compile(r'<a id="([^"]*)"')
MENTION = re.compile(r"\b" + ID + r"\b")
ROLE = {"SRV": "server", "CLI": "client"}
FIELD_ORDER = ["id", "level", "role", "title", "chapter", "text", "profiles",
               "spark_4_2", "spark_4_1", "untested", "verified_by", "withdrawn"]


def chapters():
    return sorted(p for p in SPEC.glob("[0-9][0-9]-*.md"))


def parse_chapters(errors):
    found = {}
    order = []
    for path in chapters():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            anchors = ANCHOR.findall(line)
            if not anchors:
                continue
            m = LINE.match(line)
            if not m or len(anchors) != 1:
                errors.append(f"{path.name}:{n}: anchor line not in the requirement form")
                continue
            rid, bold, level, text = m.groups()
            if rid != bold:
                errors.append(f"{path.name}:{n}: anchor {rid} but bold id {bold}")
            if rid in found:
                errors.append(f"{path.name}:{n}: {rid} defined twice")
                continue
            if level not in text:
                errors.append(f"{path.name}:{n}: {rid} is {level} but its text lacks the word {level}")
            found[rid] = {"level": level, "text": text, "chapter": path.name}
            order.append(rid)
    return found, order


def mentions(errors, known):
    paths = list(chapters()) + [SPEC / "README.md"]
    for path in paths:
        if not path.exists():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for rid in MENTION.findall(line):
                if rid not in known:
                    errors.append(f"{path.name}:{n}: mentions unknown requirement {rid}")


def load_yaml():
    if not YAML_PATH.exists():
        return {"requirements": []}
    return yaml.safe_load(YAML_PATH.read_text(encoding="utf-8"))


def check():
    errors = []
    md, _ = parse_chapters(errors)
    doc = load_yaml()
    try:
        import jsonschema  # optional
        schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema)
        for e in sorted(validator.iter_errors(doc), key=lambda e: list(e.path)):
            errors.append(f"requirements.yaml: schema: {'/'.join(map(str, e.path))}: {e.message}")
    except ImportError:
        print("note: jsonschema not installed; schema validation skipped", file=sys.stderr)
    ymap = {}
    for r in doc.get("requirements", []):
        rid = r.get("id")
        if rid in ymap:
            errors.append(f"requirements.yaml: {rid} listed twice")
        ymap[rid] = r
    for rid in md.keys() - ymap.keys():
        errors.append(f"{md[rid]['chapter']}: {rid} missing from requirements.yaml")
    for rid in ymap.keys() - md.keys():
        if not ymap[rid].get("withdrawn"):
            errors.append(f"requirements.yaml: {rid} has no anchor in any chapter")
    for rid in md.keys() & ymap.keys():
        for key in ("level", "text", "chapter"):
            if md[rid][key] != ymap[rid].get(key):
                errors.append(f"requirements.yaml: {rid}: {key} differs from {md[rid]['chapter']}")
        if ymap[rid].get("role") != ROLE[rid[:3]]:
            errors.append(f"requirements.yaml: {rid}: role does not match the id")
    mentions(errors, set(md) | set(ymap))
    for e in errors:
        print(e)
    counts = {}
    for rid, r in md.items():
        counts[(ROLE[rid[:3]], r["level"])] = counts.get((ROLE[rid[:3]], r["level"]), 0) + 1
    summary = ", ".join(f"{role} {level}: {n}" for (role, level), n in sorted(counts.items()))
    print(f"{len(md)} requirements ({summary}); {len(errors)} problem(s)")
    return 1 if errors else 0


# --- writing --------------------------------------------------------------------------------

def q(s):
    return json.dumps(s, ensure_ascii=False)


def folded(s, indent, width=96):
    words = s.split(" ")
    if any(w == "" for w in words) or "\n" in s:
        return q(s)  # folding would not round-trip double spaces or newlines
    lines, cur = [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = w if not cur else cur + " " + w
    lines.append(cur)
    pad = " " * indent
    return ">-\n" + "\n".join(pad + line for line in lines)


def emit(doc):
    out = []
    out.append("# Requirements of the chunked cached local relation specification.")
    out.append("# Statements, levels and chapters are taken from the chapters by")
    out.append("# `python3 spec/tools/requirements_tool.py sync`; edit the chapter, then sync.")
    out.append("# Ids are stable and never reused; see README.md, \"Requirement ids\".")
    out.append("# Schema: requirements.schema.json.")
    for key in doc:
        if key != "requirements":
            out.append(f"{key}: {q(doc[key])}")
    out.append("requirements:")
    for r in doc["requirements"]:
        first = True
        for key in FIELD_ORDER:
            if key not in r:
                continue
            val = r[key]
            prefix = "  - " if first else "    "
            first = False
            if key == "text":
                out.append(f"{prefix}{key}: {folded(val, 6)}")
            elif key == "profiles":
                out.append(f"{prefix}profiles:")
                for pname, ptext in val.items():
                    out.append(f"      {pname}: {folded(ptext, 8)}")
            elif key == "verified_by":
                out.append(f"{prefix}verified_by: {q(val) if val else '[]'}")
            elif key in ("id", "level", "role", "chapter"):
                out.append(f"{prefix}{key}: {val}")
            else:
                out.append(f"{prefix}{key}: {q(val)}")
    return "\n".join(out) + "\n"


def sync(meta=None):
    errors = []
    md, order = parse_chapters(errors)
    if errors:
        print("\n".join(errors))
        return 1
    doc = load_yaml()
    old = {r["id"]: r for r in doc.get("requirements", [])}
    reqs = []
    for rid in order:
        r = dict(old.get(rid, {}))
        if meta and rid in meta:
            title, s42, s41, profiles = meta[rid]
            r.update({"title": title, "spark_4_2": s42, "spark_4_1": s41})
            if profiles:
                r["profiles"] = profiles
            else:
                r.pop("profiles", None)
        r.update({"id": rid, "level": md[rid]["level"], "role": ROLE[rid[:3]],
                  "chapter": md[rid]["chapter"], "text": md[rid]["text"]})
        r.setdefault("verified_by", [])
        for key in ("title", "spark_4_2", "spark_4_1"):
            r.setdefault(key, "TODO")
        reqs.append(r)
    # withdrawn requirements stay, after the live ones
    reqs += [r for rid, r in old.items() if rid not in md and r.get("withdrawn")]
    head = {k: v for k, v in doc.items() if k != "requirements"}
    head.setdefault("spec_version", "0.1.0")
    new = dict(head)
    new["requirements"] = reqs
    YAML_PATH.write_text(emit(new), encoding="utf-8")
    return 0


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    if cmd == "check":
        sys.exit(check())
    if cmd == "sync":
        meta = None
        if len(sys.argv) > 2:  # optional: a Python file defining META = {id: (title, 4.2, 4.1, profiles)}
            ns = {}
            exec(pathlib.Path(sys.argv[2]).read_text(encoding="utf-8"), ns)
            meta = ns["META"]
        sys.exit(sync(meta))
    print(__doc__)
    sys.exit(2)
