# SPDX-License-Identifier: MIT
"""The Windows, macOS and Linux choices (checkin.platforms), exercised on this Linux machine: the
decision for each platform by name, and the real calls for the platform we are on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from checkin import platforms as p
from checkin.platforms import LINUX, MACOS, WINDOWS


def test_each_platform_opens_cameras_with_its_own_api() -> None:
    assert p.camera_apis(WINDOWS, 0) == ("DSHOW", "MSMF")  # quick DirectShow first, Media Foundation fallback
    assert p.camera_apis(MACOS, 0) == ("AVFOUNDATION", "ANY")
    assert p.camera_apis(LINUX, 0) == ("V4L2", "ANY")
    assert p.camera_apis(LINUX, "/dev/video2") == ("V4L2", "ANY")
    assert p.camera_apis(WINDOWS, "rtsp://10.0.0.5/stream") == ("ANY",)
    import cv2

    for system in (WINDOWS, MACOS, LINUX):  # every name is a real OpenCV constant
        assert all(name == "ANY" or hasattr(cv2, f"CAP_{name}") for name in p.camera_apis(system, 0))


def test_a_file_held_open_on_windows_is_retried_then_reported(tmp_path: Path) -> None:
    src, dst = tmp_path / "new.csv", tmp_path / "lista.csv"
    src.write_text("new")
    dst.write_text("old")
    tries: list[int] = []
    waits: list[float] = []

    def windows_replace(a: Path, b: Path) -> None:
        """os.replace as Windows behaves while the indexer holds the target for two attempts."""
        tries.append(1)
        if len(tries) <= 2:
            raise PermissionError(13, "The process cannot access the file because it is being used")
        Path(a).replace(b)

    p.replace_file(src, dst, system=WINDOWS, replace=windows_replace, sleep=waits.append)
    assert dst.read_text() == "new" and len(tries) == 3 and waits == [0.05, 0.1]

    def excel_holds_it(a: Path, b: Path) -> None:
        raise PermissionError(13, "in use")

    waits.clear()
    with pytest.raises(PermissionError):
        p.replace_file(src, dst, system=WINDOWS, replace=excel_holds_it, sleep=waits.append)
    assert len(waits) == p.replace_attempts(WINDOWS) - 1
    with pytest.raises(PermissionError):  # POSIX: no waiting, a refusal is final
        p.replace_file(src, dst, system=LINUX, replace=excel_holds_it, sleep=waits.append)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX semantics; Windows is the retry test above")
def test_on_posix_an_open_file_is_replaced_and_the_folder_synced(tmp_path: Path) -> None:
    dst = tmp_path / "lista.csv"
    dst.write_text("old")
    src = tmp_path / "part"
    src.write_text("new")
    with open(dst, encoding="utf-8") as reader:  # a viewer has the old export open
        p.replace_file(src, dst, system=LINUX)
        assert reader.read() == "old"  # it keeps reading the old file; the name is the new one
    assert dst.read_text() == "new"
    assert p.fsync_directory(tmp_path, LINUX) is True
    assert p.fsync_directory(tmp_path, WINDOWS) is False  # a folder cannot be opened for fsync there


def test_one_desk_app_per_database(tmp_path: Path) -> None:
    assert p.lock_api(WINDOWS) == "msvcrt" and p.lock_api(MACOS) == p.lock_api(LINUX) == "fcntl"
    lock_file = tmp_path / "desk.sqlite3.lock"
    with p.InstanceLock(lock_file):
        with pytest.raises(p.AlreadyRunningError, match=r"already running on .*desk\.sqlite3"):
            p.InstanceLock(lock_file).acquire()
        # another process sees the same lock
        other = subprocess.run([sys.executable, "-c", (
            "import sys; from pathlib import Path; from checkin.platforms import InstanceLock, AlreadyRunningError\n"
            f"try: InstanceLock(Path({str(lock_file)!r})).acquire()\n"
            "except AlreadyRunningError: sys.exit(3)")], capture_output=True)
        assert other.returncode == 3, other.stderr
    p.InstanceLock(lock_file).acquire().release()  # released: the next start gets it


def test_keyring_advice_names_the_platform_store(tmp_path: Path) -> None:
    assert not p.keyring_usable("keyring.backends.fail.Keyring (priority: 0)")
    assert p.keyring_usable("keyring.backends.Windows.WinVaultKeyring (priority: 5)")
    assert p.keyring_usable("keyring.backends.macOS.Keyring (priority: 5)")
    assert "Credential Manager" in p.keyring_advice(WINDOWS)
    assert "Keychain" in p.keyring_advice(MACOS)
    assert "Secret Service" in p.keyring_advice(LINUX)
    assert p.pgpass_path(WINDOWS, tmp_path, "C:\\Users\\ania\\AppData\\Roaming").name == "pgpass.conf"
    assert p.pgpass_path(LINUX, tmp_path) == tmp_path / ".pgpass"


def test_printer_names_match_as_each_system_compares_them() -> None:
    installed = ["HP LaserJet 400", "\\\\druk-srv\\Brother QL-820NWB", "Zebra ZD421"]
    assert p.match_printer("HP LaserJet 400", installed, LINUX) == "HP LaserJet 400"
    assert p.match_printer("hp laserjet 400", installed, WINDOWS) == "HP LaserJet 400"
    assert p.match_printer("Brother QL-820NWB", installed, WINDOWS) == "\\\\druk-srv\\Brother QL-820NWB"
    assert p.match_printer("Brother QL-820NWB", installed, LINUX) is None  # a share name means nothing to CUPS
    assert p.match_printer("Zebra", installed, WINDOWS) is None  # no guessing from a prefix


def test_network_folders_are_found_from_each_systems_mount_table() -> None:
    mac = ("/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
           "//ania@nas.local/Kongres on /Volumes/Kongres (smbfs, nodev, nosuid, mounted by ania)\n"
           "map auto_home on /System/Volumes/Data/home (autofs, automounted, nobrowse)\n")
    mounts = p.parse_mount_output(mac)
    assert p.fstype_for("/Volumes/Kongres/desk.sqlite3", mounts) == "smbfs"
    assert p.fstype_for("/Users/ania/desk.sqlite3", mounts) == "apfs"
    linux = "server:/srv /mnt/nas nfs4 rw 0 0\n/dev/sda1 / ext4 rw 0 0\nx /media/my\\040disk vfat rw 0 0\n"
    assert p.fstype_for("/mnt/nas/a.sqlite3", p.parse_proc_mounts(linux)) == "nfs4"
    assert p.fstype_for("/media/my disk/a.sqlite3", p.parse_proc_mounts(linux)) == "vfat"
    assert p.mount_table_source(WINDOWS) == "drive-type" and p.mount_table_source(MACOS) == "mount"


def test_the_ui_font_is_the_systems_unless_it_cannot_write_polish() -> None:
    assert p.ui_font_fallback(True) is None
    assert p.ui_font_fallback(False) == "DejaVu Sans"
    from checkin.resources import resource_path

    assert resource_path("fonts/DejaVuSans.ttf").stat().st_size > 100_000  # what the fallback loads


def test_a_synced_macos_folder_is_refused(tmp_path: Path) -> None:
    from checkin.storage.location import UnsafeLocationError, check_local_path

    with pytest.raises(UnsafeLocationError, match="CloudStorage"):
        check_local_path(tmp_path / "Library" / "CloudStorage" / "OneDrive-Urząd" / "desk.sqlite3")
