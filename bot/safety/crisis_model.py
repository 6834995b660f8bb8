"""The dedicated crisis classifier: crisis or not, from the words and letters of a normalised message.

The phrase detector (bot/safety/crisis.py) knows the phrasings written into its
table; the intent classifier learns ``crisis`` as one intent among forty, from
the NLU data. This model learns only "crisis or not", from every development
crisis set and look-alike set (``data/safety/crisis-examples.yml``, written by
``python -m bench.crisis_training``) besides the NLU data's crisis and other
examples. A logistic regression over hashed word (1-3) and character (3-6)
n-grams of the message as ``bot.safety.text.normalise`` spells it: no
vocabulary to store, a few seconds to train, about a tenth of a millisecond a
message. ``bot.nlp.safety_intents`` trains it with the Rasa model and combines
it with the detector and the intent classifier.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Sequence, Tuple

import numpy as np
import yaml
from scipy import sparse

from bot.paths import DATA_DIR
from bot.safety.text import normalise

EXAMPLES_FILE = DATA_DIR / "safety" / "crisis-examples.yml"
FEATURE_BITS = 19  # per analyzer: 2 x 2**19 weights, 4 MB as float32
WORDS = (1, 3)
CHARACTERS = (3, 6)


@lru_cache(maxsize=1)
def _vectorizers() -> Tuple[Any, Any]:
    from sklearn.feature_extraction.text import HashingVectorizer

    words = HashingVectorizer(ngram_range=WORDS, n_features=2**FEATURE_BITS, alternate_sign=False, norm=None,
                              token_pattern=r"(?u)\b\w+\b")
    characters = HashingVectorizer(analyzer="char_wb", ngram_range=CHARACTERS, n_features=2**FEATURE_BITS,
                                   alternate_sign=False, norm=None)
    return words, characters


def features(texts: Sequence[str]) -> sparse.csr_matrix:
    """One unit-length row of hashed n-gram counts per message (normalised first)."""
    from sklearn.preprocessing import normalize

    normal = [normalise(text or "") for text in texts]
    words, characters = _vectorizers()
    matrix = sparse.hstack([words.transform(normal), characters.transform(normal)]).tocsr()  # type: ignore
    return normalize(matrix)


@lru_cache(maxsize=1)
def _analyzers() -> Tuple[Callable[[str], List[str]], ...]:
    return tuple(vectorizer.build_analyzer() for vectorizer in _vectorizers())


def row(text: str) -> Tuple[np.ndarray, np.ndarray]:
    """One message's non-zero features (column indices, values): its row of ``features``, computed directly.

    Without sklearn's per-call overhead (0.05 ms instead of 0.3 ms a message); the same hash and columns
    as sklearn's FeatureHasher (unit-tested).
    """
    from sklearn.utils import murmurhash3_32

    counts: Dict[int, float] = {}
    size = 2**FEATURE_BITS
    normal = normalise(text or "")
    for offset, analyze in zip((0, size), _analyzers(), strict=True):
        for gram in analyze(normal):
            column = offset + abs(murmurhash3_32(gram, seed=0)) % size
            counts[column] = counts.get(column, 0.0) + 1.0
    columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    values = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    norm = float(np.sqrt(values @ values))
    return columns, values / norm if norm else values


@dataclass(frozen=True)
class CrisisModel:
    """The weights of the logistic regression (one per hashed feature) and its intercept."""

    weights: np.ndarray
    intercept: float

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """The probability of a crisis, one per message."""
        if not texts:
            return np.zeros(0)
        logits = features(texts) @ self.weights + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-logits)))

    def score(self, text: str) -> float:
        """The probability that one message is a crisis."""
        columns, values = row(text)
        logit = float(values @ self.weights[columns]) + self.intercept
        return float(1.0 / (1.0 + np.exp(-logit)))

    def save(self, path: Path) -> None:
        """Write the weights as a NumPy archive."""
        np.savez_compressed(path, weights=self.weights, intercept=np.array([self.intercept]))

    @classmethod
    def load(cls, path: Path) -> CrisisModel:
        """Read weights written by ``save``."""
        saved = np.load(path)
        return cls(saved["weights"].astype(np.float32), float(saved["intercept"][0]))


def train(positives: Iterable[str], negatives: Iterable[str], c: float = 32.0) -> CrisisModel:
    """Fit the model: crisis messages against everything else (each text once; a text in both counts as crisis)."""
    from sklearn.linear_model import LogisticRegression

    crisis = list(dict.fromkeys(t for t in positives if t))
    seen = set(crisis)
    other = [t for t in dict.fromkeys(negatives) if t and t not in seen]
    if not crisis or not other:
        raise ValueError("the crisis model needs crisis messages and other messages to learn from")
    labels = np.r_[np.ones(len(crisis)), np.zeros(len(other))]
    model = LogisticRegression(C=c, max_iter=300, class_weight="balanced", solver="liblinear")
    model.fit(features(crisis + other), labels)
    return CrisisModel(model.coef_[0].astype(np.float32), float(model.intercept_[0]))


def read_examples(path: Path = EXAMPLES_FILE) -> Tuple[List[str], List[str]]:
    """The extra examples: (crisis messages, look-alikes that are not a crisis); none if the file is missing."""
    if not path.exists():
        return [], []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [str(t) for t in data.get("crisis") or []], [str(t) for t in data.get("not_crisis") or []]


def examples_digest(path: Path = EXAMPLES_FILE) -> str:
    """A hash of the extra examples file (retrain when it changes)."""
    return hashlib.sha256(path.read_bytes() if path.exists() else b"").hexdigest()[:16]
