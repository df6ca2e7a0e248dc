"""Finding what to import in the paths given: folders or zips of the export storage (master manifests and
collection archives), single collection archives, master manifests, and schemes / locations CSV downloads.

Archives are imported in dependency order (organisations, users, then lettings and sales by year), and
within a collection in export order (base, then increment), so a later partial export updates the logs
an earlier one brought.
"""

from __future__ import annotations

import csv
import re
import tempfile
import zipfile
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from exports.cds.run import MANIFEST_HEADER
from exports.schemes_csv import headers as scheme_csv_headers

from .errors import ImportFailed
from .xml_records import manifest_count

ARCHIVE_NAME = re.compile(
    r"^(?P<prefix>core_sales|core|users|organisations)_(?P<year>\d{4})_(?P<next>\d{4})_apr_mar"
    r"_f(?P<base>\d{4})_inc(?P<inc>\d{4})$")
COLLECTION_OF_PREFIX = {"core": "lettings", "core_sales": "sales", "users": "users",
                        "organisations": "organisations"}
COLLECTION_ORDER = ("organisations", "users", "lettings", "sales")
MASTER_MANIFEST = re.compile(r"^Manifest_\d{4}_\d{2}_\d{2}_\d{4}\.csv$")


@dataclass(frozen=True)
class Archive:
    path: Path
    name: str
    collection: str
    year: int | None
    base: int
    increment: int
    zipped_at: datetime | None = None  # from the master manifest that lists it

    @property
    def order(self):
        return (COLLECTION_ORDER.index(self.collection), self.year or 0, self.base, self.increment)

    def parts(self) -> list[str]:
        """The XML parts in order, after checking the archive holds what its manifest says."""
        try:
            with zipfile.ZipFile(self.path) as bundle:
                names = bundle.namelist()
        except (zipfile.BadZipFile, OSError) as error:
            raise ImportFailed(f"this is not a readable zip ({error}). Copy the archive again.",
                               file=self.path.name) from error
        parts = sorted(n for n in names if re.fullmatch(rf"{re.escape(self.name)}_pt\d{{3}}\.xml", n))
        if "manifest.xml" not in names:
            raise ImportFailed("the archive has no manifest.xml, so its record count cannot be checked.",
                               file=self.path.name)
        if not parts:
            raise ImportFailed(f"the archive holds no parts named {self.name}_ptNNN.xml.", file=self.path.name)
        return parts

    def open(self, member: str):
        try:
            bundle = zipfile.ZipFile(self.path)
            handle = bundle.open(member)
        except (zipfile.BadZipFile, OSError, KeyError) as error:
            raise ImportFailed(f"this is not a readable zip, or {member} is missing from it ({error}). Copy the "
                               "archive again from the export storage.", file=self.path.name) from error
        original_close = handle.close

        def close():
            original_close()
            bundle.close()

        handle.close = close
        return handle

    def manifest_count(self) -> int:
        with self.open("manifest.xml") as handle:
            return manifest_count(handle, f"{self.path.name}/manifest.xml")


@dataclass(frozen=True)
class CsvFile:
    path: Path
    kind: str  # schemes, locations, schemes-and-locations


@dataclass
class Plan:
    archives: list[Archive] = field(default_factory=list)
    csvs: list[CsvFile] = field(default_factory=list)
    manifests: list[str] = field(default_factory=list)

    def ordered_archives(self) -> list[Archive]:
        unique = {}
        for archive in self.archives:  # the one a manifest lists (with its time) wins
            if archive.name not in unique or archive.zipped_at:
                unique[archive.name] = archive
        return sorted(unique.values(), key=lambda a: a.order)


def archive_of(path: Path) -> Archive | None:
    match = ARCHIVE_NAME.match(path.stem)
    if path.suffix != ".zip" or not match:
        return None
    collection = COLLECTION_OF_PREFIX[match["prefix"]]
    year = int(match["year"]) if collection in ("lettings", "sales") else None
    return Archive(path, path.stem, collection, year, int(match["base"]), int(match["inc"]))


def _csv_kind(path: Path) -> str | None:
    """A master manifest, or which schemes download a CSV is, from its header row."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError):
        return None
    if header == MANIFEST_HEADER:
        return "manifest"
    for kind in ("schemes", "locations", "schemes-and-locations"):
        if header == scheme_csv_headers(kind):
            return kind
    return None


def _from_manifest(path: Path, plan: Plan) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    plan.manifests.append(path.name)
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 3:
            raise ImportFailed(f"line {number} does not have the three columns {', '.join(MANIFEST_HEADER)}.",
                               file=path.name)
        archive = archive_of(path.parent / row[2])
        if archive is None:
            raise ImportFailed(f"line {number} names '{row[2]}', which is not a CDS archive name.", file=path.name)
        if not archive.path.exists():
            raise ImportFailed(f"line {number} lists {row[2]}, which is not beside the manifest. Copy every "
                               "archive the manifest lists, then import again.", file=path.name)
        try:
            zipped_at = datetime.strptime(row[1], "%Y-%m-%d %H:%M:%S %z")
        except ValueError:
            raise ImportFailed(f"line {number}: '{row[1]}' is not a time such as 2026-11-28 05:03:12 +0000.",
                               file=path.name)
        plan.archives.append(replace(archive, zipped_at=zipped_at))


def _add_folder(folder: Path, plan: Plan) -> None:
    manifests = sorted(p for p in folder.iterdir() if MASTER_MANIFEST.match(p.name))
    for manifest in manifests:
        _from_manifest(manifest, plan)
    if not manifests:  # a folder of archives without their master manifest: every archive in it
        plan.archives += [a for a in map(archive_of, sorted(folder.glob("*.zip"))) if a]
    for path in sorted(folder.glob("*.csv")):
        if not MASTER_MANIFEST.match(path.name):
            kind = _csv_kind(path)
            if kind and kind != "manifest":
                plan.csvs.append(CsvFile(path, kind))


def discover(paths: list[str], stack: ExitStack) -> Plan:
    """What the paths hold. A zip that is not a collection archive is unpacked (into a folder `stack`
    removes) and read as a folder."""
    plan = Plan()
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise ImportFailed(f"{given} does not exist.", file=given)
        if path.is_dir():
            _add_folder(path, plan)
        elif archive_of(path):
            plan.archives.append(archive_of(path))
        elif path.suffix == ".zip":
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="import-core-")))
            try:
                with zipfile.ZipFile(path) as bundle:
                    for member in bundle.namelist():
                        if "/" in member.strip("/") or member.startswith((".", "/")):
                            continue
                        (folder / member).write_bytes(bundle.read(member))
            except (zipfile.BadZipFile, OSError) as error:
                raise ImportFailed(f"this is not a readable zip ({error}).", file=path.name) from error
            _add_folder(folder, plan)
        elif path.suffix == ".csv":
            kind = _csv_kind(path)
            if kind == "manifest":
                _from_manifest(path, plan)
            elif kind:
                plan.csvs.append(CsvFile(path, kind))
            else:
                raise ImportFailed("this CSV is neither a master manifest nor a schemes or locations download "
                                   "(its header row is not one of theirs).", file=path.name)
        else:
            raise ImportFailed("give folders, zips, master manifests (.csv) or schemes / locations CSVs.",
                               file=path.name)
    if not plan.archives and not plan.csvs:
        raise ImportFailed("nothing to import was found: no CDS archives, master manifests or schemes / "
                           "locations CSVs.", file=", ".join(paths))
    return plan


