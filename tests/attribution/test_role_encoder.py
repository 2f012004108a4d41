"""The role encoder: its windows, its word and cue readings, its wiring into the stage."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.language import Language

from sitrep.attribution.role_encoder import (
    CARD_FILE,
    MODEL_FILE,
    WINDOW,
    CueSettings,
    Pieces,
    RoleEncoder,
    encoder_dir,
)
from sitrep.attribution.roles import ROLES, RoleFrameSettings
from sitrep.attribution.train_role_encoder import piece_labels
from sitrep.errors import DataFileError, ModelError, UsageError
from sitrep.evaluation.attribution import Attribution, PolnearArticle
from sitrep.nlp import extensions
from sitrep.nlp.pipeline import ROLE_MODEL_ENV, build_pipeline

# written for these tests (wire style, no real report)
POLL = "Fewer than a third of residents approve of the new curfew in the city."
LONG = " ".join(
    f"The governor of region {i} said on Monday that {i} villages had been shelled overnight."
    for i in range(40)
)


@pytest.fixture(scope="module")
def encoder() -> RoleEncoder:
    return RoleEncoder()


def _pipeline(**config: object) -> Language:
    """A blank pipeline with the attribution stage, on the role encoder unless ``config`` says."""
    extensions.register()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sitrep_attribution", config={"role_model": "encoder", **config})
    return nlp


def _pieces(text: str, cue: dict[str, float]) -> Pieces:
    """Word-level pieces of ``text`` with the given cue probabilities (others 0.1)."""
    words = text.split(" ")
    starts, ends, pos = [], [], 0
    for w in words:
        starts.append(pos)
        ends.append(pos + len(w))
        pos += len(w) + 1
    probs = np.full((len(words), len(ROLES)), 0.1, dtype=np.float32)
    for i, w in enumerate(words):
        probs[i, ROLES.index("cue")] = cue.get(w, 0.1)
    return Pieces(np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64), probs)


def test_every_piece_of_a_long_text_is_scored_once(encoder: RoleEncoder) -> None:
    pieces = encoder.pieces(LONG)
    assert len(pieces.starts) > 4 * WINDOW  # several windows
    assert pieces.probs.shape == (len(pieces.starts), len(ROLES))
    # a piece no window wrote would stay at exactly 0; a sigmoid never is
    assert (pieces.probs > 0).all() and (pieces.probs < 1).all()
    assert (np.diff(pieces.starts) > 0).all()
    # the cue of a sentence deep in the text reads as a cue, as in the first one
    said = [i for i, s in enumerate(pieces.starts) if LONG[s : pieces.ends[i]] == "said"]
    assert len(said) == 40
    assert min(pieces.probs[i, ROLES.index("cue")] for i in said) > 0.5


def test_scores_are_a_function_of_the_text_alone(encoder: RoleEncoder) -> None:
    first = encoder.pieces(POLL).probs
    encoder.pieces(LONG)
    assert np.array_equal(encoder.pieces(POLL).probs, first)
    assert encoder.pieces("").probs.shape == (0, len(ROLES))


def test_reduce_takes_the_highest_piece_of_each_word() -> None:
    pieces = Pieces(
        np.array([0, 3, 6, 10], dtype=np.int64),
        np.array([3, 6, 9, 12], dtype=np.int64),
        np.array([[0.1, 0.2, 0.3], [0.5, 0.1, 0.0], [0.2, 0.9, 0.1], [0.4, 0.4, 0.4]], dtype=np.float32),
    )
    # word 0..6 holds two pieces, word 6..9 one, word 13..15 none
    out = pieces.reduce(np.array([0, 6, 13], dtype=np.int64), np.array([6, 9, 15], dtype=np.int64))
    np.testing.assert_allclose(out, [[0.5, 0.2, 0.3], [0.2, 0.9, 0.1], [0.0, 0.0, 0.0]])


def test_cue_spans_seed_extend_and_never_end_on_a_mark(encoder: RoleEncoder) -> None:
    text = "The governor added : the town was quiet ."
    spans = encoder.cue_spans(text, _pieces(text, {"added": 0.9, ":": 0.6, "governor": 0.4}))
    assert [text[s.start : s.end] for s in spans] == ["governor added"]
    assert spans[0].score == pytest.approx(0.9)
    # a run of words only above the extension threshold is no cue
    assert encoder.cue_spans(text, _pieces(text, {"added": 0.45})) == []


def test_the_encoder_reads_a_poll_share_the_taggers_miss() -> None:
    (claim,) = _pipeline()(POLL)._.sitrep_claims
    assert claim.speaker.text is not None and claim.speaker.text.endswith("a third of residents")
    assert claim.cue == "approve of"
    assert claim.content == "the new curfew in the city"
    assert _pipeline(role_model="tagger")(POLL)._.sitrep_claims == []


def test_the_default_stage_uses_the_taggers_and_the_encoder_on_request() -> None:
    extensions.register()
    plain = spacy.blank("en")
    plain.add_pipe("sitrep_attribution")
    default = plain.get_pipe("sitrep_attribution")
    assert default.role_encoder is None  # type: ignore[attr-defined]
    assert default.role_tagger is not None and default.cue_model is not None  # type: ignore[attr-defined]
    encoder = _pipeline().get_pipe("sitrep_attribution")
    assert encoder.role_encoder is not None  # type: ignore[attr-defined]
    assert encoder.role_tagger is None and encoder.cue_model is None  # type: ignore[attr-defined]
    rules = _pipeline(learned_cues=False, learned_roles=False).get_pipe("sitrep_attribution")
    assert rules.role_encoder is None and rules.role_tagger is None  # type: ignore[attr-defined]
    assert rules.extractor.open_frame_score == 1.0  # type: ignore[attr-defined]


def test_cues_only_reads_no_frames_from_the_encoder() -> None:
    text = "Western officials have been critical of the decision to send more troops to the city."
    assert _pipeline(learned_roles=False)(text)._.sitrep_claims == []
    (claim,) = _pipeline()(text)._.sitrep_claims
    assert claim.speaker.text == "Western officials"


def test_the_encoder_loads_with_the_pipeline_and_its_session_on_first_use() -> None:
    import sitrep.attribution.role_encoder as module
    import sitrep.stages.attribution as stage

    for m in (stage, module):
        assert not any(isinstance(v, RoleEncoder) for v in vars(m).values())
    nlp = _pipeline()
    encoder = nlp.get_pipe("sitrep_attribution").role_encoder  # type: ignore[attr-defined]
    assert encoder._session is None
    nlp("The mayor said that the power station had been hit.")
    session = encoder._session
    assert session is not None
    nlp("The mayor said that the water station had been hit.")
    assert encoder._session is session


def test_a_bad_role_model_is_named() -> None:
    with pytest.raises(UsageError, match="role_model"):
        _pipeline(role_model="bert")


def test_the_environment_picks_the_role_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ROLE_MODEL_ENV, "encoder")
    component = build_pipeline("blank").get_pipe("sitrep_attribution")
    assert component.role_encoder is not None  # type: ignore[attr-defined]
    monkeypatch.delenv(ROLE_MODEL_ENV)
    assert build_pipeline("blank").get_pipe("sitrep_attribution").role_encoder is None  # type: ignore[attr-defined]
    monkeypatch.setenv(ROLE_MODEL_ENV, "transformer")
    with pytest.raises(ModelError, match=ROLE_MODEL_ENV):
        build_pipeline("blank")


def test_broken_encoder_files_raise_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as missing:
        RoleEncoder(tmp_path)
    assert str(tmp_path) in str(missing.value)
    (tmp_path / CARD_FILE).write_text(json.dumps({"frame": {"threshold": 0.4}}), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"model\.onnx"):
        RoleEncoder(tmp_path)
    (tmp_path / CARD_FILE).write_text(json.dumps({"cues": {"bogus": 1}}), encoding="utf-8")
    with pytest.raises(DataFileError, match="card"):
        RoleEncoder(tmp_path)
    (tmp_path / CARD_FILE).write_text("{}", encoding="utf-8")
    (tmp_path / MODEL_FILE).write_bytes(b"not a model")
    with pytest.raises(DataFileError, match="cannot load"):
        RoleEncoder(tmp_path).pieces("The mayor said so.")


def test_the_shipped_card_holds_the_settings_it_runs_with(tmp_path: Path) -> None:
    card = json.loads((encoder_dir() / CARD_FILE).read_text(encoding="utf-8"))
    assert RoleFrameSettings(**card["frame"]) == RoleEncoder().frame
    assert CueSettings(**card["cues"]) == RoleEncoder().cues
    assert card["hold_out_piece_f1"]["content"] > 0.85
    # the settings load from any folder with the two files
    shutil.copy(encoder_dir() / CARD_FILE, tmp_path / CARD_FILE)
    (tmp_path / MODEL_FILE).write_bytes(b"")
    assert RoleEncoder(tmp_path).cues == CueSettings(**card["cues"])


def test_piece_labels_mark_every_role_a_piece_has() -> None:
    article = PolnearArticle(
        "x",
        "The mayor said the dam held.",
        None,
        (Attribution(source=[(0, 9)], cue=[(10, 14)], content=[(15, 27)]),),
    )
    labels = piece_labels([(0, 3), (4, 9), (10, 14), (15, 18), (23, 27)], article)
    assert labels.tolist() == [[1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]]


# the encoder reads more cues than the taggers; these are the frames its wider reading
# needed limits for (each from the example article's structure, reworded)
def test_an_unquoted_name_calling_is_no_claim_a_quoted_label_is() -> None:
    assert (
        _pipeline()("Kyiv and its allies call Russia's actions an unprovoked land grab.")._.sitrep_claims
        == []
    )
    quoted = _pipeline()('Western leaders call the offensive "a land grab dressed as security."')
    assert [c.cue for c in quoted._.sitrep_claims] == ["call"]


def test_an_encoder_cue_with_its_own_subject_does_not_take_a_speaker_across_a_claim() -> None:
    text = (
        "Zelenskiy said on Tuesday Russia was in a hurry to push before Ukraine, armed with "
        "longer-range weapons from the West, gathers strength for what many expect to be a "
        "spring counter-offensive."
    )
    claims = _pipeline()(text)._.sitrep_claims
    assert [c.cue for c in claims] == ["said"]


def test_the_recipe_command_names_a_missing_corpus(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from sitrep.cli import train_role_encoder

    result = CliRunner().invoke(train_role_encoder.command, ["--shared-data", str(tmp_path)])
    assert result.exit_code != 0
    assert "no PolNeAR train folder" in result.output and str(tmp_path) in result.output
