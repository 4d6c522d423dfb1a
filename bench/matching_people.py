"""Per-person figures of the matching benchmark (bench/matching.py, bench/matching_ceiling.py).

The unit is a checked person, not a (person, registry row) pair: an inspector decides
about people. For a checked person q let T(q) be the set of registry persons (pid) that
are truly him — one person, or none when he is absent from the registry — and L(q) the
set of registry persons the matcher links to him (the pids of the rows it links, or the
persons the oracle picks).

- q is a *predicted positive* when L(q) is not empty, an *actual positive* when T(q) is not.
- q is a *true positive* when L(q) = T(q) ≠ ∅: the right person and nobody else (a linked
  namesake, even next to the right person, is an error the inspector has to undo).
- precision = TP / predicted positives, recall = TP / actual positives, F1 their harmonic
  mean; «found» = share of actual positives with T(q) ⊆ L(q) (the right person among the
  linked ones, namesakes allowed), «extra» = predicted positives linking someone not theirs.

Rows of one registry person that are left out (a second company without ИНН) do not make
a person wrong here; the per-row figures measure those.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

PersonSets = Mapping[str, frozenset[int]]


def person_figures(keys: Iterable[str], truth: PersonSets, linked: PersonSets,
                   groups: Callable[[str], list[str]]) -> dict[str, dict[str, float | int]]:
    """Precision / recall / F1 per checked person, overall and per group of ``groups(key)``."""
    counts: dict[str, Counter[str]] = {}
    empty: frozenset[int] = frozenset()
    for key in keys:
        true, got = truth.get(key, empty), linked.get(key, empty)
        kinds = []
        if got and got == true:
            kinds.append("tp")
        else:
            if got:
                kinds.append("fp")
            if true:
                kinds.append("fn")
        if true and true <= got:
            kinds.append("found")
        if true:
            kinds.append("positives")
        if got - true:
            kinds.append("extra")
        for group in groups(key):
            c = counts.setdefault(group, Counter())
            c.update(kinds)
    return {group: figures(c) for group, c in counts.items()}


def figures(c: Mapping[str, int]) -> dict[str, float | int]:
    tp, fp, fn = c.get("tp", 0), c.get("fp", 0), c.get("fn", 0)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    positives = c.get("positives", 0)
    found = c.get("found", 0) / positives if positives else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp,
            "fn": fn, "found": round(found, 4), "extra": c.get("extra", 0)}


def print_person_table(quality: Mapping[str, Mapping[str, float | int]], order: Iterable[str]) -> None:
    print(f"per person: {'group':<16}{'precision':>10}{'recall':>8}{'F1':>8}{'tp':>7}{'fp':>6}{'fn':>6}"
          f"{'found':>8}{'extra':>7}")
    for group in order:
        if group in quality:
            q = quality[group]
            print(f"            {group:<16}{q['precision']:>10.4f}{q['recall']:>8.4f}{q['f1']:>8.4f}"
                  f"{q['tp']:>7}{q['fp']:>6}{q['fn']:>6}{q['found']:>8.4f}{q['extra']:>7}")
