from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "zorko.web"
    label = "web"
    verbose_name = "Веб-интерфейс"
