from django.apps import AppConfig

# Russian names of the program's audit actions, for the audit page.
AUDIT_ACTIONS = {
    "program.course.save": "сохранение курса обучения",
    "program.participant.save": "сохранение участника обучения",
    "program.participant.remove": "исключение участника обучения",
    "program.plan.add": "включение в план обучения",
    "program.plan.remove": "исключение из плана обучения",
    "program.event.save": "запись мероприятия",
    "program.talk.save": "запись профилактической беседы",
    "program.point.mark": "отметка о контрольной точке",
    "program.points.save": "изменение контрольных точек программы",
    "program.monitoring.fill": "заполнение «Мониторинг-К»",
    "program.monitoring.submit": "представление «Мониторинг-К»",
    "program.monitoring.template": "изменение шаблона «Мониторинг-К»",
}


class ProgramConfig(AppConfig):
    name = "zorko.program"
    label = "program"
    verbose_name = "Программа противодействия коррупции"

    def ready(self) -> None:
        from zorko.audit.log import ACTIONS

        ACTIONS.update(AUDIT_ACTIONS)
