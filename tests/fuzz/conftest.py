"""Hypothesis profiles: ``ci`` (the default, a few seconds per importer, reproducible) and ``long``.

``make fuzz`` selects ``long`` through ``HYPOTHESIS_PROFILE`` (``FUZZ_EXAMPLES`` sets its
examples per test); a failure
prints the smallest input found, to be kept as a regression test.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                                      HealthCheck.function_scoped_fixture]}
settings.register_profile("ci", max_examples=10, derandomize=True, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("long", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")), **_COMMON)  # type: ignore[arg-type]
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
