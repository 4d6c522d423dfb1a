"""Web pages of the people area: lists, the servant card, create and edit forms."""
