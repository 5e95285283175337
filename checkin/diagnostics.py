# SPDX-License-Identifier: MIT
"""The desk's log file and the diagnostics ZIP the IT volunteer asks for after a bad day.

Log: one rotating file per desk (`desk-<id>.log`, 1 MB × 5) in the platform's log folder
(platformdirs: `~/.local/state/checkin/log` on Linux, `%LOCALAPPDATA%\\checkin\\Logs` on Windows,
`~/Library/Logs/checkin` on macOS; `CHECKIN_LOG_DIR` overrides). It holds scan decisions (scan,
attendee and checkpoint ids, never names or e-mails), sync state changes, print results and errors
with their tracebacks, including ones nobody caught.

ZIP: the logs, versions (checkin, Python, Qt, the OS), the desk settings without secrets and the
sync status. The hub password is never in the settings (it lives in the keyring); the organiser
password's hash is not taken either, and any password in a URL is blanked to be sure.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
import platform
import sys
import threading
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
_handler: logging.Handler | None = None


def log_dir() -> Path:
    override = os.environ.get("CHECKIN_LOG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_log_dir

    return Path(user_log_dir("checkin", appauthor=False))


def log_file(desk_id: str) -> Path:
    return log_dir() / f"desk-{desk_id.replace('-', '')[:8]}.log"


def setup_logging(desk_id: str, level: int = logging.INFO) -> Path | None:
    """Start this desk's rotating log (once per process); returns its path, or None if the folder is
    not writable (the desk works on without a log rather than not at all)."""
    global _handler
    path = log_file(desk_id)
    root = logging.getLogger("checkin")
    if _handler is not None:
        if getattr(_handler, "baseFilename", "") == str(path):
            return path
        root.removeHandler(_handler)
        _handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5,
                                                                        encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    _handler = handler
    _install_excepthooks()
    from checkin import __version__

    root.info("desk %s started: checkin %s, Python %s, %s", desk_id, __version__, platform.python_version(),
              platform.platform())
    return path


def stop_logging() -> None:
    """Close this desk's log file (tests; a desk simply exits)."""
    global _handler
    if _handler is not None:
        logging.getLogger("checkin").removeHandler(_handler)
        _handler.close()
        _handler = None


def _install_excepthooks() -> None:
    """Errors nobody caught (on any thread) go to the log with their traceback, then on as before."""
    if getattr(sys.excepthook, "_checkin", False):
        return
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("checkin").critical("uncaught error", exc_info=(kind, exc, tb))
        previous(kind, exc, tb)

    hook._checkin = True  # type: ignore[attr-defined]
    sys.excepthook = hook
    previous_thread = threading.excepthook

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        logging.getLogger("checkin").critical("uncaught error in thread %s", getattr(args.thread, "name", "?"),
                                              exc_info=args.exc_value or True)
        previous_thread(args)

    threading.excepthook = thread_hook


def versions() -> dict[str, str]:
    from checkin import __version__

    found = {"checkin": __version__, "python": platform.python_version(), "os": platform.platform(),
             "machine": platform.machine()}
    for module in ("PySide6", "sqlalchemy", "alembic", "psycopg", "zxingcpp", "cv2", "reportlab", "pypdfium2"):
        try:
            found[module] = str(getattr(__import__(module), "__version__", "?"))
        except ImportError:
            found[module] = "not installed"
    return found


def safe_settings(engine: Engine) -> dict[str, Any]:
    """The desk settings as stored, any URL password blanked (there should be none)."""
    from checkin.config import load_settings

    data = load_settings(engine).to_json()
    for key, value in list(data.items()):
        if isinstance(value, str) and "://" in value:
            data[key] = _without_password(value)
    return data


def _without_password(url: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return "(not shown)"
    return parsed.render_as_string(hide_password=True) if parsed.password is not None else url


def sync_status(engine: Engine) -> dict[str, Any]:
    try:
        from checkin.sync.status import read_status

        return dict(read_status(engine).to_json())
    except Exception as exc:
        return {"error": f"{exc.__class__.__name__}: {exc}"}


def write_diagnostics(out: Path, engine: Engine, desk_id: str, desk_name: str) -> Path:
    """Runs on a worker thread: the ZIP for the IT volunteer (see the module docstring)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if _handler is not None:
        _handler.flush()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(log_dir().glob(f"{log_file(desk_id).name}*")):
            zf.write(path, f"logs/{path.name}")
        about = {"desk_id": desk_id, "desk_name": desk_name, "written_at": datetime.now(UTC).isoformat(),
                 "versions": versions()}
        zf.writestr("about.json", json.dumps(about, ensure_ascii=False, indent=2))
        zf.writestr("settings.json", json.dumps(safe_settings(engine), ensure_ascii=False, indent=2, default=str))
        zf.writestr("sync-status.json", json.dumps(sync_status(engine), ensure_ascii=False, indent=2, default=str))
    logging.getLogger("checkin").info("diagnostics written to %s", out)
    return out
