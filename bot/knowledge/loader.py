"""Load and validate the knowledge files: careers (``knowledge/careers/``) and general facts.

``load_career(path)`` turns one YAML file into a validated :class:`Career` or
raises :class:`KnowledgeError` naming the file and the field. ``KnowledgeStore``
keeps the last good copy of every career and re-reads the folder when a file is
added, changed or removed, so a running bot picks up a new career without a
restart or retraining; if a reload fails, the old data keeps answering.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Type, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.knowledge.models import Career, GeneralFacts
from bot.paths import CAREERS_DIR, GENERAL_FILE

logger = logging.getLogger(__name__)
ModelT = TypeVar("ModelT", bound=BaseModel)
# libyaml's safe loader when PyYAML was built with it (several times faster with hundreds of careers).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
            raw = yaml.load(handle, Loader=_SafeLoader)
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
    """Read and validate one career file; raise KnowledgeError on any problem.

    The career's id must be the file's name (``registered-nurses.yml`` holds ``registered-nurses``).
    """
    career = parse_model(path, Career)
    if career.id != Path(path).stem:
        raise KnowledgeError(Path(path), [f"career.id: {career.id!r} must match the file name {Path(path).stem!r}"])
    return career


def load_general(path: Path = GENERAL_FILE) -> GeneralFacts:
    """Facts about all occupations (not one career's): the median pay of all occupations."""
    return parse_model(path, GeneralFacts)


def career_files(directory: Path = CAREERS_DIR) -> List[Path]:
    """The career files in a knowledge directory (``*.yml`` at its top level)."""
    return [Path(path) for path, _ in _file_stamps(Path(directory))]


def _file_stamps(directory: Path) -> Tuple[Tuple[str, int], ...]:
    """Each career file's path and modification time, sorted by path (one ``scandir``: cheap on every turn)."""
    try:
        entries = list(os.scandir(directory))
    except FileNotFoundError:
        return ()
    return tuple(sorted((entry.path, entry.stat().st_mtime_ns) for entry in entries
                        if entry.name.endswith(".yml") and not entry.name.startswith(".") and entry.is_file()))


def check_all(directory: Path = CAREERS_DIR) -> Tuple[Dict[str, Career], List[KnowledgeError]]:
    """Load every career file of a directory: the valid careers by id, and one error per invalid file."""
    careers: Dict[str, Career] = {}
    errors: List[KnowledgeError] = []
    for path in career_files(directory):
        try:
            career = load_career(path)
        except KnowledgeError as error:
            errors.append(error)
            continue
        careers[career.id] = career
    if not careers and not errors:
        errors.append(KnowledgeError(Path(directory), ["no career files (*.yml) found"]))
    return careers, errors


def load_all(directory: Path = CAREERS_DIR) -> Dict[str, Career]:
    """Load every career file of a directory, keyed by career id; raise the first file's error if any is invalid."""
    careers, errors = check_all(directory)
    if errors:
        raise errors[0]
    return careers


@dataclass
class _Snapshot:
    careers: Dict[str, Career]
    stamps: Tuple[Tuple[str, int], ...]


class KnowledgeStore:
    """The careers currently served, reloaded when a file is added, changed or removed.

    Each file stands alone: a valid new or edited file is served at once; an
    invalid edit is logged and that career keeps its last good version, so a typo
    saved into one file never takes the bot, or the other careers, down. A file
    that was never valid is left out (``make check`` names its problems).
    """

    def __init__(self, directory: Path = CAREERS_DIR) -> None:
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._snapshot: Optional[_Snapshot] = None
        self.last_error: Optional[KnowledgeError] = None

    def _stamps(self) -> Tuple[Tuple[str, int], ...]:
        return _file_stamps(self.directory)

    def careers(self) -> Dict[str, Career]:
        """All careers, reloading first if any file changed since the last load.

        Raises KnowledgeError on the first load if any file is invalid (the bot must not start).
        """
        with self._lock:
            stamps = self._stamps()
            if self._snapshot is None or stamps != self._snapshot.stamps:
                careers, errors = check_all(self.directory)
                if self._snapshot is None and errors:
                    raise errors[0]
                if errors:
                    previous = self._snapshot.careers if self._snapshot else {}
                    for error in errors:
                        kept = previous.get(Path(error.path).stem)
                        if kept is not None:
                            careers[kept.id] = kept
                        if self.last_error is None or str(error) != str(self.last_error):
                            logger.error("Knowledge reload failed; keeping the last good data. %s", error)
                    self.last_error = errors[-1]
                else:
                    self.last_error = None
                self._snapshot = _Snapshot(dict(sorted(careers.items())), stamps)
            return self._snapshot.careers

    def get(self, career_id: Optional[str]) -> Optional[Career]:
        """One career by id, or None."""
        return self.careers().get(career_id or "")


_default_store: Optional[KnowledgeStore] = None


def default_store() -> KnowledgeStore:
    """The process-wide store for ``knowledge/careers/`` (created on first use, not at import)."""
    global _default_store
    if _default_store is None:
        _default_store = KnowledgeStore()
    return _default_store
