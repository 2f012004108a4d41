"""The role tagger's network run on plain numpy arrays, for inference on one window.

Why: the role tagger is small (hash embeddings, two maxout layers, a bidirectional LSTM
of 2 x 32 units, a linear output), but thinc runs it through some twenty nested layer
calls, list/ragged/padded conversions and an LSTM that steps each direction separately
with one-row BLIS products. On a window of 100 words that is about 3.0 ms, most of it
overhead, and the extractor scores a few such windows per article: the tagger was a
third of the attribution stage's time. Read out of the thinc model once, the same
weights give the same scores (within 1e-5) in 1.4 ms: the layers become plain array
operations, and the LSTM steps both directions at once with one product per step
(:class:`_BiLSTM`).

Only the layers that network is built of are known here; :func:`compile_network`
returns None for anything else (another architecture, a GPU backend), or when the
compiled network scores a probe window differently from thinc, and the caller keeps
thinc's own ``predict``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from thinc.api import Model, NumpyOps
from thinc.layers.chain import forward as _chain_forward
from thinc.layers.concatenate import forward as _concatenate_forward
from thinc.layers.residual import forward as _residual_forward
from thinc.layers.with_array import forward as _with_array_forward
from thinc.layers.with_padded import forward as _with_padded_forward

Floats = npt.NDArray[np.float32]
Step = Callable[[Any], Any]
# layers that hand the one window on unchanged: batching, format changes, dropout
_PASS_THROUGH = frozenset({"extract_features", "list2ragged", "ragged2list", "dropout"})


class Unsupported(Exception):
    """A layer this module does not know; the network stays with thinc."""


def compile_network(model: Model[Any, Any]) -> Step | None:
    """A function from one window's feature table (tokens x feature columns, uint64, the
    columns of the network's ``extract_features``) to its output scores, or None if the
    network has a layer this module cannot run, or runs differently from thinc.

    The compiled function is checked once against thinc's ``predict`` on a window of
    random feature ids: a layer arranged in a way this module does not expect (padding
    where thinc applies none, another input format) then falls back to thinc rather than
    scoring differently.
    """
    if not isinstance(model.ops, NumpyOps):
        return None
    try:
        net = _compile(model, NumpyOps(use_blis=False))
    except Unsupported:
        return None
    return net if _agrees(model, net) else None


def feature_columns(model: Model[Any, Any]) -> list[str] | None:
    """The attributes the network reads of each token (its one ``extract_features``
    node's columns, in order), or None if it has no single such node."""
    extractors = [node for node in model.walk() if node.name == "extract_features"]
    return list(extractors[0].attrs["columns"]) if len(extractors) == 1 else None


def _agrees(model: Model[Any, Any], net: Step, words: int = 12) -> bool:
    columns = feature_columns(model)
    if columns is None:
        return False
    probe = np.random.default_rng(0).integers(0, 2**63, size=(words, len(columns)), dtype=np.uint64)
    try:
        expected = np.asarray(model.predict([FeatureRows(probe)])[0])
        return bool(np.allclose(net(probe), expected, rtol=1e-4, atol=1e-4))
    except (ValueError, IndexError, TypeError):
        return False


class FeatureRows:
    """A window of a Doc at the network's input. spaCy's feature extractor reads any
    object with ``to_array(columns)``; handing it the rows of the Doc's feature table
    spares copying the window out as a Doc of its own (``Span.as_doc``: 0.4 ms, a fifth of
    a window's pass through thinc)."""

    __slots__ = ("table",)

    def __init__(self, table: npt.NDArray[np.uint64]) -> None:
        self.table = table

    def to_array(self, columns: object) -> npt.NDArray[np.uint64]:
        return self.table


def _compile(layer: Model[Any, Any], ops: NumpyOps) -> Step:
    func = layer._func
    children = [_compile(child, ops) for child in layer.layers] if func is not _with_padded_forward else []
    if func is _chain_forward:
        return _chained(children)
    if func is _with_array_forward:
        pad = int(layer.attrs.get("pad", 0))
        return children[0] if pad == 0 else _padded(children[0], pad)
    if func is _with_padded_forward:
        return _compile(layer.layers[0], ops)
    if func is _residual_forward:
        inner = children[0]
        return lambda X: X + inner(X)
    if func is _concatenate_forward:
        return lambda X: np.hstack([child(X) for child in children])
    name = layer.name
    if name in _PASS_THROUGH:
        return lambda X: X
    if name == "ints-getitem":
        index = layer.attrs["index"]
        return lambda X: X[index]
    if name == "hashembed":
        return _hash_embed(layer, ops)
    if name == "maxout":
        return _maxout(layer)
    if name == "layernorm":
        return _layer_norm(layer)
    if name == "expand_window":
        width = int(layer.attrs["window_size"])
        return lambda X: ops.seq2col(X, width) if len(X) else np.zeros((0, X.shape[1] * (2 * width + 1)), "f")
    if name == "softmax":
        return _linear_out(layer)
    if name == "lstm":
        return _BiLSTM.of(layer)
    raise Unsupported(name)


def _chained(steps: Sequence[Step]) -> Step:
    def run(X: Any) -> Any:
        for step in steps:
            X = step(X)
        return X

    return run


def _padded(step: Step, pad: int) -> Step:
    """``with_array(layer, pad=N)``: thinc runs a list of sequences as one array with
    ``pad`` zero rows around each, and a window encoder's outer tokens see them."""

    def run(X: Floats) -> Floats:
        rows = np.zeros((len(X) + 2 * pad, *X.shape[1:]), dtype=X.dtype)
        rows[pad : pad + len(X)] = X
        out: Floats = step(rows)
        return out[pad : pad + len(X)]

    return run


def _hash_embed(layer: Model[Any, Any], ops: NumpyOps) -> Step:
    table = np.asarray(layer.get_param("E"), dtype=np.float32)
    seed = int(layer.attrs["seed"])
    rows = table.shape[0]

    def embed(ids: npt.NDArray[np.uint64]) -> Floats:
        if len(ids) == 0:
            return np.zeros((0, table.shape[1]), dtype=np.float32)
        keys = ops.hash(np.ascontiguousarray(ids, dtype=np.uint64), seed) % rows
        return np.asarray(ops.gather_add(table, keys))

    return embed


def _maxout(layer: Model[Any, Any]) -> Step:
    n_out, pieces, n_in = layer.get_dim("nO"), layer.get_dim("nP"), layer.get_dim("nI")
    # thinc keeps W as (out, piece, in); piece-major columns make the maximum a few
    # element-wise np.maximum calls instead of a reduction over a short last axis (slow)
    W = np.asarray(layer.get_param("W")).reshape(n_out, pieces, n_in).transpose(1, 0, 2)
    weights = np.ascontiguousarray(W.reshape(pieces * n_out, n_in).T)
    bias = np.ascontiguousarray(np.asarray(layer.get_param("b")).reshape(n_out, pieces).T.reshape(-1))

    def maxout(X: Floats) -> Floats:
        Y = X @ weights
        Y += bias
        best: Floats = Y[:, :n_out]
        for piece in range(1, pieces):
            best = np.maximum(best, Y[:, piece * n_out : (piece + 1) * n_out])
        return best

    return maxout


def _layer_norm(layer: Model[Any, Any]) -> Step:
    gain = np.asarray(layer.get_param("G"))
    shift = np.asarray(layer.get_param("b"))

    def norm(X: Floats) -> Floats:
        # thinc's LayerNorm: the variance gets 1e-8 before the square root
        mu = X.mean(axis=1, keepdims=True)
        var = X.var(axis=1, keepdims=True) + 1e-08
        Y: Floats = (X - mu) * var ** (-1.0 / 2.0)
        Y *= gain
        Y += shift
        return Y

    return norm


def _linear_out(layer: Model[Any, Any]) -> Step:
    weights = np.ascontiguousarray(np.asarray(layer.get_param("W")).T)
    bias = np.asarray(layer.get_param("b"))
    normalize = bool(layer.attrs.get("softmax_normalize", True))
    temperature = float(layer.attrs.get("softmax_temperature", 1.0))

    def out(X: Floats) -> Floats:
        Y: Floats = X @ weights
        Y += bias
        if normalize:
            Y = Y / temperature
            Y = np.exp(Y - Y.max(axis=1, keepdims=True))
            Y /= Y.sum(axis=1, keepdims=True)
        return Y

    return out


class _BiLSTM:
    """thinc's one-layer bidirectional LSTM, both directions stepped together.

    thinc keeps each direction's gates as four blocks ``[forget, input, output, cell]`` of
    the hidden width. Here the columns are laid out gate by gate, each gate holding the
    forward then the backward units, so one step is one product of the joint hidden state
    (forward | backward) with a block-diagonal matrix, and the element-wise work runs once
    over both directions. The backward direction reads the window reversed, so its input
    rows are flipped once before the loop and its outputs once after. The three sigmoid
    gates' weights are halved when loaded, so one ``tanh`` over all gates gives
    ``sigmoid(x) = (1 + tanh(x / 2)) / 2`` for them and ``tanh`` for the cell.
    """

    __slots__ = ("bias", "c0", "h0", "h_weights", "width", "x_weights")

    def __init__(self, x_weights: Floats, bias: Floats, h_weights: Floats, h0: Floats, c0: Floats) -> None:
        self.x_weights = x_weights
        self.bias = bias
        self.h_weights = h_weights
        self.h0 = h0
        self.c0 = c0
        self.width = h0.shape[0] // 2

    @classmethod
    def of(cls, layer: Model[Any, Any]) -> _BiLSTM:
        if layer.get_dim("depth") != 1 or layer.get_dim("dirs") != 2:
            raise Unsupported("lstm other than one bidirectional layer")
        params = np.asarray(layer.get_param("LSTM"), dtype=np.float32)
        hc0 = np.asarray(layer.get_param("HC0"), dtype=np.float32)  # (2, depth, dirs, width)
        width = layer.get_dim("nO") // 2
        n_in = layer.get_dim("nI")
        if params.size != 2 * (4 * width * (n_in + width) + 8 * width):
            raise Unsupported("lstm parameters of an unexpected size")
        x_blocks: list[Floats] = []
        h_blocks: list[Floats] = []
        biases: list[Floats] = []
        at = 0
        for _ in range(2):  # thinc's order per direction: Wx, bx, Wh, bh
            for shape, into in (
                ((4, width, n_in), x_blocks),
                ((4, width), biases),
                ((4, width, width), h_blocks),
                ((4, width), biases),
            ):
                size = int(np.prod(shape))
                into.append(params[at : at + size].reshape(shape))
                at += size
        # gate, direction, unit; sigmoid gates (forget, input, output) halved
        scale = np.array([0.5, 0.5, 0.5, 1.0], dtype=np.float32)
        x_weights = np.stack(x_blocks, axis=1) * scale[:, None, None, None]  # (4, 2, width, n_in)
        bias = np.stack([biases[0] + biases[1], biases[2] + biases[3]], axis=1) * scale[:, None, None]
        h_weights = np.zeros(
            (2, width, 4, 2, width), dtype=np.float32
        )  # (dir in, unit in, gate, dir out, unit out)
        for d in range(2):
            h_weights[d, :, :, d, :] = h_blocks[d].transpose(2, 0, 1) * scale[None, :, None]
        return cls(
            np.ascontiguousarray(x_weights.reshape(8 * width, n_in).T),
            np.ascontiguousarray(bias.reshape(8 * width)),
            np.ascontiguousarray(h_weights.reshape(2 * width, 8 * width)),
            np.ascontiguousarray(hc0[0, 0].reshape(2 * width)),
            np.ascontiguousarray(hc0[1, 0].reshape(2 * width)),
        )

    def __call__(self, X: Floats) -> Floats:
        width, both = self.width, 2 * self.width
        steps = len(X)
        by_gate = (X @ self.x_weights + self.bias).reshape(steps, 4, 2, width)
        by_gate[:, :, 1] = by_gate[::-1, :, 1].copy()
        gates = by_gate.reshape(steps, 8 * width)
        out = np.empty((steps, both), dtype=np.float32)
        # one buffer per quantity, with fixed views of the gates: a step is then ten ufunc
        # calls that allocate nothing (the loop runs once per word of every window)
        z = np.empty(8 * width, dtype=np.float32)
        sig, forget, inner, output, cell = (
            z[: 3 * both],
            z[:both],
            z[both : 2 * both],
            z[2 * both : 3 * both],
            z[3 * both :],
        )
        c = self.c0.copy()
        tmp = np.empty(both, dtype=np.float32)
        h = self.h0
        h_weights, dot, tanh, multiply = self.h_weights, np.dot, np.tanh, np.multiply
        for t in range(steps):
            dot(h, h_weights, out=z)
            z += gates[t]
            tanh(z, out=z)
            sig *= 0.5
            sig += 0.5
            multiply(forget, c, out=c)
            multiply(inner, cell, out=tmp)
            c += tmp
            h = out[t]
            tanh(c, out=h)
            h *= output
        out[:, width:] = out[::-1, width:].copy()
        return out
