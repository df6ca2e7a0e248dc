"""HTML attributes and values written as Django's form templates write them, for markup drawn in Python
(admin_console/logs/widgets.py, admin_console/templatetags/log_form.py)."""

from __future__ import annotations

from django.utils.html import conditional_escape
from django.utils.safestring import SafeData


def html_attrs(attrs: dict) -> str:
    """Attributes as Django's attrs.html writes them: False left out, True bare, others as text, escaped
    unless already safe."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{text(value)}"')
    return "".join(parts)


def text(value) -> str:
    """A value as `{{ value|stringformat:'s' }}` writes it."""
    return str(value) if isinstance(value, SafeData) else conditional_escape(str(value))
