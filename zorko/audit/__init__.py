"""Append-only audit log of reads, exports and imports of personal data (152-ФЗ)."""
