"""The project's shared material (spec and official reference files) lies beside the repository, in
../shared, on every machine that runs the tests (CI copies it there). SHARED_DIR overrides the place."""

import os
from pathlib import Path

SHARED = Path(os.environ.get("SHARED_DIR", Path(__file__).resolve().parents[1].parent / "shared"))


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: the tests read the shared spec and reference files from "
                                f"{SHARED}. Put the project's shared/ folder beside the repository, or set SHARED_DIR.")
    return path
