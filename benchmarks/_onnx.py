"""all-MiniLM-L6-v2 through ONNX Runtime, int8, for ``bench_embeddings.py`` (a candidate only).

:func:`export_int8` exports the bundled model to ONNX (offline) and quantises the
weight matrices of its linear layers to int8 (dynamic quantisation, per output
channel: the ``MatMul`` nodes whose second input is a stored weight; the attention
products of two activations stay float). :class:`OnnxMiniLM` embeds as the workbench's MiniLM does:
every 254-token window, mean-pooled over tokens, normalised, then averaged over
windows by token count and normalised again.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np

INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def export_int8(folder: str | os.PathLike[str]) -> Path:
    """Export MiniLM to ``folder/minilm.onnx`` and quantise it to ``folder/minilm-int8.onnx``."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    from workbench.topics.embeddings import minilm_path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    source = minilm_path()
    model = _HiddenStates(AutoModel.from_pretrained(source, attn_implementation="eager").eval())
    dummy = AutoTokenizer.from_pretrained(source)(["Talks resume in Geneva."], return_tensors="pt")
    fp32, int8 = folder / "minilm.onnx", folder / "minilm-int8.onnx"
    dynamic = {"batch": 0, "seq": 1}
    with torch.inference_mode():
        torch.onnx.export(
            model,
            tuple(dummy[k] for k in INPUTS),
            str(fp32),
            input_names=list(INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes={
                n: {v: k for k, v in dynamic.items()} for n in (*INPUTS, "last_hidden_state")
            },
            opset_version=17,
            dynamo=False,
        )
    quantize_dynamic(
        str(fp32),
        str(int8),
        weight_type=QuantType.QInt8,
        per_channel=True,  # one scale per output column: per-tensor int8 drops cosine to ~0.95
        reduce_range=True,  # 7-bit weights, safe from overflow on CPUs without VNNI
        op_types_to_quantize=["MatMul"],
        nodes_to_quantize=linear_matmuls(fp32),
    )
    return int8


def _HiddenStates(model):
    """``model`` called with positional inputs, returning its last hidden states only."""
    import torch

    class HiddenStates(torch.nn.Module):
        def __init__(self, inner) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    return HiddenStates(model)


def linear_matmuls(path: Path) -> list[str]:
    """The ``MatMul`` nodes of a linear layer: those multiplying by a stored weight matrix."""
    import onnx

    graph = onnx.load(str(path)).graph
    weights = {init.name for init in graph.initializer}
    return [n.name for n in graph.node if n.op_type == "MatMul" and n.input[1] in weights]


class OnnxMiniLM:
    """Embeds texts with an ONNX MiniLM: every window, pooled as the workbench pools them.

    Args:
        path: The ``.onnx`` file.
        batch_size: Windows per run.
    """

    def __init__(self, path: str | os.PathLike[str], batch_size: int = 32) -> None:
        import onnxruntime as ort
        from transformers import AutoTokenizer

        from workbench.topics.embeddings import minilm_path

        logging.getLogger("transformers.tokenization_utils_base").setLevel(logging.ERROR)
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, len(os.sched_getaffinity(0)))
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = AutoTokenizer.from_pretrained(minilm_path())
        self.batch_size = batch_size

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length vectors of ``texts`` (every window, mean-pooled)."""
        from workbench.topics.embeddings import chunk_spans

        pieces, owner, weight = [], [], []
        for n, text in enumerate(texts):
            for lo, hi, n_tok in chunk_spans(text, self.tokenizer, 254):
                pieces.append(text[lo:hi])
                owner.append(n)
                weight.append(n_tok)
        vectors = np.zeros((len(pieces), 384), dtype=np.float32)
        order = np.argsort([-len(p) for p in pieces], kind="stable")
        for lo in range(0, len(order), self.batch_size):
            idx = order[lo : lo + self.batch_size]
            vectors[idx] = self._window_vectors([pieces[i] for i in idx])
        pooled = np.zeros((len(texts), 384), dtype=np.float64)
        np.add.at(
            pooled, np.asarray(owner), vectors * np.asarray(weight, dtype=np.float64)[:, None]
        )
        return _normalise(pooled).astype(np.float32)

    def _window_vectors(self, batch: list[str]) -> np.ndarray:
        enc = self.tokenizer(
            batch, padding=True, truncation=True, max_length=256, return_tensors="np"
        )
        feed = {k: enc[k].astype(np.int64) for k in INPUTS}
        hidden = self.session.run(["last_hidden_state"], feed)[0]
        mask = feed["attention_mask"][:, :, None].astype(np.float32)
        return _normalise((hidden * mask).sum(axis=1) / mask.sum(axis=1))


def _normalise(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms == 0, 1, norms)
