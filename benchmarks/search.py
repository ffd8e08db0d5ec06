"""Benchmark of the search (`/zoeken/`) against a plain `icontains` scan.

    .venv/bin/python benchmarks/search.py [--documents 50000] [--queries 200]
        [--databases sqlite,postgresql]

What it does, for SQLite and (when PostgreSQL is installed) PostgreSQL, each in a child
process with its own empty database (a temporary directory; PostgreSQL through
``scripts/with-postgres.sh``):

1. ``migrate``, then 50,000 generated stories in Dutch (title of 4-8 words, text of
   120-220 words, one or two themes) written through the index service
   (``search_reindex``), so SQLite gets its FTS5 table of Snowball stems and PostgreSQL
   its stored ``tsvector``;
2. the same one-word and two-word queries on both databases (words drawn from a Zipf
   distribution over the vocabulary, so common and rare words both occur, in another
   word form than the one in the text half the time), each timed end to end as the
   search page needs it: counts per type, the first page of 20 ranked hits, and their
   highlighted snippets (after one warm-up pass over all queries);
3. the peer: the same words as a plain ``icontains`` scan over title and text (every
   word must occur), counting the matches and fetching the first 20, on the same data
   (on the first tenth of the queries, at least 20: each one reads the whole table);
4. a Markdown table: median and p95 per database, method and query length, and the
   speed-up of the search over the scan. The goal: p95 at most 50 ms for the search.

Timings are wall-clock in the process that runs the queries (no HTTP).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
GOAL_MS = 50.0
THEMES = ["betrokkenheid", "organisatie", "gezondheid", "ontwikkeling", "apk"]

# Real Dutch words of the domain, in roughly decreasing frequency. Inflected forms are
# used in the generated text; queries often use another form (plural, adjective).
WORDS = """werk medewerker team gesprek gezondheid organisatie leidinggevende tijd jaar
ontwikkeling opleiding loopbaan rooster verzuim vitaliteit afdeling werkgever werknemer
collega pensioen toekomst budget aandacht energie werkdruk plezier ruimte keuze leeftijd
ervaring vakmanschap kantine werkplek pauze dienst nachtdienst ploeg bedrijf klant
productie zorg mantelzorg kinderopvang thuiswerken planning overuren belasting
fysiotherapeut bedrijfsarts coach mentor maatje stage stagiair leerling scholing
training cursus diploma vaardigheid taal digitaal computer machine heftruck chauffeur
magazijn bakkerij bouwplaats installatie onderhoud schoonmaak beveiliging transport
vervoer logistiek winkel horeca keuken hotel ziekenhuis thuiszorg school gemeente
kwartaal maand week dag ochtend avond weekend vakantie verlof uitval terugkeer
re-integratie preventie beweging sport fiets lunch voeding slaap stress rust balans
motivatie waardering vertrouwen betrokkenheid inspraak overleg panel idee verbetering
resultaat investering besparing kosten rendement cijfer meting scan vragenlijst
toekomstplan functie rol taak roulatie deeltijd contract flexibiliteit regeling
senioren jongeren starter generatie kennis netwerk voorbeeld verhaal manifest campagne
poster radio""".split()
FORMS = {  # another form of some words, as people type them
    "medewerker": "medewerkers",
    "werknemer": "werknemers",
    "gesprek": "gesprekken",
    "gezondheid": "gezonde",
    "opleiding": "opleidingen",
    "loopbaan": "loopbanen",
    "rooster": "roosters",
    "collega": "collega's",
    "leidinggevende": "leidinggevenden",
    "training": "trainingen",
    "ontwikkeling": "ontwikkelen",
    "vaardigheid": "vaardigheden",
    "dienst": "diensten",
    "afdeling": "afdelingen",
    "investering": "investeringen",
}
FILLER = "de het een en van in op met voor dat is zijn we ons wij ook niet meer bij".split()


def _vocabulary(rng: random.Random) -> list[str]:
    """The real words, then compounds of them (as Dutch makes them) for a long tail."""
    compounds = {a + b for a in WORDS[:80] for b in WORDS[:80] if a != b and "-" not in a + b}
    tail = sorted(compounds)
    rng.shuffle(tail)
    return WORDS + tail[:6000]


def _zipf_picker(rng: random.Random, vocabulary: list[str]):
    weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(vocabulary))]
    cumulative, total = [], 0.0
    for w in weights:
        total += w
        cumulative.append(total)

    def pick(k: int) -> list[str]:
        return rng.choices(vocabulary, cum_weights=cumulative, k=k)

    return pick


def _sentence(pick, rng: random.Random, n: int) -> str:
    words = []
    for word in pick(n):
        words.append(FORMS.get(word, word) if rng.random() < 0.3 else word)
        if rng.random() < 0.45:
            words.append(rng.choice(FILLER))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _documents(count: int, seed: int):
    from olievlek.knowledge.choices import DocumentKind
    from olievlek.knowledge.search.index import Document

    rng = random.Random(seed)
    pick = _zipf_picker(rng, _vocabulary(rng))
    for n in range(1, count + 1):
        title = _sentence(pick, rng, rng.randint(4, 8)).rstrip(".")
        body = " ".join(_sentence(pick, rng, rng.randint(8, 16)) for _ in range(rng.randint(9, 14)))
        yield Document(
            kind=DocumentKind.STORY,
            object_id=n,
            title=title,
            body=body,
            themes=tuple(rng.sample(THEMES, rng.randint(1, 2))),
            url=f"/verhalen/bench-{n}/",
            meta="Benchmark",
        )


def _queries(count: int, seed: int) -> dict[int, list[str]]:
    """One- and two-word queries: the words drawn by frequency from the real words,
    typed in another form half the time when there is one."""
    rng = random.Random(seed + 1)
    pick = _zipf_picker(rng, WORDS)

    def word() -> str:
        w = pick(1)[0]
        return FORMS.get(w, w) if rng.random() < 0.5 else w

    return {
        1: [word() for _ in range(count)],
        2: [f"{word()} {word()}" for _ in range(count)],
    }


def _time(fn, queries: list[str], warm_up: int) -> list[float]:
    for q in queries[:warm_up]:  # caches, plans, pages in memory
        fn(q)
    out = []
    for q in queries:
        start = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - start) * 1000)
    return out


def _search(q: str) -> int:
    from olievlek.knowledge.search import search

    results, hits = search(q=q)
    page = hits[0:20]
    return results.total + len(page)


def _scan(q: str) -> int:
    from django.db.models import Q

    from olievlek.knowledge.models import SearchDocument

    qs = SearchDocument.objects.all()
    for word in q.split():
        qs = qs.filter(Q(title__icontains=word) | Q(body__icontains=word))
    total = qs.count()
    return total + len(list(qs.order_by("id")[:20]))


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94]


def _create_postgres_database(url: str) -> None:
    """with-postgres.sh starts an empty server: create the database of DATABASE_URL."""
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')


def child(args) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "olievlek.site.settings")
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        _create_postgres_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from olievlek.knowledge.search import search_reindex

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    indexed = search_reindex(documents=_documents(args.documents, args.seed))
    load_s = time.perf_counter() - start
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE knowledge_searchdocument")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    queries = _queries(args.queries, args.seed)
    rows = []
    for words, qs in queries.items():
        matches = [_search(q) for q in qs]
        # The scan reads every row each time: a tenth of the queries (at least 20) shows
        # its times well enough, without making the run take an hour.
        scan_qs = qs[: max(20, len(qs) // 10)]
        for method, fn, measured, warm_up in (
            ("search", _search, qs, len(qs)),
            ("icontains scan", _scan, scan_qs, 2),
        ):
            times = _time(fn, measured, warm_up)
            rows.append(
                {
                    "words": words,
                    "method": method,
                    "median": statistics.median(times),
                    "p95": _p95(times),
                    "max": max(times),
                    "mean_matches": statistics.mean(matches),
                }
            )
    print(
        json.dumps(
            {
                "vendor": connection.vendor,
                "version": _version(connection),
                "documents": indexed,
                "load_s": load_s,
                "rows": rows,
            }
        )
    )


def _version(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        return cursor.fetchone()[0]


def _run_child(args, *, postgres: bool) -> dict | None:
    var_dir = tempfile.mkdtemp(prefix="olievlek-bench-search-")
    env = {
        **os.environ,
        "OLIEVLEK_VAR_DIR": var_dir,
        "DJANGO_SETTINGS_MODULE": "olievlek.site.settings",
    }
    env.pop("DATABASE_URL", None)
    command = [
        sys.executable,
        __file__,
        "--child",
        "--documents",
        str(args.documents),
        "--queries",
        str(args.queries),
        "--seed",
        str(args.seed),
    ]
    if postgres:
        command = ["bash", str(REPO_ROOT / "scripts" / "with-postgres.sh"), *command]
    try:
        done = subprocess.run(command, env=env, cwd=REPO_ROOT, capture_output=True, text=True)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
    if done.returncode != 0:
        print(f"{'PostgreSQL' if postgres else 'SQLite'} run failed:\n{done.stderr[-3000:]}")
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--databases",
        default="sqlite,postgresql",
        help="comma-separated: sqlite, postgresql (default: both)",
    )
    parser.add_argument("--sqlite-only", action="store_true", help="same as --databases sqlite")
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    databases = {"sqlite"} if args.sqlite_only else set(args.databases.split(","))
    runs = []
    if "sqlite" in databases:
        runs.append(_run_child(args, postgres=False))
    if "postgresql" in databases and list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        runs.append(_run_child(args, postgres=True))
    runs = [r for r in runs if r]
    print(
        f"\nSearch over {args.documents:,} generated Dutch stories, {args.queries} queries "
        "per length; times in ms per query (counts per type + first page of 20 + snippets "
        "for the search; count + first 20 for the scan).\n"
    )
    print(
        "| database | query | method | median | p95 | max | avg. matches "
        "| p95 ≤ 50 ms | speed-up (median) |"
    )
    print("|---|---|---|---:|---:|---:|---:|:---:|---:|")
    for run in runs:
        name = f"{'PostgreSQL' if run['vendor'] == 'postgresql' else 'SQLite'} {run['version']}"
        by_key = {(r["words"], r["method"]): r for r in run["rows"]}
        for (words, method), r in sorted(by_key.items()):
            scan = by_key[(words, "icontains scan")]
            goal = ("yes" if r["p95"] <= GOAL_MS else "no") if method == "search" else ""
            speedup = f"{scan['median'] / r['median']:.0f}×" if method == "search" else ""
            print(
                f"| {name} | {words} word{'s' if words > 1 else ''} | {method} | "
                f"{r['median']:.1f} | {r['p95']:.1f} | {r['max']:.1f} | "
                f"{r['mean_matches']:.0f} | {goal} | {speedup} |"
            )
    for run in runs:
        print(
            f"\n{run['vendor']}: {run['documents']:,} documents indexed in {run['load_s']:.0f} s."
        )


if __name__ == "__main__":
    main()
