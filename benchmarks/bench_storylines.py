"""Storyline linking at scale: 20,000 synthetic claims in batch, then one article added to the store.

    .venv/bin/python benchmarks/bench_storylines.py [--claims 20000] [--db /tmp/bench.db]

The corpus imitates a wire feed: ~10 claims per article, 180 days, 40 towns,
each event reported by 2-4 outlets with assertions, denials and tolls, one
paragraph per claim with a lead sentence naming the town. Timings include
encoding every claim (the dominant cost) and are printed as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from pathlib import Path

from sitrep.records import Article, ArticleAnalysis, Claim, Place, Speaker
from sitrep.store.repository import Store
from sitrep.storylines import update_store
from sitrep.storylines.incremental import rebuild_store
from sitrep.storylines.linker import Linker

TOWNS = [(f"Town{i:02d}", 46.5 + (i % 8) * 0.6, 31.0 + (i // 8) * 1.6) for i in range(40)]
OUTLETS = ["Wire A", "Wire B", "Wire C", "Daily D", "Herald E", "Post F"]
RU_ASSERT = [
    "Russian forces had captured {town} after heavy fighting",
    "its troops had destroyed {n} Ukrainian armoured vehicles near {town}",
    "Russian units had broken through Ukrainian lines west of {town}",
    "more than {n} Ukrainian soldiers were killed in a strike on {town}",
]
UA_DENY = [
    "reports of the fall of {town} were not true and fighting continues",
    "Ukrainian troops had repelled {n} Russian assaults near {town}",
    "there were no casualties in {town} and only civilian buildings were hit",
    "the claim about {town} did not correspond to reality",
]
UA_ASSERT = [
    "air defences shot down {n} drones over {town} overnight",
    "Russian shelling of {town} killed {n} civilians and damaged a school",
    "a power station in {town} was hit by Russian missiles",
]
FILLER = [
    "the situation along the front line remained difficult",
    "more military aid was expected from Western partners soon",
    "the government would continue talks with its allies",
]


def synthetic(n_claims: int, seed: int = 7) -> list[ArticleAnalysis]:
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    out: list[ArticleAnalysis] = []
    claims_done = 0
    k = 0
    while claims_done < n_claims:
        day = start + dt.timedelta(days=rng.randrange(180))
        town, lat, lon = TOWNS[rng.randrange(len(TOWNS))]
        outlet = OUTLETS[rng.randrange(len(OUTLETS))]
        n = rng.choice([2, 6, 12, 20, 60, 100, 600])
        paras: list[tuple[str, str, str | None, str]] = []
        kind = rng.random()
        for _ in range(rng.randint(6, 14)):
            r = rng.random()
            if kind < 0.6:
                if r < 0.45:
                    tpl, side, who = rng.choice(RU_ASSERT), "Russia", "Russia's Defence Ministry"
                elif r < 0.85:
                    tpl, side, who = rng.choice(UA_DENY), "Ukraine", "Ukraine's General Staff"
                else:
                    tpl, side, who = rng.choice(FILLER), None, "An analyst"
            else:
                if r < 0.8:
                    tpl, side, who = rng.choice(UA_ASSERT), "Ukraine", f"The {town} city administration"
                else:
                    tpl, side, who = rng.choice(FILLER), None, "An official"
            paras.append((who, tpl.format(town=town, n=n), side, "said"))
        lead = f"Fighting and strikes were reported around {town} on {day.isoformat()} ({k})."
        text = lead + "\n\n"
        claims: list[Claim] = []
        for who, content, side, cue in paras:
            prefix = f"{who} {cue} that "
            s = len(text) + len(prefix)
            text += prefix + content + ".\n\n"
            claims.append(
                Claim(content, s, s + len(content), "indirect", Speaker(who, who, "ORG", side), cue=cue)
            )
        places = []
        at = text.find(town)
        while at >= 0:
            places.append(Place(town, at, at + len(town), town, "city", "UA", "Oblast", lat, lon))
            at = text.find(town, at + 1)
        art = Article.from_text(text, title=lead[:60], published=day.isoformat(), outlet=outlet)
        out.append(ArticleAnalysis(article=art, claims=tuple(claims), places=tuple(places)))
        claims_done += len(claims)
        k += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    from sitrep.storylines.encoder import Encoder

    linker = Linker(Encoder(threads=args.threads))
    corpus = synthetic(args.claims)
    extra = synthetic(40, seed=99)[0]
    n_claims = sum(len(a.claims) for a in corpus)
    linker.link(corpus[:2])  # load the encoder and stance model outside the timings

    t0 = time.perf_counter()
    views = [v for a in corpus for v in linker.views(a)]
    t_views = time.perf_counter() - t0
    t0 = time.perf_counter()
    linker.vectors(views)
    t_encode = time.perf_counter() - t0
    t0 = time.perf_counter()
    lines = linker.link(corpus)
    t_link = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        store = Store.open(str(db))
        store.add_many(corpus)
        t0 = time.perf_counter()
        rebuild_store(store, linker)
        t_rebuild = time.perf_counter() - t0
        store.add_many([extra])
        t0 = time.perf_counter()
        update_store(store, [extra.article.id], linker)
        t_add = time.perf_counter() - t0
        stored = store.counts().storylines
        store.close()
    print(
        json.dumps(
            {
                "articles": len(corpus),
                "claims": n_claims,
                "storylines": len(lines),
                "contested": sum(1 for s in lines if s.status == "contested"),
                "encode_only_s": round(t_encode, 2),
                "claims_per_s_encoding": round(n_claims / t_encode, 1),
                "views_s": round(t_views, 2),
                "link_total_s": round(t_link, 2),  # views + encoding + blocking + storylines
                "store_rebuild_s": round(t_rebuild, 2),
                "add_one_article_s": round(t_add, 3),
                "added_article_claims": len(extra.claims),
                "stored_storylines": stored,
                "similarity": linker.method,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
