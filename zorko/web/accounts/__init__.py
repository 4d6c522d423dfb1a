"""Pages of the accounts area: login, logout, the administrators' users page."""
