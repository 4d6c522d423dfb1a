"""Backup and restore of a whole installation: case database, registry store, data files.

``zorko backup OUT`` writes one ``.tar.gz`` archive whose first member is a
manifest (Zorko version, applied migrations, sha256 and size of every
member); ``zorko restore IN`` checks the whole archive against it before it
writes anything, then puts everything back and migrates. Details:
``docs/backup.md``.
"""
