"""Clarification requests as users see them: lists, the registry persons they ask about, exports.

The requests themselves (model, steps, the answer) belong to ``zorko.findings``;
this package reads them for the pages, the letter and the export.
"""
