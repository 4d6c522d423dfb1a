"""The registry records the planted declaration cases need: suppliers with contracts, a founder's company.

Written in the real formats (ЕГРЮЛ XML, ЕИС contracts) by the registry's
synthetic writers and loaded with the ordinary loader, so the analysis reads
them the way it reads real extracts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from zorko import identifiers
from zorko.demo.registry_records import (
    Address,
    Company,
    Contract,
    Holder,
    write_contracts,
    write_egrul,
)
from zorko.registry import loader

# Identifiers of the planted companies: region 42, a block («97») the demo registry does not use.
_OGRN_HEAD, _INN_HEAD = "1174297", "4297"
NAMES = ("ЗАРЯ", "КРИСТАЛЛ", "ГОРИЗОНТ", "СТРОЙРЕСУРС", "ВЕКТОР", "ПРОМСНАБ", "АЛЬЯНС", "ЛИДЕР", "ТЕХНОПАРК",
         "СИБТОРГ", "КУЗБАССКОМПЛЕКТ", "МЕРИДИАН")


@dataclass(slots=True)
class PlantRegistry:
    companies: list[Company] = field(default_factory=list)
    contracts: list[Contract] = field(default_factory=list)

    def company(self, founders: list[Holder] | None = None, directors: list[Holder] | None = None,
                region: tuple[str, str] = ("42", "Кемеровская область - Кузбасс")) -> Company:
        n = len(self.companies) + 1
        ogrn = identifiers.make_ogrn(f"{_OGRN_HEAD}{n:05d}")
        inn = identifiers.make_inn(f"{_INN_HEAD}{n:05d}", person=False)
        name = f"{NAMES[n % len(NAMES)]}-{n}"
        address = Address(region[0], region[1], "Г", "Кемерово" if region[0] == "42" else "Москва", "Весенняя", str(n))
        company = Company(ogrn, inn, name, address, date(2015, 3, 1), directors=directors or [],
                          founders=founders or [])
        self.companies.append(company)
        return company

    def supply(self, company: Company, customer_inn: str, customer_name: str, year: int) -> None:
        n = len(self.contracts) + 1
        self.contracts.append(Contract(f"34297{year}{n:010d}", customer_name, customer_inn,
                                       f"{customer_inn[:4]}01001", date(year, 6, 1), Decimal("780000.00"),
                                       "Поставка строительных материалов", company))

    def load(self, folder: Path, extract: date, db_path: Path | None = None) -> int:
        """Write and load the files; returns how many records were new or changed."""
        changed = 0
        if self.companies:
            paths = write_egrul(folder / "egrul", self.companies, extract)
            totals = loader.load("egrul", paths, db_path=db_path).totals
            changed += totals.added + totals.changed
        if self.contracts:
            paths = write_contracts(folder / "contracts", self.contracts)
            totals = loader.load("contracts", paths, db_path=db_path).totals
            changed += totals.added + totals.changed
        return changed
