"""The link graph and the rules that turn links into findings (no Django)."""
