"""The knowledge files: loading, validating, the catalog of career names, the importer, the glossary."""
