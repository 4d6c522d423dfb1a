"""The demo municipality's declaration campaign for the last reporting year, with planted cases.

Runs after the people (and registry) demo: takes the servants who must
file, writes their families' справки for the year and the three before as
``.xsb`` files under ``ZORKO_DATA_DIR/demo-declarations/``, loads the
registry records of the planted cases, imports the files through the
ordinary intake and analyses the year. Deterministic per seed; running it
again changes nothing.
"""

from __future__ import annotations

import random
import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings

from zorko.declarations.analysis import AnalysisResult, analyse
from zorko.declarations.campaign import last_reporting_year, obliged
from zorko.declarations.dossier import CHILD_KINSHIPS, SPOUSE_KINSHIPS
from zorko.declarations.intake import ImportSummary, import_paths
from zorko.declarations.records import Person
from zorko.declarations.xsb_writer import write
from zorko.demo import declarations_synthetic as synthetic
from zorko.people.models import Relative, Servant

FOLDER = "demo-declarations"
CATEGORY_SERVANTS = 3  # servants outside the перечень given a category that obliges them to file


@dataclass(slots=True)
class DemoDeclarations:
    year: int
    imported: ImportSummary
    campaign: synthetic.Campaign
    analysis: AnalysisResult
    planted: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        c = self.campaign
        return [f"Справки за {self.year} год (и три года до): {self.imported}",
                f"Кампания: с опозданием {len(c.late)}, не представили {len(c.missing)}, уточнённых "
                f"{len(c.corrected)}; заложено случаев для анализа: {len(c.planted)}",
                *self.analysis.lines()]


def _person(p: Servant | Relative) -> Person:
    return Person(p.last_name, p.first_name, p.middle_name, p.birth_date, getattr(p, "snils", ""))


def _categories(seed: int) -> None:
    """A few servants outside the перечень head an institution or hold a municipal office."""
    if Servant.objects.exclude(category="").exists():
        return
    candidates = list(Servant.objects.filter(status=Servant.Status.SERVANT, position__declaration_required=False)
                      .order_by("personnel_number").values_list("pk", flat=True))
    chosen = random.Random(f"declaration-categories-{seed}").sample(candidates, min(CATEGORY_SERVANTS, len(candidates)))
    for n, pk in enumerate(chosen):
        Servant.objects.filter(pk=pk).update(category=Servant.Category.MUNICIPAL_OFFICE if n == 0
                                             else Servant.Category.INSTITUTION_HEAD)


def families(year: int) -> list[synthetic.Family]:
    servants = list(obliged(year).order_by("personnel_number"))
    kin: dict[int, list[Relative]] = {}
    for r in Relative.objects.filter(servant__in=servants, kinship__in=SPOUSE_KINSHIPS | CHILD_KINSHIPS).order_by(
            "birth_date", "pk"):
        kin.setdefault(r.servant_id, []).append(r)
    out = []
    for s in servants:
        rels = kin.get(s.pk, [])
        spouse = next((r for r in rels if r.kinship in SPOUSE_KINSHIPS), None)
        children = [_person(r) for r in rels if r.kinship in CHILD_KINSHIPS and r.birth_date
                    and r.birth_date.year > year - 18]
        out.append(synthetic.Family(s.personnel_number, _person(s), s.inn, s.organisation.inn or "",
                                    s.organisation.name, _person(spouse) if spouse else None, children))
    return out


def write_files(campaign: synthetic.Campaign, folder: Path) -> list[Path]:
    if folder.exists():
        shutil.rmtree(folder)
    return [write(folder / str(year) / f"{no}.xsb", decls) for (no, year), decls in sorted(campaign.files.items())]


def build_demo_declarations(seed: int = 1, *, today: date | None = None, registry: bool = True,
                            user: Any = None) -> DemoDeclarations:
    today = today or date.today()
    year = last_reporting_year(today)
    _categories(seed)
    campaign = synthetic.generate(families(year), seed, year, today)
    root = settings.CONFIG.data_dir / FOLDER
    paths = write_files(campaign, root / "справки")
    if registry:
        campaign.registry.load(root / "реестр", today, settings.CONFIG.registry_path)
    imported = import_paths(paths, user=user, names=[f"{p.parent.name}/{p.name}" for p in paths])
    result = analyse(year, user=user, registry_path=settings.CONFIG.registry_path)
    return DemoDeclarations(year, imported, campaign, result, Counter(rule for rule, _ in campaign.planted))



