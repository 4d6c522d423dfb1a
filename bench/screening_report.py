"""Figures of bench/screening.py: review load, recall in the queue and in clarification requests, targets.

The review queue is what an inspector has to decide: the active findings of `zorko findings export`.
A planted case is *in the queue* when a finding of its rule names its servant and its subject
(ОГРН/ОГРНИП). It is *covered by a request* when a clarification request for its servant (and, for
a relative's case, that relative) lists the planted registry person among its candidates — by one of
the candidate's companies or by his ИНН.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from screening_world import World

# Issue 9 point 6, at 1,000,000 companies.
QUEUE_PER_PLANTED = 2.0
RECALL_WITH_REQUESTS = {"own_entrepreneur": 0.95, "own_director": 0.95, "own_founder": 0.95,
                        "relative_supplier": 0.95, "hidden_relative": 0.95, "shared_address": 0.95,
                        "relative_business": 0.4, "inn_conflict": 1.0}
HIGH_PRECISION = 0.95
REQUESTS_PER_100 = 5.0
CHECK_SECONDS = 30.0
SEVERITIES = ("high", "medium", "low")
Triple = tuple[str, str, str]


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().replace("ё", "е").split())


def covered_by_requests(world: World, requests: list[dict[str, Any]]) -> set[Triple]:
    by_servant: dict[str, list[tuple[str, set[str], set[str]]]] = defaultdict(list)
    for r in requests:
        relative = _norm((r.get("relative") or {}).get("full_name"))
        ogrns = {s.get("ogrn") for c in r.get("candidates", []) for s in c.get("subjects", [])}
        inns = {c.get("inn") for c in r.get("candidates", []) if c.get("inn")}
        by_servant[r["servant"]["personnel_number"]].append((relative, ogrns, inns))  # type: ignore[arg-type]
    covered = set()
    for triple in world.truth:
        case = world.cases.get(triple)
        for relative, ogrns, inns in by_servant.get(triple[1], []):
            same_person = not relative or case is None or not case.relative or relative == _norm(case.relative)
            if same_person and (triple[2] in ogrns or (case is not None and case.person_inn in inns)):
                covered.add(triple)
    return covered


def report(world: World, findings: list[dict[str, Any]], requests: list[dict[str, Any]] | None,
           checks: tuple[float, float], writes: dict[str, int], companies: int) -> dict[str, Any]:
    """Print the figures of one registry size; return the summary row."""
    queue: dict[Triple, str] = {(f["rule"], f["servant"]["personnel_number"], f["subject"]["ogrn"]): f["severity"]
                                for f in findings}
    requests = requests or []
    in_requests = covered_by_requests(world, requests)
    planted = len(world.truth)
    relatives = sum(len(s.relatives) for s in world.servants)
    print(f"\nReview queue (active findings): {len(queue)} for {planted} planted cases — "
          f"{len(queue) / planted:.1f} per planted case (target ≤ {QUEUE_PER_PLANTED:g} at 1M)")
    print(f"  {'rule':18}{'high':>7}{'medium':>7}{'low':>7}{'planted':>9}{'other':>7}")
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for key, severity in queue.items():
        by_rule[key[0]][severity] += 1
        by_rule[key[0]]["planted" if key in world.truth else "other"] += 1
    for rule in sorted(by_rule):
        c = by_rule[rule]
        print(f"  {rule:18}" + "".join(f"{c[s]:>7}" for s in SEVERITIES) + f"{c['planted']:>9}{c['other']:>7}")
    kinds = Counter(r.get("kind", "?") for r in requests)
    per100 = 100 * len(requests) / relatives if relatives else 0.0
    print(f"Clarification requests: {len(requests)} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items())) or '—'}"
          f"), {per100:.1f} per 100 relatives (target ≤ {REQUESTS_PER_100:g})")

    print("\nRecall per rule and kind of case: in the queue / in the queue or a request (of them high)")
    groups: dict[tuple[str, str], list[Triple]] = defaultdict(list)
    for t in world.truth:
        case = world.cases.get(t)
        groups[(t[0], "all")].append(t)
        if case is not None and case.category not in (t[0], "ordinary"):
            groups[(t[0], case.category)].append(t)
    recall: dict[str, float] = {}
    for (rule, kind), cases in sorted(groups.items()):
        q = [t for t in cases if t in queue]
        qr = [t for t in cases if t in queue or t in in_requests]
        high = sum(1 for t in q if queue[t] == "high")
        names = [world.cases[t].namesakes for t in cases if t in world.cases and world.cases[t].name]
        extra = f"; namesakes median {sorted(names)[len(names) // 2]}, max {max(names)}" if names else ""
        if kind == "all":
            recall[rule] = len(qr) / len(cases)
        target = RECALL_WITH_REQUESTS.get(rule) if kind == "all" else None
        print(f"  {rule:18} {kind:15} {len(q) / len(cases):5.2f} / {len(qr) / len(cases):5.2f}  "
              f"({len(q)} / {len(qr)} of {len(cases)}, high {high}{extra})"
              + (f"  target ≥ {target:g}" if target is not None else ""))
    unique = [t for t in world.truth if t[0] == "relative_business" and t in world.cases
              and world.cases[t].category == "unique_no_inn" and world.cases[t].namesakes_region == 0]
    unique_found = sum(1 for t in unique if t in queue)
    print(f"  relative_business of a relative whose ФИО is unique in the region: {unique_found} of {len(unique)} "
          "in the queue (target: all)")

    decoy_hits: dict[str, Counter[str]] = defaultdict(Counter)
    for (_rule, _pn, ogrn), severity in queue.items():
        if ogrn in world.decoy_subjects:
            decoy_hits[world.decoy_subjects[ogrn]][severity] += 1
    print("\nDecoys (findings on decoy subjects, by severity; none should be high):")
    for kind, n in sorted(world.decoys.items()):
        hits = decoy_hits.get(kind, Counter())
        print(f"  {kind:24} planted {n:3}: " + ", ".join(f"{s}={hits[s]}" for s in SEVERITIES))
    highs = [k for k, s in queue.items() if s == "high"]
    right = sum(1 for k in highs if k in world.truth)
    precision = right / len(highs) if highs else 1.0
    print(f"\nPrecision among high: {precision:.3f} ({right}/{len(highs)}; target ≥ {HIGH_PRECISION})")
    wrong = [k for k in highs if k not in world.truth][:10]
    if wrong:
        print("  high findings that were not planted (first 10): " + "; ".join(map(str, wrong)))
    first, second = checks
    written = sum(writes.values())
    print(f"check --all: {first:.1f} s; again with nothing changed: {second:.1f} s, rows written to findings, "
          f"decisions, requests, judgements and namesakes: {written} (target: 0; ≤ {CHECK_SECONDS:g} s at 1M); "
          f"{len(world.servants)} servants, {relatives} relatives, {companies} companies")
    summary = {"companies": companies, "planted": planted, "queue": len(queue), "requests": len(requests),
               "per100": per100, "precision": precision, "check": first, "recheck": second, "written": written,
               "recall": recall, "unique": (unique_found, len(unique))}
    missed = missed_targets(summary)
    print("ALL TARGETS MET" if not missed else "TARGETS MISSED: " + "; ".join(missed))
    return summary


def missed_targets(s: dict[str, Any]) -> list[str]:
    missed = []
    if s["queue"] > QUEUE_PER_PLANTED * s["planted"]:
        missed.append(f"queue {s['queue']} > {QUEUE_PER_PLANTED:g} × {s['planted']}")
    missed += [f"recall {rule} {s['recall'].get(rule, 0):.2f} < {t:g}" for rule, t in RECALL_WITH_REQUESTS.items()
               if s["recall"].get(rule, 0) < t]
    if s["unique"][0] < s["unique"][1]:
        missed.append(f"unique-ФИО relative_business {s['unique'][0]}/{s['unique'][1]}")
    if s["precision"] < HIGH_PRECISION:
        missed.append(f"high precision {s['precision']:.3f}")
    if s["per100"] > REQUESTS_PER_100:
        missed.append(f"{s['per100']:.1f} requests per 100 relatives")
    if s["check"] > CHECK_SECONDS and s["companies"] >= 1_000_000:
        missed.append(f"check {s['check']:.0f} s")
    if s["written"]:
        missed.append(f"re-check wrote {s['written']} rows")
    return missed


def print_summary(rows: list[dict[str, Any]]) -> None:
    rules = sorted({r for row in rows for r in row["recall"]})
    print("\n=== Summary ===")
    print(f"{'companies':>10}{'planted':>8}{'queue':>7}{'q/pl':>6}{'req':>6}{'req/100':>8}{'P high':>8}"
          f"{'check':>7}{'again':>7}{'written':>8}  recall (queue + requests)")
    for r in rows:
        print(f"{r['companies']:>10}{r['planted']:>8}{r['queue']:>7}{r['queue'] / r['planted']:>6.1f}"
              f"{r['requests']:>6}{r['per100']:>8.1f}{r['precision']:>8.3f}{r['check']:>7.1f}{r['recheck']:>7.1f}"
              f"{r['written']:>8}  " + ", ".join(f"{rule} {r['recall'].get(rule, 0):.2f}" for rule in rules))
