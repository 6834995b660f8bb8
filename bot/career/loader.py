"""Load and validate career knowledge files from ``knowledge/careers/``.

``load_career(path)`` turns one YAML file into a validated :class:`Career` or
raises :class:`KnowledgeError` naming the file and the field. ``KnowledgeStore``
keeps the last good copy of every career and reloads a file when it changes on
disk; if a reload fails, the old data keeps answering.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Type, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.career.models import Career
from bot.paths import CAREERS_DIR

logger = logging.getLogger(__name__)
ModelT = TypeVar("ModelT", bound=BaseModel)


class KnowledgeError(Exception):
    """A knowledge file is missing, unreadable, or invalid."""

    def __init__(self, path: Path, problems: List[str]) -> None:
        self.path = Path(path)
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"Invalid knowledge file {self.path}:\n{listing}")


def _describe(error: ValidationError) -> List[str]:
    """One line per problem: ``field.path: message``."""
    lines = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"] if part != "__root__")
        message = item["msg"]
        lines.append(f"{location}: {message}" if location else message)
    return lines


def read_mapping(path: Path) -> Dict[str, object]:
    """Read a YAML file that must hold a mapping; raise KnowledgeError naming the file on any problem."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            raw = yaml.safe_load(handle)
    except FileNotFoundError:
        raise KnowledgeError(path, ["file not found"]) from None
    except UnicodeDecodeError as error:
        raise KnowledgeError(path, [f"not UTF-8 text ({error.reason})"]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise KnowledgeError(path, [f"YAML syntax error{where}: {problem}"]) from None
    if not isinstance(raw, dict):
        raise KnowledgeError(path, ["the file must be a YAML mapping (key: value pairs)"])
    return raw


def parse_model(path: Path, model: Type[ModelT]) -> ModelT:
    """Read a YAML file into a validated pydantic model; KnowledgeError names the file and each field."""
    raw = read_mapping(path)
    try:
        return model.parse_obj(raw)
    except ValidationError as error:
        raise KnowledgeError(Path(path), _describe(error)) from None


def load_career(path: Path) -> Career:
    """Read and validate one career file; raise KnowledgeError on any problem."""
    return parse_model(path, Career)


def career_files(directory: Path = CAREERS_DIR) -> List[Path]:
    """The career files in a knowledge directory (``*.yml`` at its top level)."""
    return sorted(Path(directory).glob("*.yml"))


def load_all(directory: Path = CAREERS_DIR) -> Dict[str, Career]:
    """Load every career file of a directory, keyed by career id.

    Raises KnowledgeError for the first invalid file, or if there is none.
    """
    files = career_files(directory)
    if not files:
        raise KnowledgeError(Path(directory), ["no career files (*.yml) found"])
    careers: Dict[str, Career] = {}
    for path in files:
        career = load_career(path)
        if career.career.id in careers:
            raise KnowledgeError(path, [f"career.id: duplicate id {career.career.id!r}"])
        careers[career.career.id] = career
    return careers


@dataclass
class _Snapshot:
    careers: Dict[str, Career]
    stamps: Tuple[Tuple[str, float], ...]


class KnowledgeStore:
    """The careers currently served, reloaded when their files change.

    A failed reload is logged and the last good data stays in use, so a typo
    saved into a file never takes a running bot down.
    """

    def __init__(self, directory: Path = CAREERS_DIR) -> None:
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._snapshot: Optional[_Snapshot] = None
        self.last_error: Optional[KnowledgeError] = None

    def _stamps(self) -> Tuple[Tuple[str, float], ...]:
        return tuple((str(p), p.stat().st_mtime) for p in career_files(self.directory))

    def careers(self) -> Dict[str, Career]:
        """All careers, reloading first if any file changed since the last load."""
        with self._lock:
            stamps = self._stamps()
            if self._snapshot is None or stamps != self._snapshot.stamps:
                try:
                    self._snapshot = _Snapshot(load_all(self.directory), stamps)
                    self.last_error = None
                except KnowledgeError as error:
                    if self._snapshot is None:
                        raise
                    if self.last_error is None or str(error) != str(self.last_error):
                        logger.error("Knowledge reload failed; keeping the last good data. %s", error)
                    self.last_error = error
            return self._snapshot.careers

    def primary(self) -> Career:
        """The career the bot talks about (the first file, by name)."""
        return next(iter(self.careers().values()))


_default_store: Optional[KnowledgeStore] = None


def default_store() -> KnowledgeStore:
    """The process-wide store for ``knowledge/careers/`` (created on first use, not at import)."""
    global _default_store
    if _default_store is None:
        _default_store = KnowledgeStore()
    return _default_store
