"""The fixed benchmark corpus: real news texts from ../shared/data, chosen deterministically.

Sources (all read at run time, never copied into the repository): PolNeAR
train + dev article texts, FNC-1 training bodies, LGL dev and GeoWebNews dev
texts. Texts are de-duplicated by content, those under 200 characters dropped
(FNC-1 has a few stubs), and the pool ordered by the SHA-256 of each text, so
the first N are a fixed, source-mixed sample that does not depend on file order.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MIN_CHARS = 200


@dataclass(frozen=True, slots=True)
class Text:
    source: str
    key: str
    title: str | None
    text: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def _polnear(shared: Path) -> Iterator[Text]:
    for path in (shared / "polnear/train/polnear_train.jsonl.gz", shared / "polnear/dev/polnear_dev.jsonl"):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    yield Text("polnear", d["filename"], (d.get("metadata") or {}).get("title"), d["text"])


def _fnc1(shared: Path) -> Iterator[Text]:
    with open(shared / "fnc1/train/train_bodies.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield Text("fnc1", row["Body ID"], None, row["articleBody"])


def _xml(path: Path, source: str) -> Iterator[Text]:
    root = ET.parse(path).getroot()
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        yield Text(source, art.get("docid") or art.get("file") or str(i), art.findtext("title"), text)


def load(shared: Path, n: int) -> list[Text]:
    """The first ``n`` texts of the fixed order; fails loudly if the sources are missing."""
    pool: dict[str, Text] = {}
    readers = (
        _polnear(shared),
        _fnc1(shared),
        _xml(shared / "lgl/dev/lgl.dev.xml", "lgl"),
        _xml(shared / "geowebnews/dev/GWN.dev.xml", "geowebnews"),
    )
    for reader in readers:
        for t in reader:
            text = t.text.strip()
            if len(text) >= MIN_CHARS:
                t = Text(t.source, t.key, t.title, text)
                pool.setdefault(t.digest, t)
    ordered = [pool[d] for d in sorted(pool)]
    if len(ordered) < n:
        raise SystemExit(f"only {len(ordered)} texts in {shared}, {n} asked for")
    return ordered[:n]


def write_jsonl(texts: list[Text], path: Path) -> None:
    """As sitrep's JSONL input (title, text, outlet); the run's temporary copy, deleted afterwards."""
    with path.open("w", encoding="utf-8") as fh:
        for t in texts:
            fh.write(
                json.dumps({"title": t.title, "text": t.text, "outlet": t.source}, ensure_ascii=False) + "\n"
            )
