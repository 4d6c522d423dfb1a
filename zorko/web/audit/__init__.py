"""Pages of the audit area: the log for administrators and its export."""
