# SPDX-License-Identifier: MIT
"""What differs between Windows, macOS and Linux, decided in one place (most desk laptops run Windows).

Every decision is a plain function of the platform name (`sys.platform`: "win32", "darwin",
"linux"), so the tests exercise the Windows and macOS branches on a Linux machine; the few calls
that need the real operating system take the platform from `current()` and are thin.

- camera capture API: DirectShow first on Windows (Media Foundation takes seconds to open many
  webcams, but some newer cameras only work with it: the fallback), AVFoundation on macOS, V4L2 on Linux;
- replacing a file: Windows refuses `os.replace` while another process (Excel, an antivirus scan,
  the search indexer) holds the target open — retry briefly, then say so; POSIX replaces open files;
- making a rename durable: fsync of the folder on POSIX; Windows cannot open a folder for that
  (NTFS journals the rename itself);
- one desk app per database: `fcntl.flock` on POSIX, `msvcrt.locking` on Windows;
- the hub password's keyring: Credential Manager / Keychain / Secret Service, and what to do when none;
- printer names: case-insensitive on Windows and CUPS, and a Windows network printer may be named
  `\\\\server\\Label` or just `Label`;
- network folders: /proc/mounts on Linux, `mount` output on macOS, the drive type on Windows;
- the UI font: the system's (Segoe UI, San Francisco, …) unless it lacks Polish letters, then the
  bundled DejaVu Sans.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

WINDOWS, MACOS, LINUX = "win32", "darwin", "linux"


def current() -> str:
    """This machine's platform name, normalised ("linux2" and other POSIX systems count as Linux)."""
    if sys.platform in (WINDOWS, MACOS):
        return sys.platform
    return LINUX


# ---------------------------------------------------------------- camera
def camera_apis(system: str, device: int | str) -> tuple[str, ...]:
    """OpenCV capture APIs to try, in order, for a camera index or a device path/URL.

    Names are OpenCV's `CAP_<NAME>` constants without the prefix; "ANY" lets OpenCV choose.
    """
    if isinstance(device, str):  # a device path (/dev/video2) or a URL: only Linux has paths for V4L2
        return ("V4L2", "ANY") if system == LINUX and device.startswith("/dev/") else ("ANY",)
    if system == WINDOWS:
        return ("DSHOW", "MSMF")
    if system == MACOS:
        return ("AVFOUNDATION", "ANY")
    return ("V4L2", "ANY")


# ---------------------------------------------------------------- files
def replace_attempts(system: str) -> int:
    """How often to try `os.replace` before giving up: a briefly held file frees itself on Windows."""
    return 6 if system == WINDOWS else 1


def replace_file(src: Path, dst: Path, *, system: str | None = None,
                 replace: Callable[[Path, Path], None] = os.replace,
                 sleep: Callable[[float], None] = time.sleep) -> None:
    """Atomically put `src` in place of `dst`; PermissionError after the platform's retries."""
    attempts = replace_attempts(system or current())
    for attempt in range(attempts):
        try:
            replace(src, dst)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            sleep(0.05 * (2 ** attempt))  # 50 ms … 0.8 s: an indexer lets go; an open Excel does not


def can_fsync_directory(system: str) -> bool:
    return system != WINDOWS


def fsync_directory(folder: Path, system: str | None = None) -> bool:
    """Make a rename in `folder` survive a power cut; False where the platform has no such call."""
    if not can_fsync_directory(system or current()):
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return True


# ---------------------------------------------------------------- one desk app per database
def lock_api(system: str) -> str:
    return "msvcrt" if system == WINDOWS else "fcntl"


class AlreadyRunningError(Exception):
    """Another desk app has this database open."""


class InstanceLock:
    """An exclusive, non-blocking lock on `<database>.lock`, released when the process ends.

    Two desk apps on one database would be one desk twice (one id, two screens). The OS drops the
    lock if the app crashes, so a stale lock file never blocks the next start.
    """

    def __init__(self, path: Path, system: str | None = None) -> None:
        self.path = path
        self.system = system or current()
        self._fh: IO[bytes] | None = None

    def acquire(self) -> InstanceLock:
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        try:
            if lock_api(self.system) == "msvcrt":  # pragma: no cover - Windows only
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            fh.close()
            raise AlreadyRunningError(
                f"the desk app is already running on {self.path.with_suffix('')} (close the other window, "
                "or start with --db for a different desk)") from exc
        self._fh = fh
        return self

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()  # closing drops the lock on every platform
            self._fh = None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *_exc: Any) -> None:
        self.release()


# ---------------------------------------------------------------- keyring
_EXPECTED_KEYRING = {WINDOWS: "Windows Credential Manager", MACOS: "macOS Keychain",
                     LINUX: "Secret Service (GNOME Keyring or KWallet)"}


def keyring_usable(backend: str) -> bool:
    """`keyring`'s own "no backend" classes: fail.Keyring, or a chainer with nothing in it."""
    low = backend.lower()
    return not ("fail" in low or "null" in low or low.endswith("chainerbackend (priority: 0)"))


def keyring_advice(system: str) -> str:
    """What to do when no keyring works on this platform (appended to the refusal sentence)."""
    where = _EXPECTED_KEYRING.get(system, _EXPECTED_KEYRING[LINUX])
    if system == WINDOWS:
        return f"{where} should always be there: check that this Windows account may store credentials"
    if system == MACOS:
        return f"the {where} should always be there: unlock it (Keychain Access) and try again"
    return f"install and unlock a {where}, e.g. `apt install gnome-keyring`, or use the pgpass file"


def pgpass_path(system: str, home: Path, appdata: str | None = None) -> Path:
    """Where libpq looks for stored passwords on this platform."""
    if system == WINDOWS:
        return Path(appdata or home / "AppData" / "Roaming") / "postgresql" / "pgpass.conf"
    return home / ".pgpass"


# ---------------------------------------------------------------- printers
def match_printer(wanted: str, installed: Iterable[str], system: str) -> str | None:
    """The installed printer a stored or typed name means, or None.

    Exact first; then ignoring case (Windows and CUPS queue names are case-insensitive); on
    Windows also a network printer by its share name (`Label` for `\\\\print-srv\\Label`).
    """
    names = list(installed)
    if wanted in names:
        return wanted
    folded = [n for n in names if n.casefold() == wanted.casefold()]
    if len(folded) == 1:
        return folded[0]
    if system == WINDOWS and "\\" not in wanted:
        shared = [n for n in names if n.startswith("\\\\") and n.rsplit("\\", 1)[-1].casefold() == wanted.casefold()]
        if len(shared) == 1:
            return shared[0]
    return None


# ---------------------------------------------------------------- network folders
def mount_table_source(system: str) -> str:
    """Where the file system type of a folder comes from: "proc" (/proc/mounts), "mount" (macOS
    `mount` output) or "drive-type" (Windows GetDriveTypeW)."""
    return {WINDOWS: "drive-type", MACOS: "mount"}.get(system, "proc")


def parse_mount_output(text: str) -> list[tuple[str, str]]:
    """(mount point, file system type) from macOS/BSD `mount`: `//u@srv/share on /Volumes/share (smbfs, …)`."""
    found = []
    for line in text.splitlines():
        head, sep, tail = line.rpartition(" (")
        if not sep or " on " not in head:
            continue
        mount_point = head.split(" on ", 1)[1]
        found.append((mount_point, tail.split(",", 1)[0].rstrip(")").strip()))
    return found


def parse_proc_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, file system type) from Linux /proc/mounts (spaces escaped as \\040)."""
    found = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            found.append((fields[1].replace("\\040", " "), fields[2]))
    return found


def fstype_for(path: str, mounts: Iterable[tuple[str, str]]) -> str | None:
    """The type of the file system holding `path`: the longest mount point that contains it."""
    best: tuple[int, str] | None = None
    for mount_point, fstype in mounts:
        contains = path == mount_point or path.startswith(mount_point.rstrip("/") + "/") or mount_point == "/"
        if contains and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), fstype)
    return best[1] if best else None


# ---------------------------------------------------------------- fonts
POLISH_LETTERS = "ĄĆĘŁŃÓŚŹŻąćęłńóśźż"
BUNDLED_UI_FONT = "DejaVu Sans"


def ui_font_fallback(system_font_covers_polish: bool) -> str | None:
    """The family to use instead of the system UI font, or None to keep it (Segoe UI, San
    Francisco and the usual Linux desktop fonts all draw Polish; a bare Linux box may have none)."""
    if system_font_covers_polish:
        return None
    return BUNDLED_UI_FONT
