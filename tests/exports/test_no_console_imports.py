"""Exports (downloads, the CDS export, imports) are jobs and commands: they read through domain selectors
and never reach into the console's code."""

from pathlib import Path

import exports
from tests.module_imports import imported_modules


def test_nothing_under_exports_imports_the_console():
    root = Path(exports.__file__).parent
    files = sorted(root.rglob("*.py"))
    assert len(files) > 20  # the walk found the package
    offenders = {str(path.relative_to(root)): sorted(name for name in imported_modules(path)
                                                     if name == "admin_console" or name.startswith("admin_console."))
                 for path in files}
    assert {path: names for path, names in offenders.items() if names} == {}
