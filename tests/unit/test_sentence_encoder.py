"""The NumPy sentence encoder gives the same embeddings as the reference implementation."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bot.nlp.sentence_encoder import SentenceEncoder, SentenceModelMissingError, read_safetensors, shared_encoder

REFERENCE = json.loads((Path(__file__).parent / "data" / "minilm_reference.json").read_text(encoding="utf-8"))


def test_tokenizer_matches_bert_tokenizer() -> None:
    """Accents, punctuation, apostrophes and an emoji ([UNK]) split exactly as BertTokenizer does."""
    tokenizer = shared_encoder().tokenizer
    for text, ids in REFERENCE["token_ids"].items():
        assert tokenizer.encode(text) == ids


def test_embeddings_match_sentence_transformers() -> None:
    """Same vectors as sentence-transformers + PyTorch for the same weights (to float precision)."""
    sentences = REFERENCE["sentences"]
    ours = shared_encoder().encode([s["text"] for s in sentences])
    expected = np.array([s["embedding"] for s in sentences], dtype=np.float32)
    assert np.abs(ours - expected).max() < 1e-5
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_batching_does_not_change_an_embedding() -> None:
    """A message gets the same vector alone as in a padded batch with longer messages."""
    encoder = shared_encoder()
    texts = ["pay?", "what does an industrial production manager do every day at the plant", "hi"]
    together = encoder.encode(texts, batch_size=3)
    alone = np.vstack([encoder.encode([text]) for text in texts])
    assert np.abs(together - alone).max() < 1e-5


def test_paraphrases_are_closer_than_unrelated_questions() -> None:
    vectors = shared_encoder().encode(["how much do they earn", "what is the salary", "what's the weather today"])
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_long_messages_are_truncated_not_rejected() -> None:
    encoder = shared_encoder()
    ids = encoder.tokenizer.encode("word " * 1000)
    assert len(ids) == 128 and ids[-1] == encoder.tokenizer.sep
    assert encoder.encode(["word " * 1000]).shape == (1, 384)


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SentenceModelMissingError, match="make install"):
        SentenceEncoder(tmp_path)


def test_safetensors_reader(tmp_path: Path) -> None:
    """The reader follows the format: 8-byte little-endian header size, JSON header, raw data."""
    data = np.arange(6, dtype=np.float32).reshape(2, 3)
    header = json.dumps({"x": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, data.nbytes]}}).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(len(header).to_bytes(8, "little") + header + data.tobytes())
    assert np.array_equal(read_safetensors(path)["x"], data)
