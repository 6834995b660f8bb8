"""Build the blank English spaCy pipeline Rasa's SpacyNLP loads (``build/spacy_en``).

No model is downloaded: the pipeline is ``spacy.blank("en")`` with the lookup
lemmatizer (tables from spacy-lookups-data, saved into the folder) and an
entity ruler whose patterns come from the knowledge files:

- ``career``: the aliases of the careers we know (``knowledge/*.yml``);
- ``occupation``: other job titles (``knowledge/vocabulary/occupations.yml``),
  so "how much do nurses make?" is recognised as a question about another career.

The folder holds ``fingerprint.txt``, a hash of everything it was built from;
``ensure_pipeline()`` rebuilds only when that changes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Dict, List

import yaml

from bot.paths import CAREERS_DIR, SPACY_DIR, VOCABULARY_DIR

BUILDER_VERSION = "1"


def plural_forms(term: str) -> List[str]:
    """A term and its plural forms (last word only): nurse → nurses, coach → coaches."""
    words = term.split()
    last = words[-1]
    forms = {last}
    if last.endswith(("s", "x", "ch", "sh")):
        forms.add(last + "es")
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        forms.add(last[:-1] + "ies")
    elif last.endswith("man"):
        forms.add(last[:-3] + "men")
    else:
        forms.add(last + "s")
    return [" ".join(words[:-1] + [form]) for form in sorted(forms)]


def career_aliases(careers_dir: Path = CAREERS_DIR) -> List[str]:
    """Aliases of every known career (read without full validation: build time only)."""
    aliases: List[str] = []
    for path in sorted(Path(careers_dir).glob("*.yml")):
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        career = data.get("career") or {}
        aliases += [str(a).lower() for a in career.get("aliases", [])]
        if career.get("name"):
            aliases.append(str(career["name"]).lower())
    return sorted(set(aliases))


def other_occupations(vocabulary_dir: Path = VOCABULARY_DIR) -> List[str]:
    """Job titles of other careers."""
    path = Path(vocabulary_dir) / "occupations.yml"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return sorted({str(o).lower().strip() for o in data.get("occupations", []) if str(o).strip()})


def patterns() -> List[Dict[str, str]]:
    """Entity-ruler phrase patterns; our own career wins over a generic title."""
    ours = career_aliases()
    ours_forms = {form for alias in ours for form in plural_forms(alias)} | set(ours)
    result = [{"label": "career", "pattern": form} for form in sorted(ours_forms)]
    for title in other_occupations():
        for form in plural_forms(title):
            if form not in ours_forms:
                result.append({"label": "occupation", "pattern": form})
    return result


def fingerprint(rules: List[Dict[str, str]]) -> str:
    """Hash of what the pipeline is built from.

    spaCy's version is read from the package metadata: importing spaCy pulls in
    thinc and TensorFlow, which cost `make run` several seconds before either
    server could start (see bench/README.md).
    """
    from importlib.metadata import version

    payload = json.dumps(
        {"builder": BUILDER_VERSION, "spacy": version("spacy"), "patterns": rules}, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def build(target: Path = SPACY_DIR) -> str:
    """Build the pipeline into ``target`` and return its fingerprint."""
    import spacy

    rules = patterns()
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    # The ruler goes in after initialize(): initialize() would drop its patterns.
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(rules)  # type: ignore[attr-defined]
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    digest = fingerprint(rules)
    (target / "fingerprint.txt").write_text(digest + "\n", encoding="utf-8")
    return digest


def ensure_pipeline(target: Path = SPACY_DIR) -> str:
    """Build the pipeline unless an identical one is already there; return its fingerprint."""
    digest = fingerprint(patterns())
    stamp = Path(target) / "fingerprint.txt"
    if stamp.exists() and stamp.read_text(encoding="utf-8").strip() == digest:
        return digest
    return build(target)


if __name__ == "__main__":
    print(f"spaCy pipeline in {SPACY_DIR}: {ensure_pipeline()}")
