"""One importer per source: each streams records from files and knows no store."""
