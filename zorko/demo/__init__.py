"""The demo registry: synthetic ЕГРЮЛ, ЕГРИП and ЕИС contracts built around the demo municipality.

``registry_world.build(data, seed)`` decides the companies, entrepreneurs,
contracts and the planted cases from the demo people;
``registry_demo.load_demo_registry(...)`` writes them as real files, loads
them through the ordinary registry loader and runs a screening.
"""
