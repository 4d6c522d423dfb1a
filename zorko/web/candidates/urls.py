"""URLs of the candidate checks."""

from django.urls import path, re_path

from zorko.web.candidates import views

urlpatterns = [
    path("candidate-checks/", views.waiting, name="candidate-checks"),
    path("candidate-checks/log.xlsx", views.log_export, name="candidate-checks-log"),
    path("candidate-checks/person/<int:person_id>/", views.person_checks, name="candidate-person-checks"),
    path("candidate-checks/person/<int:person_id>/run/", views.run, name="candidate-check-run"),
    path("candidate-checks/<int:check_id>/", views.detail, name="candidate-check"),
    path("candidate-checks/<int:check_id>/decide/", views.decide, name="candidate-check-decide"),
    path("candidate-checks/<int:check_id>/hire/", views.hire, name="candidate-check-hire"),
    re_path(r"^candidate-checks/(?P<check_id>\d+)/conclusion\.(?P<fmt>pdf|docx)$", views.conclusion_file,
            name="candidate-check-conclusion"),
]
