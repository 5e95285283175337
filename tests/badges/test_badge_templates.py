# SPDX-License-Identifier: MIT
"""An organiser picks a template, or adds one by dropping a TOML file in a folder; mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkin.badges import templates as tpl
from checkin.badges.render import contrast_ratio, contrast_text_colour
from checkin.badges.templates import TemplateError, list_templates, load_template
from checkin.domain.models import Category

EXPECTED_SIZES = {
    "a6": (105, 148), "a7": (74, 105), "card-90x55": (90, 55), "label-62x100": (62, 100),
    "label-4x3in": (101.6, 76.2), "a4-2x4-card": (90, 55), "a4-2x2-a6": (105, 148),
}

MINIMAL = """
title = "Gala"
[page]
width_mm = 100
height_mm = 70
[fields.first_name]
box = [5, 5, 90, 20]
max_size = 30
[fields.last_name]
box = [5, 25, 90, 15]
"""


def test_every_bundled_template_loads_with_the_badge_size_it_promises() -> None:
    found = {t.id: t for t in list_templates([tpl.bundled_dir()])}
    assert set(EXPECTED_SIZES) <= set(found)
    for name, (w, h) in EXPECTED_SIZES.items():
        t = found[name]
        assert (t.width_mm, t.height_mm) == (w, h), name
        assert t.qr is not None and t.band is not None, name
    assert found["a4-2x4-card"].page_size_mm == (210, 297) and found["a4-2x4-card"].per_page == 8
    assert found["a4-2x2-a6"].per_page == 4
    assert found["a6"].qr is not None and min(found["a6"].qr.box.w, found["a6"].qr.box.h) >= 25


def test_every_category_has_polish_and_english_labels_and_a_readable_band() -> None:
    t = load_template("a6", [tpl.bundled_dir()])
    expected_pl = {"participant": "UCZESTNIK", "speaker": "PRELEGENT", "partner": "PARTNER", "media": "MEDIA",
                   "staff": "OBSŁUGA", "organiser": "ORGANIZATOR", "guest": "GOŚĆ"}
    for category in Category:
        style = t.category(category.value)
        assert style.label("pl") == expected_pl[category.value]
        assert style.label("en") == category.name
        text = style.text_colour or contrast_text_colour(style.colour)
        assert contrast_ratio(style.colour, text) >= 4.5, (category, style.colour, text)
    vip = t.category("vip")
    assert vip.label("pl") == "VIP"


def test_an_organiser_drops_a_template_into_the_user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tpl, "user_dir", lambda: tmp_path)
    (tmp_path / "gala.toml").write_text(MINIMAL + '\n[categories.speaker]\ncolour = "#004D40"\nlabel_pl = "MÓWCA"\n',
                                        encoding="utf-8")
    (tmp_path / "a6-green.toml").write_text('extends = "a6"\n[categories.participant]\ncolour = "#1B5E20"\n',
                                            encoding="utf-8")
    assert {"gala", "a6-green", "a6"} <= set(tpl.template_files())
    gala = load_template("gala")
    assert (gala.width_mm, gala.height_mm) == (100, 70)
    assert gala.category("speaker").label("pl") == "MÓWCA"
    assert gala.category("speaker").label("en") == "SPEAKER"
    green = load_template("a6-green")
    assert green.category("participant").colour == "#1B5E20"
    assert green.fields["first_name"] == load_template("a6").fields["first_name"]


def _write(tmp_path: Path, text: str, name: str = "broken.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "message"), [
    ("title = \n", "broken.toml: not valid TOML"),
    (MINIMAL.replace("[fields.last_name]\nbox = [5, 25, 90, 15]\n", ""), "[fields.last_name] is required"),
    (MINIMAL.replace("height_mm = 70", ""), "[page] is missing 'height_mm'"),
    (MINIMAL.replace("width_mm = 100", "widht_mm = 100\nwidth_mm = 100"), "unknown key(s) widht_mm"),
    (MINIMAL.replace("box = [5, 25, 90, 15]", "box = [5, 60, 90, 15]"), "reaches outside the 100 x 70 mm badge"),
    (MINIMAL.replace("box = [5, 25, 90, 15]", "box = [5, 25, 90]"), "expected [x, y, width, height] in mm"),
    (MINIMAL.replace("max_size = 30", "max_size = 30\nmin_size = 40"), "40 is larger than max_size 30"),
    (MINIMAL + '[band]\nbox = [0, 50, 100, 20]\ncolour = "blue"\n', "colour must look like"),
    (MINIMAL + "[sheet]\ncolumns = 3\nrows = 4\n", "need 300 x 280 mm, more than the 210 x 297 mm paper"),
    (MINIMAL + '[logo]\nfile = "missing.png"\nbox = [0, 0, 10, 10]\n', "missing.png does not exist"),
    ('extends = "nothing-like-this"\n', "extends = 'nothing-like-this', but there is no such template"),
])
def test_a_broken_template_says_which_file_and_what_to_fix(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(TemplateError) as err:
        load_template(str(path), [tpl.bundled_dir(), tmp_path])
    assert message in str(err.value)
    assert str(err.value).startswith("broken.toml: ")


def test_templates_that_extend_each_other_in_a_circle_are_refused(tmp_path: Path) -> None:
    _write(tmp_path, 'extends = "b"\n', "a.toml")
    _write(tmp_path, 'extends = "a"\n', "b.toml")
    with pytest.raises(TemplateError, match="circle"):
        load_template("a", [tmp_path])


def test_unknown_template_name_lists_the_available_ones() -> None:
    with pytest.raises(TemplateError, match=r"available: .*a6.*label-62x100"):
        load_template("a5")
