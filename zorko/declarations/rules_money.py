"""Checks of the money in the справки: the 230-ФЗ expense control and the year-over-year changes.

Each check is a pure function of a ``Dossier`` returning ``Draft`` findings.
"""

from __future__ import annotations

from decimal import Decimal

from zorko.declarations.dossier import DeclView, Dossier, ItemView
from zorko.declarations.findings import Draft
from zorko.declarations.records import MEMBER_NAMES, Member, Section
from zorko.declarations.rule_names import Policy
from zorko.matching.normalize import normalize_name
from zorko.reports.person_report import fmt_money

# Words of a basis or an income kind that explain property without a purchase.
FREE_TITLE = ("наслед", "дарени", "приватиз", "безвозмезд", "мены", "обмен")
VEHICLE_WORDS = ("транспорт", "автомоб", "мотоцикл", "прицеп", "катер", "лодк")


def _money(value: Decimal) -> str:
    return fmt_money(value)


def _deal_line(d: DeclView, i: ItemView) -> dict[str, str]:
    return {"справка": f"{MEMBER_NAMES[Member(d.member)]}: {d.full_name}", "сделка": i.kind or i.name,
            "сумма сделки": _money(i.amount or Decimal(0)), "источник средств": i.basis}


def expense_over_income(dossier: Dossier, year: int, policy: Policy) -> list[Draft]:
    """Deals of the family in the year above the servant's and spouse's income of the three years before
    (230-ФЗ ст. 3): their total must be explained under expense control."""
    deals = [(d, i) for d in dossier.of_year(year) for i in d.of(Section.EXPENSE) if i.amount]
    total = sum((i.amount or Decimal(0) for _, i in deals), Decimal(0))
    if not deals:
        return []
    years = [year - 3, year - 2, year - 1]
    incomes = {y: dossier.family_income(y) for y in years}
    income = sum((v for v in incomes.values() if v is not None), Decimal(0))
    if total <= income:
        return []
    missing = [y for y, v in incomes.items() if v is None]
    note = f" Справок за {', '.join(map(str, missing))} год(ы) нет: доход за них не учтён." if missing else ""
    explanation = (f"В {year} году совершены сделки на {_money(total)}, а общий доход служащего и супруга(и) "
                   f"за {years[0]}–{years[-1]} годы — {_money(income)}: расходы подлежат контролю по 230-ФЗ."
                   + note)
    matches = [_deal_line(d, i) for d, i in deals]
    matches.append({"доход за три года": _money(income), **{f"доход за {y}": _money(v) if v is not None
                                                             else "справки нет" for y, v in incomes.items()}})
    return [Draft("decl_expense_over_income", "medium" if missing else "high",
                  min(1.0, float(total / max(income, Decimal(1))) / 2), dossier.servant_id, year, "deals",
                  explanation, {"deals_total": str(total), "income_three_years": str(income),
                                "income_by_year": {str(y): (str(v) if v is not None else None)
                                                   for y, v in incomes.items()},
                                "declarations": sorted({d.pk for d, _ in deals}), "matches": matches},
                  subject_name=f"Сделки {year} года на {_money(total)}")]


def _object_key(i: ItemView) -> str:
    if i.section == Section.REAL_ESTATE.value:
        return f"{normalize_name(i.kind)}|{(i.area or Decimal(0)).quantize(Decimal('0.1'))}|{normalize_name(i.country)}"
    return normalize_name(i.name or i.kind)


def _vehicle_deal(e: ItemView) -> bool:
    text = f"{e.kind} {e.name}".lower()
    return any(w in text for w in VEHICLE_WORDS)


def _explained(item: ItemView, decls: list[DeclView], section: Section) -> bool:
    """A purchase of the same class (vehicle or real estate) this year, or a free title, explains it."""
    if any(w in item.basis.lower() for w in FREE_TITLE):
        return True
    for d in decls:
        if any(w in i.kind.lower() for i in d.of(Section.INCOME) for w in FREE_TITLE):
            return True
        if any((section == Section.VEHICLE) == _vehicle_deal(e) for e in d.of(Section.EXPENSE)):
            return True
    return False


def property_unexplained(dossier: Dossier, year: int, policy: Policy) -> list[Draft]:
    """Real estate or a vehicle in this year's справка, absent from last year's, with no purchase in the
    expenses and no inheritance, gift or privatisation as its basis."""
    out = []
    now, before = dossier.of_year(year), dossier.of_year(year - 1)
    earlier = {d.name_key: d for d in before}
    for d in now:
        last = earlier.get(d.name_key)
        if last is None:
            continue  # nothing to compare with: the first справка of this person
        for section in (Section.REAL_ESTATE, Section.VEHICLE):
            had = {_object_key(i) for i in last.of(section)}
            for item in d.of(section):
                key = _object_key(item)
                if key in had or _explained(item, now, section):
                    continue
                what = item.kind if section == Section.REAL_ESTATE else f"{item.kind} {item.name}".strip()
                area = f", {item.area:.1f} кв. м".replace(".", ",", 1) if item.area else ""
                out.append(Draft(
                    "decl_property_unexplained", "high", 0.8, dossier.servant_id, year, f"{d.name_key}|{key}",
                    f"В справке за {year} год ({MEMBER_NAMES[Member(d.member)]}: {d.full_name}) появилось имущество "
                    f"«{what}{area}», которого не было в справке за {year - 1} год; в расходах нет сделки по нему, "
                    "а основание приобретения не объясняет его (наследство, дарение, приватизация).",
                    {"declarations": [last.pk, d.pk], "matches": [{
                        "раздел": "недвижимое имущество" if section == Section.REAL_ESTATE else "транспортные средства",
                        "имущество": what, "площадь, кв. м": str(item.area or ""), "основание": item.basis,
                        "чьё": f"{MEMBER_NAMES[Member(d.member)]}: {d.full_name}"}]},
                    subject_name=what))
    return out


def _accounts(decls: list[DeclView]) -> Decimal:
    return sum((d.total(Section.ACCOUNT) for d in decls), Decimal(0))


def _grew(before: Decimal, after: Decimal, policy: Policy) -> bool:
    return after - before > policy.min_change and after - before > before * policy.share


def accounts_growth(dossier: Dossier, year: int, policy: Policy) -> list[Draft]:
    """The family's account balances grew by more than the policy's share and by more than its whole
    income of the year: the money came from somewhere the справка does not show."""
    if dossier.declarant(year - 1) is None:
        return []
    before, after = _accounts(dossier.of_year(year - 1)), _accounts(dossier.of_year(year))
    income = sum((d.total(Section.INCOME) for d in dossier.of_year(year)), Decimal(0))
    if not _grew(before, after, policy) or after - before <= income:
        return []
    return [Draft("decl_accounts_growth", "medium", 0.6, dossier.servant_id, year, "accounts",
                  f"Остатки на счетах семьи выросли с {_money(before)} до {_money(after)} "
                  f"(на {_money(after - before)}), больше всего дохода семьи за {year} год ({_money(income)}).",
                  {"accounts_before": str(before), "accounts_after": str(after), "income": str(income),
                   "matches": [{"остатки на счетах за " + str(year - 1): _money(before),
                                "остатки на счетах за " + str(year): _money(after),
                                "доход семьи за " + str(year): _money(income)}]},
                  subject_name=f"Счета: +{_money(after - before)}")]


def income_jump(dossier: Dossier, year: int, policy: Policy) -> list[Draft]:
    """The servant's and spouse's income changed by more than the policy's share while the accounts and
    the expenses moved by less than that share of the change: it left no trace in the other sections."""
    before, after = dossier.family_income(year - 1), dossier.family_income(year)
    if before is None or after is None or abs(after - before) <= policy.min_change:
        return []
    if abs(after - before) <= before * policy.share:
        return []
    now, last = dossier.of_year(year), dossier.of_year(year - 1)
    # Where a change of income would show: the savings moved, or the money was spent on deals.
    trace = abs(_accounts(now) - _accounts(last)) + sum((d.total(Section.EXPENSE) for d in now), Decimal(0))
    if trace > abs(after - before) * policy.share:
        return []
    direction = "вырос" if after > before else "снизился"
    return [Draft("decl_income_jump", "medium", 0.5, dossier.servant_id, year, "income",
                  f"Доход служащего и супруга(и) {direction} с {_money(before)} за {year - 1} год до "
                  f"{_money(after)} за {year} год, а остатки на счетах и расходы почти не изменились.",
                  {"income_before": str(before), "income_after": str(after),
                   "matches": [{f"доход за {year - 1}": _money(before), f"доход за {year}": _money(after)}]},
                  subject_name=f"Доход: {_money(before)} → {_money(after)}")]
