# SPDX-License-Identifier: MIT
"""Refuse database files on network shares and in cloud-synced folders.

SQLite's locking and WAL need a local file system: on SMB/NFS locks can be silently lost, and a sync
client (OneDrive, Dropbox...) can upload a half-written WAL and later "restore" an old copy over a
day of check-ins. Detecting it up front is far cheaper than explaining lost scans afterwards.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs", "ceph",
    "glusterfs", "fuse.glusterfs", "davfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "ncpfs",
    "fuse.gvfsd-fuse", "lustre", "beegfs",
    "afpfs", "webdav",  # macOS names (smbfs and nfs are above)
}
SYNCED_FOLDER_NAMES = (
    "dropbox", "onedrive", "google drive", "googledrive", "my drive", "icloud drive", "icloud",
    "mobile documents", "nextcloud", "owncloud", "pcloud", "box sync", "mega", "seadrive", "syncthing",
    "cloudstorage",  # macOS ~/Library/CloudStorage: where OneDrive, Dropbox and Google Drive live now
)


class UnsafeLocationError(Exception):
    """The database path is on a network share or inside a folder a sync client manages."""


def check_local_path(path: Path, mounts_file: str = "/proc/mounts") -> None:
    """Raise UnsafeLocationError with a sentence a volunteer can act on; return None when safe."""
    resolved = path.expanduser().resolve()
    for part in resolved.parts[:-1]:
        low = part.casefold()
        if any(low == name or low.startswith(name + " -") or low.startswith(name + "-")
               for name in SYNCED_FOLDER_NAMES):
            raise UnsafeLocationError(
                f"The database {resolved} is inside the synced folder '{part}'. A sync client can "
                "overwrite it with an old copy and lose check-ins. Choose a local folder "
                "(the default needs no --db)."
            )
    text = str(resolved)
    if text.startswith("\\\\") or text.startswith("//"):
        raise UnsafeLocationError(f"The database {resolved} is on a network share. Use a local disk.")
    if sys.platform == "win32":
        _check_windows_drive(resolved)
        return
    fstype = _fstype_for(resolved, mounts_file)
    if fstype and (fstype in NETWORK_FS or fstype.startswith("nfs")):
        raise UnsafeLocationError(
            f"The database {resolved} is on a network file system ({fstype}). SQLite can lose "
            "check-ins there. Use a local disk; desks share data through the venue database instead."
        )


def _fstype_for(path: Path, mounts_file: str) -> str | None:
    """The file system type holding `path`: /proc/mounts on Linux, `mount` output on macOS."""
    from checkin.platforms import MACOS, current, fstype_for, parse_mount_output, parse_proc_mounts

    if current() == MACOS and mounts_file == "/proc/mounts":
        import subprocess

        try:
            text = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        return fstype_for(str(path), parse_mount_output(text))
    try:
        with open(mounts_file, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return None
    return fstype_for(str(path), parse_proc_mounts(text))


def _check_windows_drive(path: Path) -> None:  # pragma: no cover - Windows only
    import ctypes

    drive = os.path.splitdrive(str(path))[0]
    if drive:
        get_drive_type = ctypes.windll.kernel32.GetDriveTypeW  # type: ignore[attr-defined]
        if get_drive_type(drive + "\\") == 4:  # DRIVE_REMOTE
            raise UnsafeLocationError(f"The database {path} is on a network drive ({drive}). Use a local disk.")
