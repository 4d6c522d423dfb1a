"""Pages of the findings area: list, finding page and review, judgements, a servant's findings and graph, KPI."""
