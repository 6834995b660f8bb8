"""spaCy pipeline for NLU, built locally (no model download)."""
