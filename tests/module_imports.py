"""What a source file imports, read from its syntax tree: for tests that keep packages apart."""

import ast
from pathlib import Path


def imported_modules(path: Path) -> set[str]:
    """The absolute module names a file imports (`import x.y`, `from x.y import z`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names
