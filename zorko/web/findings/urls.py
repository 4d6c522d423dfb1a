"""URLs of the findings area: findings, screening launch, judgements, servant findings and graph, KPI."""

from django.urls import path, re_path

from zorko.web.findings import judgements, kpi, servant, views

urlpatterns = [
    path("findings/", views.finding_list, name="finding-list"),
    re_path(r"^findings/export\.(?P<fmt>json|csv|xlsx)$", views.finding_export, name="finding-export"),
    path("findings/<int:finding_id>/", views.finding_detail, name="finding-detail"),
    path("findings/<int:finding_id>/review/", views.finding_review, name="finding-review"),
    path("findings/<int:finding_id>/judge/", judgements.finding_judge, name="finding-judge"),
    path("judgements/<int:judgement_id>/revoke/", judgements.judgement_revoke, name="judgement-revoke"),
    path("screening/start/", views.screening_start, name="screening-start"),
    path("people/<int:servant_id>/findings/", servant.servant_findings, name="servant-findings"),
    path("people/<int:servant_id>/graph.json", servant.servant_graph, name="servant-graph"),
    path("people/<int:servant_id>/graph.ftm.json", servant.servant_graph_ftm, name="servant-graph-ftm"),
    path("kpi/", kpi.kpi_dashboard, name="kpi"),
]
