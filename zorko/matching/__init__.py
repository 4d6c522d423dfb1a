"""Person matching: Russian name normalisation, blocking, scoring, explanations.

Plain Python over DuckDB: this package imports no Django.
"""
