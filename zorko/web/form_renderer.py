"""Django's form renderer, with Bootstrap's classes on every field and label.

Forms stay plain Django forms: the classes are added here, once, instead of
in each form's widgets or each template.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import DjangoTemplates

# widget template → Bootstrap class; inputs not listed (hidden, checkbox, radio, file…) by type below
_BY_TEMPLATE = {
    "django/forms/widgets/select.html": "form-select",
    "django/forms/widgets/textarea.html": "form-control",
    "django/forms/widgets/checkbox.html": "form-check-input",
}
_CONTROL_INPUTS = frozenset({"text", "number", "email", "password", "url", "tel", "search", "date",
                             "datetime-local", "time", "month", "file"})


def bootstrap_class(template_name: str, widget: dict[str, Any]) -> str:
    """The class a widget's input gets ("" when Bootstrap styles it as it is)."""
    if template_name in _BY_TEMPLATE:
        return _BY_TEMPLATE[template_name]
    if template_name.startswith("django/forms/widgets/") and widget.get("type") in _CONTROL_INPUTS:
        return "form-control"
    return ""


class BootstrapRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        widget = context.get("widget")
        if isinstance(widget, dict):
            extra = bootstrap_class(template_name, widget)
            attrs = widget.setdefault("attrs", {})
            if extra and extra not in attrs.get("class", "").split():
                attrs["class"] = f"{extra} {attrs.get('class', '')}".strip()
        elif template_name == "django/forms/label.html" and "attrs" in context:
            attrs = dict(context["attrs"] or {})
            if "form-label" not in attrs.get("class", "").split():
                attrs["class"] = f"form-label {attrs.get('class', '')}".strip()
            context = {**context, "attrs": attrs}
        return super().render(template_name, context, request)
