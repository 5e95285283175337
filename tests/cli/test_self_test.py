# SPDX-License-Identifier: MIT
"""The IT volunteer's smoke test: `checkin --self-test` checks database, platform, decoder, badge and Qt."""

from __future__ import annotations

import json

import pytest

from checkin.cli import main


def test_self_test_passes_on_a_working_installation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert [c["name"] for c in report["checks"]] == ["database", "platform", "decoder", "badge", "qt"]
    assert all(c["ok"] for c in report["checks"])
    assert report["versions"]["checkin"]


def test_self_test_names_what_is_broken(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A build that lost the sample frame says so instead of passing."""
    import checkin.resources

    real = checkin.resources.resource_path

    def missing_frame(relative: str):  # type: ignore[no-untyped-def]
        if relative.startswith("selftest/"):
            raise FileNotFoundError(f"bundled resource missing: {relative}")
        return real(relative)

    monkeypatch.setattr(checkin.resources, "resource_path", missing_frame)
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out
    assert "FAILED decoder" in out and "selftest/qr_frame.jpg" in out
    assert "self-test FAILED" in out
