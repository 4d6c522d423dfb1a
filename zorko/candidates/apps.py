from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "zorko.candidates"
    label = "candidates"
    verbose_name = "Проверка кандидатов"
