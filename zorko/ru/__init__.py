"""Russian for everything a user reads: words for codes (:mod:`.labels`) and formats (:mod:`.formats`)."""
