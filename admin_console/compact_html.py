"""A page's HTML without the indentation between its tags, and with a short class for each question's label.

Unfold's templates indent every field several levels deep, which on a log's change form (hundreds of
questions) is a fifth of the page. The whitespace between two tags is reduced to one line break, which
the browser lays out the same way. Text inside tags, attribute values (typed answers) and a textarea's
own content are left alone.

The questions' labels are written with the short class `core-label` (admin_console/templatetags/log_form.py,
styled like unfold's in static/admin_console/answers.css); a label unfold's templates still draw (a value
shown read-only) carries unfold's list of label classes, which becomes `core-label` too."""

from __future__ import annotations

import re

BETWEEN_TAGS = re.compile(rb">\s{2,}<")
UNFOLD_LABEL = b'<label class="block font-semibold mb-2 text-font-important-light text-sm dark:text-font-important-dark'


def compact_html(response):
    """A post-render callback for a TemplateResponse."""
    response.content = BETWEEN_TAGS.sub(b">\n<", response.content).replace(UNFOLD_LABEL, b'<label class="core-label')
    return response
