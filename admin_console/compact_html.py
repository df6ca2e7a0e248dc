"""A page's HTML without the indentation between its tags.

Unfold's templates indent every field several levels deep, which on a log's change form (hundreds of
questions) is a fifth of the page. The whitespace between two tags is reduced to one line break, which
the browser lays out the same way. Text inside tags, attribute values (typed answers) and a textarea's
own content are left alone."""

from __future__ import annotations

import re

BETWEEN_TAGS = re.compile(rb">\s{2,}<")


def compact_html(response):
    """A post-render callback for a TemplateResponse."""
    response.content = BETWEEN_TAGS.sub(b">\n<", response.content)
    return response
