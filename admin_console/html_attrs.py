"""HTML attributes and values written as Django's form templates write them, for markup drawn in Python
(admin_console/logs/widgets.py, admin_console/templatetags/log_form.py)."""

from __future__ import annotations

import html

from django.utils.functional import Promise
from django.utils.safestring import SafeData


def html_attrs(attrs: dict) -> str:
    """Attributes as Django's attrs.html writes them: False left out, True bare, others as text, escaped
    unless already safe."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {escaped(name)}")
        else:
            parts.append(f' {escaped(name)}="{text(value)}"')
    return "".join(parts)


def text(value) -> str:
    """A value as `{{ value|stringformat:'s' }}` writes it."""
    return str(value) if isinstance(value, SafeData) else escaped(str(value))


def escaped(value) -> str:
    """What Django's conditional_escape gives, without the check for lazy arguments wrapped around its
    escape: a log's change page escapes about 5,000 values. The caller marks the whole markup safe."""
    if isinstance(value, Promise):
        value = str(value)
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))
