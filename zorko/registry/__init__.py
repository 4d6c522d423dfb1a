"""Registry store (DuckDB) and one importer per public registry.

``store`` opens the DuckDB file and creates its schema, ``importers``
turn source files into records (pure generators), ``adapters`` say how a
source's records are stored, and ``loader`` runs a load of files in one
transaction. Nothing here imports Django.
"""
