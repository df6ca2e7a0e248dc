"""Development email: printed to standard error, so that standard output carries only what a command
means to print (every `--json` command prints only JSON there)."""

import sys

from django.core.mail.backends.console import EmailBackend as ConsoleEmailBackend


class StderrEmailBackend(ConsoleEmailBackend):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("stream", sys.stderr)
        super().__init__(*args, **kwargs)
