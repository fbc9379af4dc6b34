#!/usr/bin/env python3
"""Checks timex.tsv (German TIMEX3 gold, 10kGNAD sample) against the corpus.

Usage: python3 check.py [timex.tsv]

The corpus is read from $LAGEBILD_SHARED_DATA/corpus/de/10kgnad/... or else
from <workspace>/../shared/data/corpus/de/10kgnad/... . Offsets are Python
string indices (Unicode scalar values) into the JSON-decoded `text`, end
exclusive. Exits non-zero on any error; prints counts per type and per doc.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join("corpus", "de", "10kgnad", "10kgnad-test-developers.jsonl")
TYPES = ("DATE", "TIME", "DURATION", "SET")
COLUMNS = "doc start end text type value note".split()
STEP = 13  # every 13th line (0-based index a multiple of 13)

# --- TIMEX3 value forms -----------------------------------------------------
Y = r"(?:\d{4}|\d{3}|\d{2}|XXXX)"  # year, decade (201), century (20)
DATE_RE = (
    r"(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)"          # 2016-03-12
    r"|(?:\d{4}|XXXX)-(?:\d{2}|XX)"                      # 2016-03
    r"|(?:\d{4}|XXXX)-W(?:\d{2}|XX)(?:-WE)?"             # 2016-W10, 2016-W10-WE
    r"|(?:\d{4}|XXXX)-(?:Q[1-4]|H[12]|SP|SU|FA|WI|QX|HX)"  # quarter, half, season
    r"|" + Y                                             # 2016, 201, 20
)
TIME_RE = (
    r"(?:" + DATE_RE + r")T(?:MO|AF|EV|NI|DT)"           # part of day
    r"|(?:" + DATE_RE + r")T\d{2}:\d{2}(?::\d{2})?"     # clock time, two-digit hour
)
NUM = r"(?:\d+(?:\.\d+)?|X)"
DUR_RE = (
    r"P(?:" + NUM + r"(?:ML|CE|DE|Y|Q|M|W|WE|D|H))+(?:T(?:" + NUM + r"[HMS])+)?"
    r"|PT(?:" + NUM + r"[HMS])+"
)
REF_RE = r"PRESENT_REF|PAST_REF|FUTURE_REF"
VALUE_BY_TYPE = {
    "DATE": re.compile(r"^(?:" + DATE_RE + "|" + REF_RE + r")$"),
    "TIME": re.compile(r"^(?:" + TIME_RE + "|" + REF_RE + r")$"),
    "DURATION": re.compile(r"^(?:" + DUR_RE + r")$"),
    "SET": re.compile(r"^(?:" + DUR_RE + "|" + DATE_RE + "|" + TIME_RE + r")$"),
}


def shared_data():
    env = os.environ.get("LAGEBILD_SHARED_DATA")
    if env:
        return env
    workspace = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
    return os.path.join(workspace, "..", "shared", "data")


def five_word_cut(s):
    words = s.split()
    return s if len(words) <= 5 else " ".join(words[:5]) + "…"


def main():
    tsv = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "timex.tsv")
    errors = 0

    def fail(line, msg):
        nonlocal errors
        errors += 1
        print(f"{tsv}:{line}: {msg}")

    corpus_path = os.path.join(shared_data(), CORPUS)
    if not os.path.exists(corpus_path):
        print(f"corpus not found: {corpus_path} (set LAGEBILD_SHARED_DATA)")
        return 2
    lines = open(corpus_path, encoding="utf-8").read().splitlines()
    texts, expected_docs = {}, []
    for i, l in enumerate(lines):
        d = json.loads(l)
        texts[d["id"]] = d["text"]
        if i % STEP == 0:
            expected_docs.append(d["id"])

    header, rows = {}, []
    for n, raw in enumerate(open(tsv, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if line.startswith("#"):
            key, _, val = line[1:].strip().partition(":")
            header[key.strip()] = val.strip()
            continue
        if not line.strip():
            fail(n, "empty line")
            continue
        f = line.split("\t")
        if len(f) != len(COLUMNS):
            fail(n, f"expected {len(COLUMNS)} fields, got {len(f)}")
            continue
        rows.append((n, f))

    for key in ("source", "licence", "dct", "docs", "columns"):
        if key not in header:
            fail(0, f"missing header line '# {key}:'")
    if header.get("dct") != "2016-03-16":
        fail(0, f"dct should be 2016-03-16, is {header.get('dct')!r}")
    if header.get("columns", "").split() != COLUMNS:
        fail(0, f"columns header should be {' '.join(COLUMNS)!r}")
    docs = [d.strip() for d in header.get("docs", "").split(",") if d.strip()]
    if len(docs) != len(set(docs)):
        fail(0, "duplicate ids in '# docs:'")
    if docs != expected_docs:
        fail(0, f"'# docs:' does not match the selection rule (every {STEP}th line); "
                f"missing {sorted(set(expected_docs) - set(docs))}, extra {sorted(set(docs) - set(expected_docs))}")
    docset = set(docs)

    per_type = collections.Counter()
    per_doc = collections.Counter()
    per_doc_type = collections.defaultdict(collections.Counter)
    spans = collections.defaultdict(list)
    prev_key = None
    for n, f in rows:
        doc, s, e, text, typ, val, note = f
        if doc not in docset:
            fail(n, f"doc {doc} not listed in '# docs:'")
        if doc not in texts:
            fail(n, f"doc {doc} not in corpus")
            continue
        try:
            s, e = int(s), int(e)
        except ValueError:
            fail(n, "start/end not integers")
            continue
        key = (docs.index(doc) if doc in docset else -1, s)
        if prev_key is not None and key < prev_key:
            fail(n, "rows not sorted by doc, then start")
        prev_key = key
        t = texts[doc]
        if not (0 <= s < e <= len(t)):
            fail(n, f"offsets {s}-{e} out of range (len {len(t)})")
            continue
        span = t[s:e]
        if text != span and text != five_word_cut(span):
            fail(n, f"text {text!r} != article {span!r}")
        if len(text.rstrip("…").split()) > 5:
            fail(n, "text longer than five words")
        if span != span.strip():
            fail(n, "span has leading/trailing whitespace")
        if typ not in TYPES:
            fail(n, f"bad type {typ!r}")
        elif not VALUE_BY_TYPE[typ].match(val):
            fail(n, f"value {val!r} not well-formed for {typ}")
        if note != "-" and (len(note.split()) > 5 or not note.strip()):
            fail(n, f"note must be '-' or at most five words: {note!r}")
        for fld in f:
            if "\r" in fld:
                fail(n, "carriage return in field")
        for (s2, e2, n2) in spans[doc]:
            if s < e2 and s2 < e:
                fail(n, f"overlaps row on line {n2}")
        spans[doc].append((s, e, n))
        per_type[typ] += 1
        per_doc[doc] += 1
        per_doc_type[doc][typ] += 1

    print(f"{len(rows)} TIMEX3 in {len(docs)} documents "
          f"({sum(1 for d in docs if per_doc[d] == 0)} without any)")
    print("per type:")
    for typ in TYPES:
        print(f"  {typ:9} {per_type[typ]}")
    print("per doc:")
    for d in docs:
        detail = " ".join(f"{k}={per_doc_type[d][k]}" for k in TYPES if per_doc_type[d][k])
        print(f"  {d}  {per_doc[d]:3}  {detail}")
    if errors:
        print(f"{errors} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
