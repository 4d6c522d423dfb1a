from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "zorko.people"
    label = "people"
    verbose_name = "Служащие и родственники"
