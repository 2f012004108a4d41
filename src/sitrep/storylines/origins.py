"""Independent origins: who an article really comes from.

A wire story reprinted by twenty papers is one origin. Two articles share an
origin when they have the same outlet, credit the same agency or outlet
("(Reuters) -", "(Reprinted from ...)", "Reuters could not independently
verify"), or their texts are near-duplicates (MinHash over word 5-shingles,
estimated Jaccard >= ``NEAR_DUPLICATE``). Each test looks at two articles
only, so the grouping is the same whichever order articles arrive in.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from sitrep.records import Article

SHINGLE = 5
PERMUTATIONS = 64
NEAR_DUPLICATE = 0.5
_PRIME = np.uint64((1 << 61) - 1)


def _permutations() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Fixed hash coefficients: the same in every process, so stored signatures stay comparable."""
    rng = np.random.default_rng(20230224)
    a = rng.integers(1, (1 << 31) - 1, size=PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, (1 << 31) - 1, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


_A, _B = _permutations()
_WORD = re.compile(r"\w+")

Signature = npt.NDArray[np.uint32]


def minhash(text: str) -> Signature:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    x = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64, count=len(shingles))
    hashed = (np.outer(x, _A) + _B) % _PRIME
    return np.asarray(hashed.min(axis=0) & np.uint64(0xFFFFFFFF), dtype=np.uint32)


def similarity(a: Signature, b: Signature) -> float:
    return float(np.mean(a == b))


@dataclass(frozen=True)
class Credits:
    """Agency aliases and credit-line patterns from ``data/agencies``."""

    patterns: tuple[re.Pattern[str], ...]
    canonical: dict[str, str]

    @classmethod
    def load(cls, directory: Path | None = None) -> Credits:
        d = directory or Path(str(resources.files("sitrep") / "data" / "agencies"))
        canonical: dict[str, str] = {}
        for line in (d / "agencies.tsv").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, aliases = line.split("\t")
            canonical[name] = name
            for alias in aliases.split("|"):
                canonical[alias.strip()] = name
        alternation = "|".join(re.escape(a) for a in sorted(canonical, key=len, reverse=True))
        pats = []
        for line in (d / "credit_patterns.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                pats.append(re.compile(line.replace("{agency}", f"(?:{alternation})"), re.MULTILINE))
        return cls(tuple(pats), canonical)

    def credited(self, text: str) -> str | None:
        """The agency or outlet the text credits as its source, if it says."""
        head = text[:3000]
        for pat in self.patterns:
            m = pat.search(head) or pat.search(text[-1500:])
            if m is None:
                continue
            groups = m.groupdict()
            if groups.get("agency"):
                return self.canonical.get(groups["agency"], groups["agency"])
            if groups.get("source"):
                return groups["source"].strip().rstrip(".")
        return None


@dataclass(frozen=True, slots=True)
class ArticleOrigin:
    """Per article: the origin key it declares and its text signature."""

    article: str
    key: str
    signature: Signature


def article_origin(article: Article, credits: Credits) -> ArticleOrigin:
    key = credits.credited(article.text) or article.outlet or article.id
    return ArticleOrigin(article.id, key.casefold(), minhash(article.text))


def count_origins(origins: Sequence[ArticleOrigin]) -> int:
    """Connected groups under "same key or near-duplicate text"."""
    parent = list(range(len(origins)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(origins)):
        for j in range(i + 1, len(origins)):
            a, b = origins[i], origins[j]
            if a.key == b.key or similarity(a.signature, b.signature) >= NEAR_DUPLICATE:
                parent[find(i)] = find(j)
    return len({find(i) for i in range(len(origins))})


def distinct(origins: Iterable[ArticleOrigin]) -> list[ArticleOrigin]:
    seen: dict[str, ArticleOrigin] = {}
    for o in origins:
        seen.setdefault(o.article, o)
    return [seen[k] for k in sorted(seen)]
