"""A persistent job queue in the case database.

Long jobs (registry loads, full screenings, imports) are rows in ``Job``;
worker threads started by ``zorko serve`` (or ``zorko worker``) claim them.
Jobs left running by a stopped server are re-queued at the next start, so a
load survives a restart.
"""
