"""Learn reporting-cue forms from the PolNeAR **train** split.

The hand lexicon (``attribution_cues.tsv``) knows the common reporting verbs and their
stance, but PolNeAR annotates a long tail of cues ("called for", "shows", "cited",
"pointed to") that no hand list anticipates. This module counts, over the train split
only, how often each cue form is annotated as a cue and how often the same word
sequence occurs in the texts at all; the ratio is the form's precision as a cue. The
result is written as ``polnear_cues.tsv`` (counts only, no text) and merged with the
hand lexicon at load time: the hand lexicon's lemma, stance and frame win where they
know the form.

Run: ``python -m sitrep.attribution.learn_cues --shared-data ../shared/data``. The dev
split is never read here; it stays for evaluation.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from sitrep.attribution.lexicon import hand_cues
from sitrep.evaluation.attribution import load_polnear

_WORDS = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_SUFFIXES = ("ies", "ied", "ing", "es", "ed", "s", "d")
HEADER = (
    "# Learned from PolNeAR train (first annotation of each article); counts only, no text.\n"
    "# form\tlemma\tstance\tframe\tcue_count\ttext_count\tprecision\n"
)


def _form(text: str) -> str | None:
    words = _WORDS.findall(text.lower())
    if not words or len(words) > 4 or " ".join(words) != " ".join(text.lower().split()):
        return None
    return " ".join(words)


def _lemma(form: str, known: dict[str, str]) -> str:
    """The hand lexicon's lemma for a form, or a crude suffix-stripped base."""
    if form in known:
        return known[form]
    head, _, rest = form.partition(" ")
    for suffix in _SUFFIXES:
        if head.endswith(suffix) and len(head) - len(suffix) >= 3:
            base = head[: -len(suffix)]
            for candidate in (base, base + "e", base + "y"):
                if candidate in known.values():
                    return f"{candidate} {rest}".strip()
    return form


def learn(root: Path, min_count: int = 2, min_precision: float = 0.2) -> list[tuple[str, ...]]:
    """Rows ``(form, lemma, stance, frame, cue_count, text_count, precision)``."""
    cue_counts: Counter[str] = Counter()
    texts: list[str] = []
    for article in load_polnear(root, "train"):
        texts.append(article.text.lower())
        for attribution in article.attributions:
            if len(attribution.cue) != 1:
                continue
            start, end = attribution.cue[0]
            form = _form(article.text[start:end])
            if form is not None:
                cue_counts[form] += 1
    candidates = [f for f, n in cue_counts.items() if n >= min_count]
    text_counts: Counter[str] = Counter()
    for form in candidates:
        pattern = re.compile(r"(?<![\w'’])" + r"\s+".join(map(re.escape, form.split())) + r"(?![\w'’])")
        text_counts[form] = sum(len(pattern.findall(t)) for t in texts)
    cues = hand_cues()
    hand = {e.form: e for e in cues}
    lemmas = {e.form: e.lemma for e in cues}
    by_lemma = {e.lemma: e for e in cues}
    rows: list[tuple[str, ...]] = []
    for form in sorted(candidates, key=lambda f: (-cue_counts[f], f)):
        seen = max(text_counts[form], cue_counts[form])
        precision = cue_counts[form] / seen
        if precision < min_precision:
            continue
        lemma = _lemma(form, lemmas)
        head = form.split()[0]
        entry = hand.get(form) or by_lemma.get(lemma) or hand.get(head)
        if entry is not None and form not in hand and head in hand:
            lemma = f"{entry.lemma} {form.partition(' ')[2]}"
        stance = entry.stance if entry is not None else "assert"
        frame = entry.frame if entry is not None else "object"
        rows.append((form, lemma, stance, frame, str(cue_counts[form]), str(seen), f"{precision:.3f}"))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared-data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--min-precision", type=float, default=0.2)
    args = parser.parse_args(argv)
    out = args.out or Path(__file__).resolve().parent.parent / "data" / "lexicons" / "polnear_cues.tsv"
    rows = learn(args.shared_data / "polnear", args.min_count, args.min_precision)
    out.write_text(HEADER + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} cue forms written to {out}")


if __name__ == "__main__":
    main()
