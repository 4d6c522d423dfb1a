"""The demo municipality's 223-ФЗ contracts, loss-of-trust register, НПД list and candidate checks.

Run by ``zorko demo`` after the demo registry: writes real files (the same
for the same seed on the same day) to ``ZORKO_DATA_DIR/demo-registry/
{contracts223,loss_of_trust,npd}/``, loads them with the ordinary loader
(files loaded before are skipped), re-checks the people they touch, and
makes candidate checks for the first candidates that have none. Planted:
a candidate listed in the register with his birth date (``high``), a
candidate listed by name only (a clarification request), a self-employed
servant, a self-employed relative paid under a 223-ФЗ contract by the
servant's organisation. Running it again changes nothing.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from zorko.candidates import services
from zorko.candidates.models import CandidateCheck
from zorko.demo.registry_contracts223 import reg_num_223, write_contracts223
from zorko.demo.registry_records import Address, Company, Contract, Entrepreneur
from zorko.people.models import Organisation, Relative, Servant
from zorko.registry import loader

FOLDER = "demo-registry"
CONTRACTS = 240
SUBJECTS = ("Поставка продуктов питания", "Услуги по уборке помещений", "Ремонт кровли", "Поставка мебели",
            "Техническое обслуживание котельной", "Поставка канцелярских товаров", "Вывоз мусора")
REGISTER_PEOPLE = (("Сидоренко", "Павел", "Игоревич"), ("Грошева", "Анна", "Сергеевна"),
                   ("Латыпов", "Рамиль", "Фаритович"), ("Беккер", "Эдуард", "Иванович"),
                   ("Золотарёва", "Инна", "Викторовна"), ("Шамсутдинов", "Ильдар", "Рашитович"))
_ADDRESS = Address("42", "Кемеровская область - Кузбасс", "Г", "Кемерово", "Советская", "5")


def _companies(rng: random.Random, count: int) -> list[Company]:
    """Suppliers from the demo ЕГРЮЛ already in the store (real ИНН/ОГРН of the demo world)."""
    from zorko.registry import store

    with store.reading(settings.CONFIG.registry_path) as con:
        rows = con.execute("SELECT ogrn, inn, coalesce(short_name, full_name) FROM companies "
                           "WHERE terminated_on IS NULL ORDER BY ogrn LIMIT 2000").fetchall() if con else []
    picked = rng.sample(rows, min(count, len(rows)))
    return [Company(ogrn, inn, name, _ADDRESS, date(2015, 1, 1)) for ogrn, inn, name in picked]


def _contracts223(rng: random.Random, today: date, paid: Relative | None) -> list[Contract]:
    orgs = list(Organisation.objects.exclude(inn=None).order_by("inn"))
    suppliers = _companies(rng, 60)
    if not orgs or not suppliers:
        return []
    out = []
    for n in range(CONTRACTS):
        org = orgs[n % len(orgs)]
        sign = today - timedelta(days=rng.randrange(5, 600))
        out.append(Contract(reg_num_223(org.inn or "", sign.year, n + 1), f"МБУ при {org.short_name or org.name}",
                            org.inn or "", org.kpp or f"{(org.inn or '')[:4]}01001", sign,
                            Decimal(rng.randrange(50_000_00, 9_000_000_00)) / 100, rng.choice(SUBJECTS),
                            rng.choice(suppliers)))
    if paid is not None:
        org = paid.servant.organisation
        sign = today - timedelta(days=40)
        person = Entrepreneur("", paid.inn, paid.last_name, paid.first_name, paid.middle_name, True, sign)
        out.append(Contract(reg_num_223(org.inn or "", sign.year, 999_999), f"МБУ при {org.short_name or org.name}",
                            org.inn or "", org.kpp or "", sign, Decimal("96000.00"),
                            "Оказание услуг по проведению занятий", person))
    return out


def _register(folder: Path, listed: list[tuple[Servant, bool]], today: date) -> Path:
    """The register as published (CSV, windows-1251, a title line), with the planted candidates."""
    folder.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    out.write(f"Реестр лиц, уволенных в связи с утратой доверия (выгрузка от {today:%d.%m.%Y})\r\n")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["№ п/п", "Фамилия, имя, отчество", "Дата рождения", "Наименование органа (организации)",
                     "Замещаемая должность", "Дата применения взыскания (увольнения)",
                     "Основание (структурная единица нормативного правового акта)", "Дата включения в реестр",
                     "Дата исключения из реестра"])
    rows: list[tuple[str, str, date]] = [(" ".join(p), "", today - timedelta(days=200 + 97 * i))
                                         for i, p in enumerate(REGISTER_PEOPLE)]
    rows += [(s.full_name, f"{s.birth_date:%d.%m.%Y}" if with_birth and s.birth_date else "",
              today - timedelta(days=400)) for s, with_birth in listed]
    for n, (name, birth, dismissed) in enumerate(rows, start=1):
        excluded = f"{dismissed + timedelta(days=30):%d.%m.%Y}" if n == 3 else ""
        writer.writerow([n, name, birth, "Администрация Беловского муниципального округа", "Главный специалист",
                         f"{dismissed:%d.%m.%Y}", "п. 2 ч. 1 ст. 27.1 Федерального закона от 02.03.2007 № 25-ФЗ",
                         f"{dismissed + timedelta(days=20):%d.%m.%Y}", excluded])
    path = folder / "reestr_utrata_doveriya.csv"
    path.write_bytes(out.getvalue().encode("cp1251"))
    return path


def _npd(folder: Path, payers: list[str], others: list[str], today: date) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["ИНН;Статус НПД;Дата"] + [f"{i};является;{today:%d.%m.%Y}" for i in payers] + \
        [f"{i};не является;{today:%d.%m.%Y}" for i in others]
    path = folder / "npd_statuses.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def load_demo_sources(seed: int = 1, user: Any = None) -> list[str]:
    """Write and load the demo files, re-check who they touch, make the first candidate checks."""
    from zorko.findings.service import changed_load_ids, on_registry_loaded

    rng = random.Random(f"candidates-demo-{seed}")
    today = timezone.localdate()
    candidates = list(Servant.objects.filter(status=Servant.Status.CANDIDATE).order_by("personnel_number"))
    servants = list(Servant.objects.filter(status=Servant.Status.SERVANT).exclude(inn="")
                    .order_by("personnel_number")[:40])
    paid = (Relative.objects.filter(servant__status=Servant.Status.SERVANT).exclude(inn="")
            .select_related("servant__organisation").order_by("servant__personnel_number", "pk").first())
    folder = settings.CONFIG.data_dir / FOLDER
    for name in ("contracts223", "loss_of_trust", "npd"):
        shutil.rmtree(folder / name, ignore_errors=True)
    files = {
        "contracts223": write_contracts223(folder / "contracts223", _contracts223(rng, today, paid), per_file=100,
                                           region="Kemerovskaya_obl_demo"),
        "loss_of_trust": [_register(folder / "loss_of_trust", [(c, i == 0) for i, c in enumerate(candidates[:2])],
                                    today)],
        "npd": [_npd(folder / "npd", [s.inn for s in servants[:1]] + ([paid.inn] if paid else []),
                     [s.inn for s in servants[1:6]], today)],
    }
    lines, changed = [], []
    for source, paths in files.items():
        if not paths:
            continue
        result = loader.load(source, paths, db_path=settings.CONFIG.registry_path)
        changed += changed_load_ids(result)
        lines.append(f"Реестр: {result.message}")
    if changed:
        on_registry_loaded(changed, user)
    made = 0
    for n, person in enumerate(candidates[:3]):
        if person.candidate_checks.exists():
            continue
        check = services.run_check(person, user)
        decision = ("obstacles", "clarify", "recommended")[n]
        services.decide(check, decision, user, "Демонстрационное решение" if decision != "clarify" else
                        "Запросить у кандидата сведения о прежнем месте службы")
        made += 1
    waiting = sum(1 for w in services.waiting_list() if w.state == "ожидает проверки")
    lines.append(f"Проверки кандидатов: новых {made}, всего {CandidateCheck.objects.count()}, "
                 f"ожидают проверки {waiting}")
    return lines
