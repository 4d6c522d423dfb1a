"""Candidate checks (control point 6.1.K1): the record of each check, its decision and conclusion."""
