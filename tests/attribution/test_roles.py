"""The learned role tagger: its runs, its windows, its shipped weights and its recipe."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy

import sitrep.attribution.roles as roles_module
from sitrep.attribution.roles import CARD_FILE, DocArrays, RoleScores, RoleTagger, Run, roles_dir
from sitrep.attribution.train_roles import assemble, token_label
from sitrep.errors import DataFileError
from sitrep.evaluation.attribution import Attribution
from sitrep.nlp import extensions


@pytest.fixture(scope="module")
def tagger() -> RoleTagger:
    return RoleTagger.load()


def _scores(probs: list[float], role: str = "cue") -> RoleScores:
    starts = np.arange(0, 4 * len(probs), 4, dtype=np.int64)
    p = np.array(probs, dtype=np.float32)
    zero = np.zeros_like(p)
    return RoleScores(starts, starts + 3, {"source": zero, "cue": zero, "content": zero} | {role: p})


def test_runs_are_maximal_stretches_above_the_threshold() -> None:
    scores = _scores([0.1, 0.6, 0.9, 0.2, 0.7, 0.5, 0.49])
    assert scores.runs("cue", 0.5) == [Run(4, 11, pytest.approx(0.9)), Run(16, 23, pytest.approx(0.7))]
    assert scores.runs("cue", 0.95) == []
    assert scores.at("cue", 9) == pytest.approx(0.9)
    assert scores.at("cue", 3) == 0.0  # the gap between two tokens
    assert scores.runs("source", 0.5) == []


def test_token_labels_hold_every_role_a_token_has() -> None:
    outer = Attribution(source=[(0, 10)], cue=[(11, 15)], content=[(16, 60)])
    inner = Attribution(source=[(20, 25)], cue=[(26, 30)], content=[(31, 60)])
    assert token_label(0, 3, (outer, inner)) == "S"
    assert token_label(11, 15, (outer, inner)) == "C"
    assert token_label(20, 25, (outer, inner)) == "QS"
    assert token_label(26, 30, (outer, inner)) == "CQ"
    assert token_label(61, 64, (outer, inner)) == "O"


def test_the_shipped_tagger_reads_a_plain_report(tagger: RoleTagger) -> None:
    nlp = spacy.blank("en")
    doc = nlp("The Russian Defence Ministry said on Telegram that Ukrainian troops had retreated 3 km.")
    scores = tagger.scores(doc)
    text = doc.text
    assert [text[r.start : r.end] for r in scores.runs("cue")] == ["said"]
    (source,) = scores.runs("source")
    assert "Ministry" in text[source.start : source.end]
    (content,) = scores.runs("content")
    assert "troops had retreated" in text[content.start : content.end]


def test_the_tagger_multiplies_through_numpy(tagger: RoleTagger) -> None:
    """Its network runs on numpy's BLAS like the CNN pipeline's (sitrep.nlp.matmul)."""
    nodes = list(tagger.model.walk())
    assert nodes and all(not n.ops.use_blis for n in nodes)


def test_a_window_reads_as_the_same_words_copied_out(tagger: RoleTagger) -> None:
    """Windows go in as rows of the article's feature table, not as copied-out Docs: the
    network must see the same words either way."""
    doc = spacy.blank("en")("Officials in Kyiv said on Monday that 12 drones had been shot down. " * 3)
    lo, hi = 5, 25
    scored = tagger.score_window(DocArrays.of(doc, tagger.feature_columns), lo, hi)
    copied = tagger.scores(doc[lo:hi].as_doc())
    np.testing.assert_array_equal(scored.starts - doc[lo].idx, copied.starts)
    assert scored.ends.tolist() == [t.idx + len(t.text) for t in doc[lo:hi]]
    for role in ("source", "cue", "content"):
        np.testing.assert_allclose(scored.probs[role], copied.probs[role], rtol=1e-5, atol=1e-6)
    assert tagger.score_window(DocArrays.of(doc, tagger.feature_columns), 3, 3).starts.size == 0


def test_windows_score_like_the_whole_article(tagger: RoleTagger) -> None:
    nlp = spacy.blank("en")
    filler = "The weather in the city was cold and the roads were icy. " * 6
    doc = nlp(filler + "The governor said the bridge had been destroyed by shelling overnight. " + filler)
    whole = tagger.scores(doc)
    start = len(filler)
    end = doc.text.index("overnight") + len("overnight.")
    window = tagger.windows(doc).around(start, end)
    inside = (whole.starts >= start) & (whole.ends <= end)
    assert len(window.starts) == int(inside.sum())
    for role in ("source", "cue", "content"):
        np.testing.assert_allclose(window.probs[role], whole.probs[role][inside], atol=0.1)
        clipped = [r for r in whole.runs(role) if start <= r.start and r.end <= end]
        assert [(r.start, r.end) for r in window.runs(role)] == [(r.start, r.end) for r in clipped]
    assert tagger.windows(doc).around(start, start) is not None


def test_tagger_loads_with_the_pipeline_not_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.stages.attribution as stage

    for module in (stage, roles_module):
        assert not any(isinstance(v, RoleTagger) for v in vars(module).values())
    calls: list[Path | None] = []
    original = RoleTagger.load

    def counting(directory: Path | None = None) -> RoleTagger:
        calls.append(directory)
        return original(directory)

    monkeypatch.setattr(RoleTagger, "load", counting)
    extensions.register()
    nlp = spacy.blank("en")
    nlp.add_pipe("sitrep_attribution", config={"role_model": "tagger"})
    nlp("The mayor said that the power station had been hit.")
    nlp("The mayor said that the water station had been hit.")
    assert calls == [None]
    off = spacy.blank("en")
    off.add_pipe("sitrep_attribution", config={"learned_roles": False, "role_model": "tagger"})
    assert off.get_pipe("sitrep_attribution").role_tagger is None  # type: ignore[attr-defined]
    assert calls == [None]


def test_broken_tagger_files_raise_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as missing:
        RoleTagger.load(tmp_path)
    assert str(tmp_path) in str(missing.value)


def test_shipped_tagger_keeps_no_word_list() -> None:
    strings = (roles_dir() / "vocab" / "strings.json").read_text(encoding="utf-8")
    assert len(strings) < 200
    assert (roles_dir() / CARD_FILE).is_file()


def test_assemble_strips_the_vocabulary(tmp_path: Path, tagger: RoleTagger) -> None:
    out = tmp_path / "out"
    assemble(roles_dir(), out, {"note": "copy"})
    copied = RoleTagger.load(out)
    assert copied.card == {"note": "copy"}
    assert "S" in (out / "vocab" / "strings.json").read_text(encoding="utf-8")


def test_the_tagger_frames_a_cue_the_rules_cannot() -> None:
    extensions.register()
    text = "Western officials have been critical of the decision to send more troops to the city."
    found = {}
    for roles in (False, True):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("sitrep_attribution", config={"learned_roles": roles})
        found[roles] = nlp(text)._.sitrep_claims
    assert found[False] == []
    (claim,) = found[True]
    assert claim.speaker.text == "Western officials"
    assert claim.cue is not None and "critical" in claim.cue
    assert claim.content.startswith("the decision to send more troops")


def test_role_frames_keep_the_rules_limits() -> None:
    """No claim from what a speaker withheld, nor from a content the tagger cut short."""
    extensions.register()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sitrep_attribution")
    doc = nlp("The ministry declined to say whether the bridge had been hit by a missile.")
    assert doc._.sitrep_claims == []


def test_recipe_corpus_labels_every_token_and_holds_out_every_tenth_article(tmp_path: Path) -> None:
    import json

    from spacy.tokens import DocBin

    from sitrep.attribution.train_roles import build_corpus

    text = "The mayor said the bridge was hit."
    ann = (
        "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 33\tthe bridge was hit\n"
        "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )
    folder = tmp_path / "polnear" / "train"
    folder.mkdir(parents=True)
    lines = [json.dumps({"filename": f"a{i}", "text": text, "annotations": [{"ann": ann}]}) for i in range(9)]
    (folder / "train.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = build_corpus(tmp_path / "polnear", tmp_path / "work")
    assert counts["articles"] == 9
    nlp = spacy.blank("en")
    fit = list(DocBin().from_disk(tmp_path / "work" / "corpus" / "fit.spacy").get_docs(nlp.vocab))
    hold = list(DocBin().from_disk(tmp_path / "work" / "corpus" / "hold.spacy").get_docs(nlp.vocab))
    assert (len(fit), len(hold)) == (8, 1)
    assert [t.tag_ for t in hold[0]] == ["S", "S", "C", "Q", "Q", "Q", "Q", "O"]


def test_a_role_frame_never_reaches_across_another_cue() -> None:
    extensions.register()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sitrep_attribution")
    text = (
        "President Volodymyr Zelensky repeated the call in his nightly video address, telling Russian "
        "soldiers left behind in Kherson that surrender was their only chance of staying alive."
    )
    claims = nlp(text)._.sitrep_claims
    assert ("telling", "surrender was their only chance of staying alive") in [
        (c.cue, c.content) for c in claims
    ]
    telling = text.index("telling")
    assert not any(c.cue_end is not None and c.cue_end <= telling < c.start for c in claims)


def test_silver_tokens_take_the_roles_the_encoder_gives_them_at_one_half() -> None:
    from sitrep.attribution.role_encoder import Pieces, RoleEncoder
    from sitrep.attribution.train_roles import silver_doc

    text = "The mayor said the bridge was hit."

    class Teacher(RoleEncoder):
        """The shipped encoder's reading of pieces, with the network's scores given."""

        def pieces(self, value: str) -> Pieces:
            assert value == text
            # one piece per word; (source, cue, content) probabilities
            spans = [(0, 3), (4, 9), (10, 14), (15, 18), (19, 25), (26, 29), (30, 33), (33, 34)]
            probs = [
                [0.9, 0.0, 0.0],
                [0.8, 0.1, 0.0],
                [0.0, 0.7, 0.2],
                [0.0, 0.0, 0.6],
                [0.0, 0.0, 0.9],
                [0.0, 0.0, 0.5],
                [0.0, 0.4, 0.49],
                [0.0, 0.0, 0.0],
            ]
            starts = np.array([s for s, _ in spans], dtype=np.int64)
            ends = np.array([e for _, e in spans], dtype=np.int64)
            return Pieces(starts, ends, np.array(probs, dtype=np.float32))

    doc = silver_doc(spacy.blank("en"), Teacher(), text)
    assert [t.tag_ for t in doc] == ["S", "S", "C", "Q", "Q", "Q", "O", "O"]


def test_silver_texts_leave_out_the_stance_evaluation_bodies(tmp_path: Path) -> None:
    import csv

    from sitrep.attribution.train_roles import fnc1_texts
    from sitrep.errors import SitrepError
    from sitrep.storylines.stance_data import held_out

    folder = tmp_path / "fnc1" / "train"
    folder.mkdir(parents=True)
    ids = [str(i) for i in range(30)]
    with (folder / "train_bodies.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows([(i, f"Body {i} said something.") for i in ids] + [("99", "  ")])
    texts = fnc1_texts(tmp_path)
    kept = [i for i in ids if not held_out(i)]
    assert 0 < len(kept) < len(ids)
    assert texts == [f"Body {i} said something." for i in kept]
    with pytest.raises(SitrepError, match="FNC-1"):
        fnc1_texts(tmp_path / "nowhere")
