"""Screening runs and their findings, with review decisions (case data)."""
