"""Server-rendered Russian web UI. Imports the core; the core never imports it."""
