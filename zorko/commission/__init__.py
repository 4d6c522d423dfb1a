"""The commission on conduct and conflicts of interest: members, cases, meetings, decisions, measures.

Django models and services only; the pages live in ``zorko.web.commission``.
"""
