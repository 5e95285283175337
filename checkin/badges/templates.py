# SPDX-License-Identifier: MIT
"""Badge templates as data: TOML files in resources/badge_templates or the user's folder.

An organiser adds a template by dropping a `.toml` file into
`platformdirs.user_data_dir("checkin")/badge_templates` (or passing a path); no code. A template may
`extends = "a6"` another one and change only what differs (colours, one box, a sheet layout).
Coordinates are millimetres from the top-left corner of the badge, boxes are `[x, y, width, height]`.
Every mistake is reported with the file and the key (`a6.toml: [fields.first_name] box: ...`), and
unknown keys are refused so a typo does not silently do nothing.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checkin.domain.models import Category

TEXT_FIELDS = ("event", "dates", "first_name", "last_name", "organisation", "position")
LANGUAGES = ("pl", "en")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")

# Default band colours (white or black label chosen for contrast) and labels, per category.
DEFAULT_CATEGORIES: dict[str, tuple[str, str, str]] = {
    Category.PARTICIPANT.value: ("#1F5FA8", "UCZESTNIK", "PARTICIPANT"),
    Category.SPEAKER.value: ("#C62828", "PRELEGENT", "SPEAKER"),
    Category.PARTNER.value: ("#2E7D32", "PARTNER", "PARTNER"),
    Category.MEDIA.value: ("#F9A825", "MEDIA", "MEDIA"),
    Category.STAFF.value: ("#455A64", "OBSŁUGA", "STAFF"),
    Category.ORGANISER.value: ("#212121", "ORGANIZATOR", "ORGANISER"),
    Category.GUEST.value: ("#6A1B9A", "GOŚĆ", "GUEST"),
}


class TemplateError(Exception):
    """A template file that cannot be used; the message names the file, the key and the fix."""


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class TextStyle:
    box: Box
    max_size: float
    min_size: float
    max_lines: int = 1
    wrap_below: float | None = None
    bold: bool = False
    align: str = "center"  # left | center | right
    valign: str = "middle"  # top | middle | bottom
    colour: str = "#000000"
    upper: bool = False


@dataclass(frozen=True, slots=True)
class CategoryStyle:
    colour: str
    labels: Mapping[str, str]
    text_colour: str | None = None  # None: black or white, whichever contrasts more

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels.get("en") or next(iter(self.labels.values()), "")


@dataclass(frozen=True, slots=True)
class Band:
    box: Box
    text: TextStyle


@dataclass(frozen=True, slots=True)
class QrSpec:
    box: Box  # the code is a square of min(w, h), centred in the box
    quiet_modules: int = 2


@dataclass(frozen=True, slots=True)
class Logo:
    path: Path
    box: Box


@dataclass(frozen=True, slots=True)
class NoPhotoMark:
    """The discreet mark on the badge of someone who did not consent to photos (wizerunek): a small
    filled dot photographers are told about (their list shows the same mark). `[no_photo]` in a
    template moves or recolours it; without it the dot sits in the badge's top-right corner."""

    box: Box  # the dot is a circle of min(w, h), centred in the box
    colour: str = "#263238"


def default_no_photo(width_mm: float) -> NoPhotoMark:
    return NoPhotoMark(Box(width_mm - 8.0, 2.0, 5.0, 5.0))


@dataclass(frozen=True, slots=True)
class Sheet:
    """Several badges on one sheet (office printers): a grid centred on the paper."""

    width_mm: float
    height_mm: float
    columns: int
    rows: int
    gap_mm: float = 0.0
    cut_marks: bool = True

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


def badge_language(template: BadgeTemplate, event: Any) -> str:
    """The language printed on a badge: the template's own if it names one, else the event's
    (`badge_language`, else its `language`), else Polish. Never the desk's interface language: a
    badge printed at an English-speaking desk must match the ones printed before the doors opened."""
    if template.language:
        return template.language
    settings = getattr(event, "settings", None) or {}
    for key in ("badge_language", "language"):
        value = str(settings.get(key, "") or "")
        if value in LANGUAGES:
            return value
    return "pl"


@dataclass(frozen=True, slots=True)
class BadgeTemplate:
    id: str
    title: str
    source: Path
    width_mm: float
    height_mm: float
    language: str
    fields: Mapping[str, TextStyle]
    band: Band | None
    qr: QrSpec | None
    logo: Logo | None
    categories: Mapping[str, CategoryStyle]
    sheet: Sheet | None = None
    outline: bool = False  # a thin grey outline to cut along on plain paper
    extra: Mapping[str, Any] = field(default_factory=dict)
    no_photo: NoPhotoMark | None = None  # None: the default corner dot (see `no_photo_mark`)

    @property
    def no_photo_mark(self) -> NoPhotoMark:
        return self.no_photo or default_no_photo(self.width_mm)

    def title_for(self, language: str) -> str:
        """The name people see in a template list, in their language."""
        return str(self.extra.get(f"title_{language}", self.title)) if language != "en" else self.title

    @property
    def page_size_mm(self) -> tuple[float, float]:
        """The paper the printer gets: the sheet when badges are tiled, else the badge itself."""
        if self.sheet:
            return self.sheet.width_mm, self.sheet.height_mm
        return self.width_mm, self.height_mm

    @property
    def per_page(self) -> int:
        return self.sheet.per_page if self.sheet else 1

    def category(self, name: str) -> CategoryStyle:
        """The style for a category; an unknown one gets a neutral grey band with its own name."""
        style = self.categories.get(name)
        if style is None:
            return CategoryStyle("#757575", {"pl": name.upper(), "en": name.upper()})
        return style


def bundled_dir() -> Path:
    from checkin.resources import resource_path

    return resource_path("badge_templates")


def user_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("checkin", appauthor=False)) / "badge_templates"


def search_dirs(extra: list[Path] | None = None) -> list[Path]:
    """Where templates are found; later folders win when two files share a name."""
    return [bundled_dir(), user_dir(), *(extra or [])]


def template_files(dirs: list[Path] | None = None) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in dirs or search_dirs():
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found[path.stem] = path
    return found


def list_templates(dirs: list[Path] | None = None) -> list[BadgeTemplate]:
    """Every usable template; a broken file raises, naming itself (an organiser must see that)."""
    return [load_template(name, dirs) for name in sorted(template_files(dirs))]


def load_template(name_or_path: str | Path, dirs: list[Path] | None = None) -> BadgeTemplate:
    """A template by id (`a6`) or by file path (`~/badges/gala.toml`)."""
    files = template_files(dirs)
    text = str(name_or_path)
    if text in files:
        path = files[text]
    elif text.endswith(".toml") or "/" in text or "\\" in text:
        path = Path(text).expanduser()
        if not path.is_file():
            raise TemplateError(f"template file {path} does not exist")
    else:
        known = ", ".join(sorted(files)) or "none"
        raise TemplateError(f"no badge template '{text}'; available: {known} (see `checkin badge templates`)")
    return _build(path, _resolve(path, files, ()))


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{path.name}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the template: {exc.strerror}") from exc


def _resolve(path: Path, files: Mapping[str, Path], chain: tuple[Path, ...]) -> dict[str, Any]:
    """The file's data with `extends` applied (base first, this file's keys win, tables merge)."""
    if path in chain:
        names = " -> ".join(p.stem for p in (*chain, path))
        raise TemplateError(f"{path.name}: `extends` goes round in a circle ({names})")
    data = _read(path)
    base_name = data.pop("extends", None)
    if base_name is None:
        return data
    if not isinstance(base_name, str) or base_name not in files:
        raise TemplateError(f"{path.name}: extends = {base_name!r}, but there is no such template; "
                            f"available: {', '.join(sorted(files))}")
    return _merge(_resolve(files[base_name], files, (*chain, path)), data)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


class _Table:
    """Reads one TOML table, naming the file and table in every complaint."""

    def __init__(self, data: Any, where: str, file: str) -> None:
        if not isinstance(data, dict):
            raise TemplateError(f"{file}: {where} must be a table, e.g. [{where.strip('[]')}]")
        self.data, self.where, self.file = data, where, file
        self.used: set[str] = set()

    def fail(self, key: str, message: str) -> TemplateError:
        return TemplateError(f"{self.file}: {self.where} {key}: {message}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ..., *, hint: str = "") -> Any:
        self.used.add(key)
        if key not in self.data:
            if default is ...:
                raise TemplateError(f"{self.file}: {self.where} is missing '{key}'{' (' + hint + ')' if hint else ''}")
            return default
        value = self.data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if float in kinds and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            names = " or ".join("number" if k is float else k.__name__ for k in kinds)
            raise self.fail(key, f"expected {names}, got {value!r}")
        return value

    def positive(self, key: str, default: Any = ..., *, hint: str = "") -> Any:
        value = self.get(key, float, default, hint=hint)
        if value is not None and value is not default and value <= 0:
            raise self.fail(key, f"must be more than 0, got {value}")
        return value

    def colour(self, key: str, default: Any = ...) -> Any:
        value = self.get(key, str, default)
        if isinstance(value, str) and not _COLOUR.fullmatch(value):
            raise self.fail(key, f"colour must look like \"#1F5FA8\", got {value!r}")
        return value

    def choice(self, key: str, options: tuple[str, ...], default: str) -> str:
        value = str(self.get(key, str, default))
        if value not in options:
            raise self.fail(key, f"must be one of {', '.join(options)}, got {value!r}")
        return value

    def box(self, key: str, width: float, height: float) -> Box:
        value = self.get(key, list, hint="[x, y, width, height] in mm from the top-left corner")
        if len(value) != 4 or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
            raise self.fail(key, f"expected [x, y, width, height] in mm, got {value!r}")
        x, y, w, h = (float(v) for v in value)
        if w <= 0 or h <= 0:
            raise self.fail(key, f"width and height must be more than 0, got {value!r}")
        if x < 0 or y < 0 or x + w > width + 0.01 or y + h > height + 0.01:
            raise self.fail(key, f"{value!r} reaches outside the {width:g} x {height:g} mm badge")
        return Box(x, y, w, h)

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise TemplateError(f"{self.file}: {self.where} has unknown key(s) {', '.join(unknown)}; "
                                f"expected: {', '.join(sorted(self.used))}")


def _text_style(table: _Table, width: float, height: float, default_size: float = 12.0) -> TextStyle:
    max_size = table.positive("max_size", default_size)
    min_size = table.positive("min_size", min(max_size, 6.0))
    if min_size > max_size:
        raise table.fail("min_size", f"{min_size:g} is larger than max_size {max_size:g}")
    max_lines = table.get("max_lines", int, 1)
    if max_lines < 1:
        raise table.fail("max_lines", "must be at least 1")
    style = TextStyle(
        box=table.box("box", width, height), max_size=max_size, min_size=min_size, max_lines=max_lines,
        wrap_below=table.positive("wrap_below", None), bold=table.get("bold", bool, False),
        align=table.choice("align", ("left", "center", "right"), "center"),
        valign=table.choice("valign", ("top", "middle", "bottom"), "middle"),
        colour=table.colour("colour", "#000000"), upper=table.get("upper", bool, False),
    )
    table.done()
    return style


def _build(path: Path, data: dict[str, Any]) -> BadgeTemplate:
    name = path.name
    if not _ID.fullmatch(path.stem):
        raise TemplateError(f"{name}: use a file name of lower-case letters, digits, '-', '_' (it is the template id)")
    root = _Table(data, "top level", name)
    title = root.get("title", str, path.stem)
    # "" (not given): the event's badge language decides (`badge_language` in the event file); a template
    # that names one overrides the event (a bilingual congress's English-only speaker badges)
    language = root.choice("language", (*LANGUAGES, ""), "")
    title_pl = root.get("title_pl", str, title)
    page = _Table(root.get("page", dict, hint="[page] width_mm, height_mm"), "[page]", name)
    width = page.positive("width_mm", hint="badge width in mm")
    height = page.positive("height_mm", hint="badge height in mm")
    outline = page.get("outline", bool, False)
    page.done()

    fields_data = _Table(root.get("fields", dict, hint="[fields.first_name] etc."), "[fields]", name)
    fields: dict[str, TextStyle] = {}
    for key in TEXT_FIELDS:
        if key in fields_data.data:
            fields[key] = _text_style(_Table(fields_data.get(key, dict), f"[fields.{key}]", name), width, height)
    for key in ("first_name", "last_name"):
        if key not in fields:
            raise TemplateError(f"{name}: [fields.{key}] is required (box = [x, y, width, height] in mm)")
    fields_data.done()

    band = None
    if "band" in data:
        bt = _Table(root.get("band", dict), "[band]", name)
        box = bt.box("box", width, height)
        pad = bt.get("padding_mm", float, 1.5)
        inner = Box(box.x + pad, box.y + pad * 0.5, max(1.0, box.w - 2 * pad), max(1.0, box.h - pad))
        bt.data.setdefault("bold", True)
        text = _text_style(_Table({**{k: v for k, v in bt.data.items() if k not in ("box", "padding_mm")},
                                   "box": [inner.x, inner.y, inner.w, inner.h]}, "[band]", name), width, height)
        band = Band(box, text)

    qr = None
    if "qr" in data:
        qt = _Table(root.get("qr", dict), "[qr]", name)
        qr = QrSpec(qt.box("box", width, height), qt.get("quiet_modules", int, 2))
        qt.done()

    logo = None
    if "logo" in data:
        lt = _Table(root.get("logo", dict), "[logo]", name)
        logo_path = (path.parent / lt.get("file", str, hint="image file, relative to the template")).resolve()
        if not logo_path.is_file():
            raise lt.fail("file", f"{logo_path} does not exist")
        logo = Logo(logo_path, lt.box("box", width, height))
        lt.done()

    no_photo = None
    if "no_photo" in data:
        nt = _Table(root.get("no_photo", dict), "[no_photo]", name)
        no_photo = NoPhotoMark(nt.box("box", width, height), nt.colour("colour", "#263238"))
        nt.done()

    categories = {key: CategoryStyle(c, {"pl": pl, "en": en}) for key, (c, pl, en) in DEFAULT_CATEGORIES.items()}
    if "categories" in data:
        ct = _Table(root.get("categories", dict), "[categories]", name)
        for key in list(ct.data):
            one = _Table(ct.get(key, dict), f"[categories.{key}]", name)
            base = categories.get(key, CategoryStyle("#757575", {"pl": key.upper(), "en": key.upper()}))
            labels = dict(base.labels)
            for lang in LANGUAGES:
                labels[lang] = one.get(f"label_{lang}", str, labels.get(lang, key.upper()))
            categories[key] = CategoryStyle(one.colour("colour", base.colour), labels,
                                            one.colour("text_colour", base.text_colour))
            one.done()
        ct.done()

    sheet = None
    if "sheet" in data:
        st = _Table(root.get("sheet", dict), "[sheet]", name)
        sheet = Sheet(st.positive("width_mm", 210.0), st.positive("height_mm", 297.0),
                      st.get("columns", int, hint="badges across"), st.get("rows", int, hint="badges down"),
                      st.get("gap_mm", float, 0.0), st.get("cut_marks", bool, True))
        if sheet.columns < 1 or sheet.rows < 1:
            raise st.fail("columns/rows", "must be at least 1")
        need_w = sheet.columns * width + (sheet.columns - 1) * sheet.gap_mm
        need_h = sheet.rows * height + (sheet.rows - 1) * sheet.gap_mm
        if need_w > sheet.width_mm + 0.01 or need_h > sheet.height_mm + 0.01:
            raise TemplateError(f"{name}: [sheet] {sheet.columns} x {sheet.rows} badges of {width:g} x {height:g} mm "
                                f"need {need_w:g} x {need_h:g} mm, more than the {sheet.width_mm:g} x "
                                f"{sheet.height_mm:g} mm paper")
        st.done()
    for key in ("band", "qr", "logo", "categories", "sheet", "no_photo"):
        root.used.add(key)
    root.done()
    return BadgeTemplate(path.stem, title, path, width, height, language, fields, band, qr, logo,
                         categories, sheet, outline, {"title_pl": title_pl}, no_photo=no_photo)


def iter_problems(dirs: list[Path] | None = None) -> Iterator[str]:
    """One line per template file that does not load (for `checkin badge templates`)."""
    for name in sorted(template_files(dirs)):
        try:
            load_template(name, dirs)
        except TemplateError as exc:
            yield str(exc)
