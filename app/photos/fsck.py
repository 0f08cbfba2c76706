"""Storage check (`roadchief fsck`): files no row references, and rows whose files are missing."""

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from app.photos.models import Photo
from app.photos.storage import Storage

# Files younger than this are left alone by --fix: an upload writes its files before the
# commit that references them, so a fresh unreferenced file may be an upload in flight.
GRACE_SECONDS = 3600


@dataclass
class FsckReport:
    checked_rows: int = 0
    checked_files: int = 0
    orphans: list[str] = field(default_factory=list)  # files no row references
    removed: list[str] = field(default_factory=list)  # orphans deleted (with fix)
    kept_recent: list[str] = field(default_factory=list)  # orphans inside the grace period
    missing: list[tuple[int | None, str]] = field(default_factory=list)  # (photo id, key)

    @property
    def ok(self) -> bool:
        return not self.missing and len(self.removed) == len(self.orphans)

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        out = [
            f"checked {self.checked_rows} photo rows and {self.checked_files} files",
            f"{len(self.orphans)} unreferenced file(s), {len(self.removed)} removed",
        ]
        out += [f"  orphan   {key}" for key in self.orphans]
        out += [
            f"  recent   {key} (younger than the grace period; kept)" for key in self.kept_recent
        ]
        out.append(f"{len(self.missing)} row(s) whose file is missing")
        out += [f"  missing  photo {pid}: {key}" for pid, key in self.missing]
        return out


def fsck(
    session: Session,
    storage: Storage,
    fix: bool,
    grace_s: float = GRACE_SECONDS,
    also_referenced: Iterable[str] = (),
) -> FsckReport:
    """Compare the photo rows with the stored files; with ``fix`` remove old orphans.

    ``also_referenced``: keys other tables hold (citizens' photos, public copies).
    """
    report = FsckReport()
    # List the files first: a file written after this listing is not judged at all.
    files = list(storage.list())
    referenced: dict[str, int | None] = {}
    rows = session.exec(
        select(col(Photo.id), Photo.original_key, Photo.display_key, Photo.thumb_key)
    )
    for photo_id, *keys in rows:
        report.checked_rows += 1
        for key in keys:
            referenced[key] = photo_id
    kept = set(also_referenced)
    present = set()
    now = time.time()
    for item in files:
        report.checked_files += 1
        present.add(item.key)
        if item.key in referenced or item.key in kept:
            continue
        report.orphans.append(item.key)
        if not fix:
            continue
        # Look again just before deleting: a concurrent upload of the same bytes touches it.
        current = storage.stat(item.key)
        if current is None:
            report.removed.append(item.key)
        elif now - current.mtime < grace_s:
            report.kept_recent.append(item.key)
        else:
            storage.delete(item.key)
            report.removed.append(item.key)
    for key, photo_id in referenced.items():
        if key not in present:
            report.missing.append((photo_id, key))
    report.missing.sort(key=lambda item: item[1])
    return report
