"""Journals the law requires: notices of other paid work, of personal interest, of inducement to
corruption, of gifts, employers' messages about former servants, and applications to the commission.

Django models and services only; the pages live in ``zorko.web.journals``.
"""
