"""Many careers at once: 300 synthetic career files, for the bench only (never shipped).

``make_knowledge(count, target)`` copies ``knowledge/`` and adds synthetic
careers until there are ``count``: made-up titles ("zorvan assessor 17") with
every section a real file has, figures clearly made up, clusters in turn. The
benchmark starts the bot on that folder (``CAREERBOT_KNOWLEDGE_DIR``) and
compares start-up, latency, memory and training with the 25 real careers.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any, Dict

import yaml

from bot.knowledge.models import CLUSTERS, SCHEMA_VERSION
from bot.paths import KNOWLEDGE_DIR

_SYLLABLES = ("zor", "vex", "quil", "mar", "dun", "bel", "tor", "fen", "lix", "orb", "pra", "sul", "kem", "yar")
_NOUNS = ("assessor", "wrangler", "curator", "fabricator", "coordinator", "steward", "planner", "tinker")


def _title(rng: random.Random, number: int) -> str:
    word = "".join(rng.choice(_SYLLABLES) for _ in range(2))
    return f"{word}{number} {rng.choice(_NOUNS)}"


def synthetic_career(number: int, rng: random.Random) -> Dict[str, Any]:
    """One made-up career file's content (valid against the schema; figures invented for the bench)."""
    title = _title(rng, number)
    plural = title + "s"
    career_id = title.replace(" ", "-")
    annual = rng.randrange(30000, 150000, 10)
    return {
        "schema_version": SCHEMA_VERSION,
        "sources": {"bench": {"name": "Synthetic career for the benchmark (not real)", "edition": "bench"}},
        "career": {"id": career_id, "title": title, "plural": plural, "aliases": [f"{title.split()[0]} worker"],
                   "clusters": [CLUSTERS[number % len(CLUSTERS)]], "summary": f"{plural.capitalize()} do made-up work.",
                   "source": "bench"},
        "work_environment": {"text": f"{plural.capitalize()} work indoors.", "source": "bench"},
        "how_to_become": {"text": f"{plural.capitalize()} need practice.", "source": "bench"},
        "education": {"entry_level": {"level": "High school diploma or equivalent", "source": "bench"}},
        "pay": {"median": {"who": plural, "annual": annual, "hourly": round(annual / 2080, 2), "date": "May 2023",
                           "source": "bench"}},
        "jobs": {"count": rng.randrange(1000, 900000), "date": "2023", "source": "bench"},
        "outlook": {"growth": {"percent": rng.randrange(-5, 20), "period": "2023 to 2033", "words": "made up",
                               "source": "bench"},
                    "openings": {"per_year": rng.randrange(100, 90000), "period": "2023 to 2033", "source": "bench"}},
    }


def make_knowledge(count: int, target: Path, seed: int = 7) -> Path:
    """A copy of knowledge/ with synthetic careers added until it holds ``count`` careers; returns ``target``."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(KNOWLEDGE_DIR, target)
    careers = target / "careers"
    rng = random.Random(seed)
    number = 0
    while len(list(careers.glob("*.yml"))) < count:
        number += 1
        data = synthetic_career(number, rng)
        path = careers / f"{data['career']['id']}.yml"
        if not path.exists():
            path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return target
