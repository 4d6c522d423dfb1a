"""Russian wording of the campaign for the CLI and the home page."""

from __future__ import annotations

from zorko.declarations.campaign import Campaign, Counts
from zorko.reports.person_report import fmt_date


def counts_line(title: str, c: Counts) -> str:
    percent = "" if c.on_time_percent is None else f" ({c.on_time_percent:g} %)".replace(".", ",")
    return (f"{title}: обязаны {c.must}, в срок {c.on_time}{percent}, с опозданием {c.late}, "
            f"не представили {c.not_filed}, уточнённых в срок {c.corrected_in_time}, "
            f"позже срока {c.corrected_late}")


def campaign_lines(campaign: Campaign) -> list[str]:
    out = [f"Справки за {campaign.year} год: срок — {fmt_date(campaign.deadline)}, уточнённые — до "
           f"{fmt_date(campaign.correction_deadline)}",
           counts_line("Всего", campaign.total)]
    out.extend(counts_line(f"  {org}", c) for org, c in sorted(campaign.by_organisation.items()))
    missing = [r for r in campaign.rows if r.filed_on is None]
    if missing:
        out.append("Не представили:")
        out.extend(f"  {r.servant.full_name}, таб. № {r.servant.personnel_number}, {r.servant.organisation}"
                   for r in missing)
    return out
