"""Registry store (DuckDB) and one importer module per public registry."""
