"""The npm packages the admin page is made of: pinned in package-lock.json, read from their tarballs.

The build needs no Node: `make admin` runs `npm pack` once for each package named here, at the
version and with the integrity package-lock.json pins, into a folder (.cache/admin/ by default).
The build then reads files straight out of those tarballs, after checking each tarball's sha512
against the lock, so what the site serves is byte for byte what npm's registry published and
npm verified; a file changed on disk, a stale tarball or a missing one stops the build.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

from ..labels import admin_text

# The CMS, and the fonts its bundle would fetch from jsDelivr (the same Fontsource releases, with
# the Vietnamese subsets the bundle lacks).
CMS, SANS, MONO, ICONS = PACKAGES = (
    "@sveltia/cms",
    "@fontsource-variable/source-sans-3",
    "@fontsource/noto-mono",
    "@fontsource-variable/material-symbols-outlined",
)


class PackageError(ValueError):
    """An admin package is missing, unpinned or not what the lock says; the message says what to run."""


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    integrity: str  # "sha512-<base64>", as package-lock.json records it

    @property
    def tarball(self) -> str:
        """The file name `npm pack` gives it: "@sveltia/cms" 0.221.1 -> "sveltia-cms-0.221.1.tgz"."""
        return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}.tgz"


def read_pins(lock_path: Path, names: tuple[str, ...] = PACKAGES) -> dict[str, Pin]:
    """The pinned version and integrity of each package in `names`, from package-lock.json."""
    try:
        lock = json.loads(lock_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PackageError(admin_text("lock_unreadable", path=lock_path, error=error)) from None
    installed = lock.get("packages", {})
    pins = {}
    for name in names:
        entry = installed.get(f"node_modules/{name}")
        if not entry or "integrity" not in entry or not str(entry["integrity"]).startswith("sha512-"):
            raise PackageError(admin_text("not_pinned", name=name, path=lock_path))
        pins[name] = Pin(name, entry["version"], entry["integrity"])
    return pins


def integrity_of(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


class Package:
    """One verified tarball, opened: `read("dist/sveltia-cms.js")` gives that file's bytes."""

    def __init__(self, pin: Pin, folder: Path, wanted: tuple[str, ...] = ("",)):
        path = folder / pin.tarball
        try:
            data = path.read_bytes()
        except OSError:
            raise PackageError(admin_text("missing_package", name=pin.name, version=pin.version, path=path)) from None
        found = integrity_of(data)
        if found != pin.integrity:
            raise PackageError(admin_text("bad_integrity", path=path, expected=pin.integrity, found=found))
        self.pin = pin
        self._members: dict[str, bytes] = {}
        # one pass over the stream, keeping only the files asked for (`wanted`: path prefixes)
        with tarfile.open(fileobj=io.BytesIO(data), mode="r|gz") as archive:
            for member in archive:
                name = member.name.removeprefix("package/")
                if member.isfile() and member.name.startswith("package/") and name.startswith(wanted):
                    self._members[name] = archive.extractfile(member).read()

    def read(self, name: str) -> bytes:
        if name not in self._members:
            raise PackageError(admin_text("missing_file", name=self.pin.name, version=self.pin.version, file=name))
        return self._members[name]

    def names(self, prefix: str) -> list[str]:
        return sorted(name for name in self._members if name.startswith(prefix))


def open_packages(lock_path: Path, folder: Path, wanted: dict[str, tuple[str, ...]] | None = None) -> dict[str, Package]:
    """Every pinned package, verified; `wanted` names the files to read from each (default: all)."""
    wanted = wanted or {}
    return {name: Package(pin, folder, wanted.get(name, ("",))) for name, pin in read_pins(lock_path).items()}


def fetch(lock_path: Path, folder: Path, npm: str = "npm") -> None:
    """`npm pack` each pinned package into `folder` (npm takes it from its cache when it can), then verify."""
    folder.mkdir(parents=True, exist_ok=True)
    pins = read_pins(lock_path)
    wanted = [f"{pin.name}@{pin.version}" for pin in pins.values() if not _verified(pin, folder)]
    if wanted:
        subprocess.run([npm, "pack", "--silent", "--pack-destination", str(folder), *wanted], check=True, stdout=subprocess.DEVNULL)
    for pin in pins.values():
        Package(pin, folder)


def _verified(pin: Pin, folder: Path) -> bool:
    path = folder / pin.tarball
    return path.is_file() and integrity_of(path.read_bytes()) == pin.integrity


def main(argv: list[str] | None = None) -> int:
    """`python -m newsroom.admin LOCK FOLDER`: what `make admin` runs."""
    lock, folder = (argv if argv is not None else sys.argv[1:])[:2]
    try:
        fetch(Path(lock), Path(folder))
    except PackageError as error:
        print(error, file=sys.stderr)
        return 1
    return 0
