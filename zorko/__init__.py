"""Zorko: anti-corruption control for municipal administrations."""

__version__ = "0.1.0"
