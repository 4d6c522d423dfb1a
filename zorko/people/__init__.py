"""Servants, candidates, their relatives, organisations and positions."""
