from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "zorko.tasks"
    label = "tasks"
    verbose_name = "Фоновые задачи"
