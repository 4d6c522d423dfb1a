"""Pages of the reports area: the documents downloaded about a servant."""
