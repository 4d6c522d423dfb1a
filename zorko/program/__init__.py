"""Running the anti-corruption program: training (KPI 1), control points, «Мониторинг-К», batch reports."""
