"""URLs of the findings area: findings, screening launch, servant findings and graph, KPI."""

from django.urls import path, re_path

from zorko.web import findings_views, judgement_views, kpi_views, servant_findings_views

urlpatterns = [
    path("findings/", findings_views.finding_list, name="finding-list"),
    re_path(r"^findings/export\.(?P<fmt>json|csv|xlsx)$", findings_views.finding_export, name="finding-export"),
    path("findings/<int:finding_id>/", findings_views.finding_detail, name="finding-detail"),
    path("findings/<int:finding_id>/review/", findings_views.finding_review, name="finding-review"),
    path("findings/<int:finding_id>/judge/", judgement_views.finding_judge, name="finding-judge"),
    path("judgements/<int:judgement_id>/revoke/", judgement_views.judgement_revoke, name="judgement-revoke"),
    path("screening/start/", findings_views.screening_start, name="screening-start"),
    path("people/<int:servant_id>/findings/", servant_findings_views.servant_findings,
         name="servant-findings"),
    path("people/<int:servant_id>/graph.json", servant_findings_views.servant_graph, name="servant-graph"),
    path("people/<int:servant_id>/graph.ftm.json", servant_findings_views.servant_graph_ftm,
         name="servant-graph-ftm"),
    path("kpi/", kpi_views.kpi_dashboard, name="kpi"),
]
