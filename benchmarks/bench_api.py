"""Latency of the API's list endpoints on a generated store of 100,000 claims.

    .venv/bin/python benchmarks/bench_api.py [--claims 100000] [--db /tmp/sitrep-bench.sqlite] [--repeat 40]

``--db`` also takes a PostgreSQL URL (``postgresql://user@host/db``).

The store is synthetic but shaped like a real one (10 claims, 3 places, 2 events
per article; a fifth of claims in storylines; sides, speakers, dates and
coordinates spread realistically) and is reused when the file already holds the
requested number of claims. Requests go through FastAPI's TestClient, so the
figures include routing, validation and JSON encoding but no network. Reports
p50/p95 per endpoint in milliseconds; the target is p95 <= 100 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.records import Article, ArticleAnalysis, Claim, Event, Place, Speaker, Storyline, StorylineMember
from sitrep.store import Store

SIDES = ["Russia", "Ukraine", "Russia", "Ukraine", None, "United States", "United Kingdom", "NATO", "Belarus"]
SPEAKERS = [
    "Defence Ministry",
    "General Staff",
    "Governor",
    "Spokesperson",
    "Mayor",
    "Commander",
    "President",
    "Foreign Ministry",
    "Military Command",
    "Analyst",
]
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Strategic developments", "Looting/property destruction"),
]
WORDS = [
    "troops",
    "forces",
    "shelling",
    "strike",
    "missile",
    "drone",
    "village",
    "city",
    "front",
    "attack",
    "advance",
    "retreat",
    "bridge",
    "depot",
    "killed",
    "wounded",
    "destroyed",
    "captured",
    "repelled",
    "positions",
    "artillery",
    "tanks",
    "convoy",
    "barracks",
    "civilians",
    "infrastructure",
    "power",
    "station",
    "port",
    "railway",
    "offensive",
    "counteroffensive",
    "brigade",
    "battalion",
    "airfield",
    "ammunition",
    "reservoir",
    "dam",
    "border",
    "region",
    "district",
    "settlement",
    "outskirts",
    "trenches",
    "minefield",
]
CLAIMS_PER_ARTICLE = 10


def _places(rng: random.Random, n: int = 300) -> list[tuple[str, float, float]]:
    return [
        (f"Place{i:03d}", round(rng.uniform(44.5, 52.0), 4), round(rng.uniform(22.5, 40.0), 4))
        for i in range(n)
    ]


def synthetic(n_articles: int, seed: int = 7) -> Iterator[ArticleAnalysis]:
    rng = random.Random(seed)
    gazetteer = _places(rng)
    for a in range(n_articles):
        day = (
            f"2022-{rng.randint(3, 12):02d}-{rng.randint(1, 28):02d}"
            if a % 2
            else f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        )
        chosen = rng.sample(gazetteer, 3)
        parts: list[str] = []
        offset = 0
        claims, places = [], []
        for c in range(CLAIMS_PER_ARTICLE):
            side = rng.choice(SIDES)
            speaker = f"{side or 'Independent'} {rng.choice(SPEAKERS)}"
            place = chosen[c % 3]
            content = " ".join(rng.choices(WORDS, k=rng.randint(6, 14))) + f" near {place[0]}"
            lead = f"The {speaker} said that "
            start = offset + len(lead)
            end = start + len(content)
            sentence = f"{lead}{content}. "
            parts.append(sentence)
            claims.append(
                Claim(
                    content=content,
                    start=start,
                    end=end,
                    kind="indirect",
                    speaker=Speaker(text=f"The {speaker}", name=speaker, type="ORG", side=side),
                    cue="said",
                    said_on=day,
                    polarity="deny" if c % 7 == 0 else "assert",
                    unverified=c % 5 == 0,
                )
            )
            if c < 3:
                p_start = end - len(place[0])
                places.append(
                    Place(
                        mention=place[0],
                        start=p_start,
                        end=end,
                        name=place[0],
                        kind="city",
                        country="UA",
                        lat=place[1],
                        lon=place[2],
                    )
                )
            offset += len(sentence)
        text = "".join(parts) + f"(article {a})"
        events = tuple(
            Event(
                type=t,
                sub_type=st,
                actors=("Russia", "Ukraine"),
                place=i,
                date=day,
                claims=(i, i + 3),
                asserted_by=(i,),
                denied_by=(i + 3,),
            )
            for i, (t, st) in enumerate(rng.sample(TYPES, 2))
        )
        article = Article.from_text(
            text,
            title=f"Report {a} on {chosen[0][0]}",
            published=day,
            outlet=f"Outlet {a % 40}",
            source="bench",
        )
        yield ArticleAnalysis(article=article, claims=tuple(claims), places=tuple(places), events=events)


def build(db: str, n_claims: int) -> Store:
    store = Store.open(db)
    if store.counts().claims >= n_claims:
        return store
    n_articles = n_claims // CLAIMS_PER_ARTICLE
    t0 = time.perf_counter()
    batch: list[ArticleAnalysis] = []
    ids: list[str] = []
    for analysis in synthetic(n_articles):
        batch.append(analysis)
        ids.append(analysis.article.id)
        if len(batch) == 500:
            store.add_many(batch)
            batch = []
    if batch:
        store.add_many(batch)
    rng = random.Random(11)
    lines = []
    for s in range(n_articles // 2):
        members = tuple(StorylineMember(rng.choice(ids), rng.randrange(CLAIMS_PER_ARTICLE)) for _ in range(4))
        status = rng.choice(["contested", "corroborated", "single-source"])
        lines.append(
            Storyline(
                id=f"s{s:06d}",
                about=f"Storyline {s}",
                status=status,  # type: ignore[arg-type]
                members=tuple(dict.fromkeys(members)),
                sides={"Russia": "assert", "Ukraine": "deny"},
                origins=rng.randint(1, 4),
            )
        )
    store.replace_storylines(lines)
    if store.dialect == "postgresql":
        with store.engine.begin() as conn:  # what autovacuum does soon after a bulk load anyway
            conn.exec_driver_sql("ANALYZE")
    print(f"built {store.counts()} in {time.perf_counter() - t0:.1f}s")
    return store


ENDPOINTS: list[tuple[str, dict[str, str | int]]] = [
    ("/api/claims", {}),
    ("/api/claims", {"side": "Ukraine"}),
    ("/api/claims", {"speaker": "governor", "since": "2023-03-01", "until": "2023-06-30"}),
    ("/api/claims", {"q": "bridge captured"}),
    ("/api/claims", {"status": "contested"}),
    ("/api/claims", {"place": "Place042"}),
    ("/api/claims", {"place": "Nowhere"}),
    ("/api/claims", {"bbox": "30,47,33,49"}),
    ("/api/events", {}),
    ("/api/events", {"type": "Battles", "side": "Ukraine"}),
    ("/api/events", {"bbox": "30,47,33,49", "since": "2023-01-01"}),
    ("/api/events", {"status": "contested"}),
    ("/api/events", {"located": "true", "limit": 1000}),
    ("/api/places", {}),
    ("/api/places", {"name": "place1"}),
    ("/api/storylines", {"status": "contested"}),
    ("/api/storylines", {"side": "Belarus"}),
    ("/api/articles", {}),
    ("/api/articles", {"q": "convoy", "since": "2023-01-01"}),
    ("/api/articles", {"side": "NATO", "place": "Place007"}),
    ("/api/search", {"q": "drone airfield"}),
    ("/api/search", {"q": "drone airfield", "in": "articles"}),
    ("/api/timeline", {}),
    ("/api/overview", {}),
]


def measure(client: TestClient, path: str, params: dict[str, str | int], repeat: int) -> dict[str, float]:
    """Wall-clock p50/p95 (the target) and the median CPU time of this process per request.

    The app runs in this process (TestClient), so CPU time is the request's own work; on a
    shared machine wall time also counts waiting for a core, CPU time does not.
    """
    client.get(path, params=params)  # warm caches once
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        r = client.get(path, params=params)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        assert r.status_code == 200, r.text
    times.sort()
    return {
        "p50": statistics.median(times),
        "p95": times[max(0, round(0.95 * len(times)) - 1)],
        "cpu_p50": statistics.median(cpu),
    }


def deep_cursor(client: TestClient) -> str:
    """A cursor ~80% of the way through the claims, to show deep pages cost the same as the first."""
    pages = max(1, int(client.get("/api/overview").json()["counts"]["claims"] * 0.8) // 1000)
    body = client.get("/api/claims", params={"limit": 1000}).json()
    for _ in range(pages - 1):
        body = client.get("/api/claims", params={"limit": 1000, "cursor": body["next"]}).json()
    return str(body["next"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/sitrep-bench.sqlite", help="SQLite file or PostgreSQL URL")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    store = build(args.db, args.claims)
    results: list[dict[str, Any]] = []
    with TestClient(create_app(store, token=None)) as client:
        deep: dict[str, str | int] = {"cursor": deep_cursor(client)}
        endpoints = [*ENDPOINTS, ("/api/claims", deep)]
        for path, params in endpoints:
            stats = measure(client, path, params, args.repeat)
            shown = {k: ("<deep page>" if k == "cursor" else v) for k, v in params.items()}
            results.append({"path": path, "params": shown, **stats})
            print(
                f"{path:18} {json.dumps(shown):60} p50 {stats['p50']:6.1f} ms  p95 {stats['p95']:6.1f} ms"
                f"  cpu p50 {stats['cpu_p50']:6.1f} ms"
            )
    worst = max(r["p95"] for r in results)
    print(f"worst p95: {worst:.1f} ms (target 100 ms) on {store.counts()}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    store.close()


if __name__ == "__main__":
    main()
