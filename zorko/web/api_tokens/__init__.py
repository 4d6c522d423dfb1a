"""The administrators' page of API tokens: create (shown once), list, revoke."""
