"""Where the project's files are, resolved from this module (never the working directory)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = Path(os.environ.get("CAREERBOT_KNOWLEDGE_DIR", ROOT / "knowledge"))
VOCABULARY_DIR = KNOWLEDGE_DIR / "vocabulary"
CAREERS_DIR = KNOWLEDGE_DIR / "careers"
SCHOOL_FILE = KNOWLEDGE_DIR / "school.yml"
GENERAL_FILE = KNOWLEDGE_DIR / "general.yml"
DATA_DIR = ROOT / "data"
MODELS_DIR = ROOT / "models"
BUILD_DIR = ROOT / "build"
VAR_DIR = Path(os.environ.get("CAREERBOT_VAR_DIR", ROOT / "var"))
CONFIG_FILE = ROOT / "config.yml"
DOMAIN_FILE = ROOT / "domain.yml"
CREDENTIALS_FILE = ROOT / "credentials.yml"
ENDPOINTS_FILE = ROOT / "endpoints.yml"
WEB_DIR = ROOT / "bot" / "web"
