"""Pages of the registry area: status and loads (a background job), search, company and entrepreneur cards."""
