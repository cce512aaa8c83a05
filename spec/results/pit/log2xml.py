#!/usr/bin/env python3
"""log2xml.py PIT-VERBOSE-LOG > mutations.xml

A PIT run stopped before its end writes no report. With -Dverbose=true its log still holds, for each
mutant, a "Running mutation MutationDetails [...]" line (class, method, descriptor, indexes, mutator,
line, description) and, once decided, a "Mutation MutationIdentifier [...] detected = STATUS" line.
This joins the two into the XML form score.py reads, with only the decided mutants, so a stopped run
can be scored as a partial run (its file is marked partial="true" and says how many were decided)."""
import re, sys
from xml.sax.saxutils import escape

IDENT = r"clazz=([\w.$]+), method=([^,]+), methodDesc=([^\]]+)\], indexes=\[([^\]]*)\], mutator=([\w.]+)\]"
details, status = {}, {}
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"Running mutation MutationDetails \[id=MutationIdentifier \[location=Location \[" + IDENT
                  + r", filename=([^,]+), block=\[[^\]]*\], lineNumber=(\d+), description=(.*?), testsInOrder=", line)
    if m:
        details[m.groups()[:5]] = m.groups()[5:]
        continue
    m = re.search(r"Mutation MutationIdentifier \[location=Location \[" + IDENT + r" detected = (\w+)", line)
    if m:
        status[m.groups()[:5]] = m.group(6)
out = ['<?xml version="1.0" encoding="UTF-8"?>',
       f'<mutations partial="true" decided="{len(status)}" source="PIT verbose log of a stopped run">']
for key, st in status.items():
    if key not in details:
        sys.exit(f"no details for {key}")
    cls, method, desc, indexes, mutator = key
    filename, line, description = details[key]
    idx = "".join(f"<index>{i.strip()}</index>" for i in indexes.split(",") if i.strip())
    detected = "true" if st in ("KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR") else "false"
    out.append(f"<mutation detected='{detected}' status='{st}'><sourceFile>{escape(filename)}</sourceFile>"
               f"<mutatedClass>{cls}</mutatedClass><mutatedMethod>{escape(method)}</mutatedMethod>"
               f"<methodDescription>{escape(desc)}</methodDescription><lineNumber>{line}</lineNumber>"
               f"<mutator>{mutator}</mutator><indexes>{idx}</indexes><description>{escape(description)}</description></mutation>")
out.append("</mutations>")
print("\n".join(out))
