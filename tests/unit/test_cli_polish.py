# SPDX-License-Identifier: MIT
"""A Polish organiser at the command line reads Polish: every sentence the CLI writes has a Polish
version, and `--lang pl` (or a desk set to Polish) is honoured, errors included."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

CLI = Path(__file__).resolve().parents[2] / "checkin" / "cli"
sys.path.insert(0, str(CLI.parents[1]))


def _name(expr: ast.expr) -> str:
    return "x"


def template(node: ast.expr) -> str | None:
    """The English sentence of a literal or f-string, its `{…}` parts as placeholders."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)  # type: ignore[misc]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = template(node.left), template(node.right)
        return left + right if left is not None and right is not None else None
    return None


def sentences_in_cli() -> dict[str, str]:
    """Literal messages the CLI prints, raises (CliError, argparse type errors) or emits as text."""
    found: dict[str, str] = {}
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            args: list[ast.expr] = []
            if name in ("CliError", "print", "fail", "ArgumentTypeError"):
                args = list(node.args[:1])
            elif name == "emit":
                args = list(node.args[1:2]) + [k.value for k in node.keywords if k.arg == "text"]
            for arg in args:
                text = template(arg)
                if text is not None and text.strip("\r\n {}"):
                    found.setdefault(text, f"{path.name}:{node.lineno}")
    return found


def _shape(text: str) -> str:
    return re.sub(r"\{\w*\}", "{}", text)


def test_every_sentence_the_cli_writes_has_a_polish_version() -> None:
    from checkin.cli.wording import CLI_POLISH
    from checkin.domain.messages import POLISH

    known = {_shape(english) for english in (*CLI_POLISH, *POLISH)}
    used = sentences_in_cli()
    assert len(used) > 50
    missing = sorted(f"{where}: {text!r}" for text, where in used.items() if _shape(text) not in known)
    assert missing == [], "add the Polish sentence to CLI_POLISH in checkin/cli/wording.py"


def test_polish_keeps_every_placeholder() -> None:
    from checkin.cli.wording import CLI_POLISH

    for english, polish in CLI_POLISH.items():
        assert sorted(re.findall(r"\{\w+\}", english)) == sorted(re.findall(r"\{\w+\}", polish)), english


def test_lang_pl_answers_in_polish_errors_included(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from checkin.cli import main

    db = str(tmp_path / "desk.sqlite3")
    assert main(["--db", db, "--create", "--lang", "pl", "demo"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Zainstalowano wydarzenie demonstracyjne „")
    code = main(["--db", db, "--lang", "pl", "badge", "--out", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("checkin: błąd: ") and "podaj --attendee ID" in err
    # English when asked for
    main(["--db", db, "--lang", "en", "badge", "--out", str(tmp_path / "x.pdf")])
    assert capsys.readouterr().err.startswith("checkin: error: give --attendee ID")


def test_without_lang_the_cli_speaks_the_desks_language(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from checkin.cli import main
    from checkin.config import update_settings
    from checkin.storage.db import open_database

    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    db = str(tmp_path / "desk.sqlite3")
    assert main(["--db", db, "--create", "demo"]) == 0
    assert capsys.readouterr().out.startswith("Demo event '")
    engine = open_database(db)
    update_settings(engine, language="pl")  # the volunteer set the desk app to Polish
    engine.dispose()
    main(["--db", db, "badge", "--out", str(tmp_path / "x.pdf")])
    assert capsys.readouterr().err.startswith("checkin: błąd: podaj --attendee ID")


def test_db_in_a_missing_folder_is_an_error_unless_create(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from checkin.cli import main

    typo = tmp_path / "Dokumnety" / "kongres.sqlite3"  # a mistyped folder
    assert main(["--db", str(typo), "--lang", "en", "demo"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == (f"checkin: error: The folder {typo.parent} does not exist: check the --db path, or add "
                           "--create to start a new database there.")
    assert not typo.parent.exists()  # nothing was created
    assert main(["--db", str(typo), "--lang", "pl", "demo"]) == 2
    assert "nie istnieje: sprawdź ścieżkę w --db albo dodaj --create" in capsys.readouterr().err
    assert main(["--db", str(typo), "--create", "demo"]) == 0
    assert typo.exists()


def test_a_read_only_folder_is_said_in_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    from checkin.cli import main

    folder = tmp_path / "tylko-odczyt"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        assert main(["--db", str(folder / "desk.sqlite3"), "--lang", "en", "demo"]) == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and "read-only" in err and "sqlalche" not in err.lower()
    finally:
        folder.chmod(0o755)
