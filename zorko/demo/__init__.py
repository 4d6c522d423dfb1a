"""The demo municipality and every generator of synthetic data, one module (or a few) per area.

``zorko demo`` runs them in order: the people (``people_build.build_demo``
over ``people.generate``), the registry (``registry_demo.load_demo_registry``:
``registry_world.build`` decides the companies, entrepreneurs, contracts and
planted cases, ``registry_records`` writes them as real files), the
candidates' sources, the declaration campaign, the journals, the program,
the API tokens and a year of monthly screenings. Deterministic per seed and
idempotent. The benchmarks and tests use the same writers
(``registry_records``, ``registry_contracts223``, ``registry_random``,
``declarations_synthetic``). See ``docs/architecture.md``.
"""
