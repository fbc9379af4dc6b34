#!/usr/bin/env python3
"""Checks events.tsv against the 10kGNAD developers' file and prints counts.

Usage: python3 check_offsets.py [events.tsv]
The corpus is found at $LAGEBILD_SHARED_DATA/corpus/de/10kgnad/... or else at
<workspace>/../shared/data/corpus/de/10kgnad/...; offsets are Python string
indices (Unicode scalar values) into the JSON-decoded `text`, end exclusive.
"""
import collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE "
         "REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT").split()
CODE = re.compile(r"^(-|[A-Z]{2,6}(\+[A-Z]{2,6})*)$")

def shared_data():
    env = os.environ.get("LAGEBILD_SHARED_DATA")
    if env:
        return env
    workspace = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
    return os.path.join(workspace, "..", "shared", "data")

def main():
    tsv = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "events.tsv")
    errors = 0
    def fail(line, msg):
        nonlocal errors
        errors += 1
        print(f"{tsv}:{line}: {msg}")
    rows, header = [], {}
    for n, line in enumerate(open(tsv, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.startswith("#"):
            if ":" in line:
                k, v = line[1:].split(":", 1)
                header[k.strip()] = v.strip()
            continue
        if not line.strip():
            continue
        f = line.split("\t")
        if len(f) != 16:
            fail(n, f"expected 16 fields, found {len(f)}")
            continue
        if any(not x or x.strip() != x for x in f):
            fail(n, "empty field or surrounding spaces")
        rows.append((n, f))
    for key in ("source", "licence"):
        if not header.get(key):
            fail(1, f"header names no `# {key}:`")
    corpus = {}
    cache = {}
    sentences = collections.defaultdict(list)
    for n, f in rows:
        path, _, doc = f[0].partition("#")
        if path not in cache:
            p = os.path.join(shared_data(), path)
            if not os.path.exists(p):
                print(f"skipped: {p} is absent")
                return 0
            cache[path] = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(p, encoding="utf-8")}
        text = cache[path].get(doc)
        if text is None:
            fail(n, f"unknown document {doc}")
            continue
        a, b = int(f[1]), int(f[2])
        sent = text[a:b]
        if not (0 <= a < b <= len(text)) or sent != sent.strip():
            fail(n, "sentence span out of range or has surrounding whitespace")
        if not re.search(r"[.!?\"“”]$", sent) and b != len(text.rstrip()):
            fail(n, f"sentence does not end like a sentence: {sent[-20:]!r}")
        sentences[(f[0], a, b)].append((n, f))
        typ = f[6]
        flags = f[10:14]
        if any(x not in ("0", "1") for x in flags):
            fail(n, "modality flags must be 0 or 1")
        if typ == "NONE":
            if f[3:6] != ["-", "-", "-"] or f[7:10] != ["-", "-", "-"] or f[14] != "-" or "1" in flags:
                fail(n, "a NONE row has only `-` and 0")
            continue
        if typ not in TYPES:
            fail(n, f"unknown type {typ}")
        ts, te = int(f[3]), int(f[4])
        if not (a <= ts < te <= b):
            fail(n, "trigger lies outside its sentence")
        if text[ts:te] != f[5]:
            fail(n, f"trigger slice {text[ts:te]!r} != {f[5]!r}")
        if len(f[5].split()) > 3:
            fail(n, "trigger longer than 3 words")
        if (ts > 0 and text[ts - 1].isalnum()) or (te < len(text) and text[te].isalnum()):
            fail(n, f"trigger {f[5]!r} cuts a word")
        for col in (8, 9, 14):
            if not CODE.match(f[col]):
                fail(n, f"bad actor code {f[col]!r}")
    for key, group in sentences.items():
        if any(f[6] == "NONE" for _, f in group) and len(group) > 1:
            fail(group[0][0], "a NONE sentence has other rows")
        seen = set()
        for n, f in group:
            k = (f[3], f[4], f[6])
            if k in seen:
                fail(n, "duplicate trigger and type in one sentence")
            seen.add(k)
    spans = sorted((k[0], k[1], k[2]) for k in sentences)
    for x, y in zip(spans, spans[1:]):
        if x[0] == y[0] and y[1] < x[2]:
            fail(0, f"overlapping sentences {x} {y}")
    events = [f for _, f in rows if f[6] != "NONE"]
    none = sum(1 for g in sentences.values() if g[0][1][6] == "NONE")
    print(f"rows {len(rows)}; sentences {len(sentences)} ({len(sentences) - none} with events, {none} NONE); "
          f"articles {len({k[0] for k in sentences})}; event mentions {len(events)}")
    counts = collections.Counter(f[6] for f in events)
    print("per type: " + ", ".join(f"{t} {counts.get(t, 0)}" for t in TYPES))
    print("negated {} hypothetical {} future {} historical {} reported {}".format(
        *(sum(1 for f in events if f[i] == "1") for i in range(10, 14)),
        sum(1 for f in events if f[14] != "-")))
    print("errors", errors)
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
