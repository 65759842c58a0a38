"""A case's own texts in the player's language: the file's ``translations`` block, by path.

A scenario is written in English; its ``translations`` block gives, per language, the texts
to show instead, each named by a *text path*: a field of the spec (``title``, ``summary``),
or an item of a section by its key and then the field (``sides.sponsors.briefing``,
``motions.l63.title``, ``texts.l28.paragraphs.op8.variants.soft.label``). Texts only: ids,
numbers, ballots and member lists cannot be translated, so a translation never changes a vote.
Delegations' names: ``members.<ISO3>.name``, else the shipped French names
(``game/data/un_2014/names_<lang>.csv``), else the name as written.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import get_args

from pydantic import BaseModel

from ..i18n import LANGUAGES, SOURCE
from .models import Member, ScenarioSpec

#: The fields that hold words a player reads (every other field is data).
TEXT_FIELDS = frozenset({
    "title", "summary", "name", "goal", "briefing", "label", "text", "description", "outcome",
    "note", "by", "accept_label", "refuse_label", "adopted_word", "prompt"})
#: Sections left as written: the sources' titles are the documents' own, the model block
#: and the member data are data (but for the facts' labels: ``members.facts.<id>.label``).
SKIPPED = frozenset({"sources", "members", "model", "backtest", "costs", "translations"})
#: Keys that name an item of a list section, tried in this order.
ITEM_KEYS = ("id", "motion")
#: Shipped translated names of the Member States (see game/data/un_2014/SOURCES.md).
NAMES_DIR = Path(__file__).resolve().parents[1] / "data" / "un_2014"


def _walk(value: object, prefix: str) -> Iterator[tuple[str, tuple]]:
    """(text path, route) of every text below ``value``: the route is the attribute names,
    list indices and dict keys that reach it."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if not prefix and name == "members":
                # the member data is data, but the facts' labels are read by a student
                facts = getattr(value, name).facts if getattr(value, name) else {}
                for sub, route in _walk(facts, "members.facts"):
                    yield sub, (name, "facts", *route)
                continue
            if not prefix and name in SKIPPED:
                continue
            child = getattr(value, name)
            path = f"{prefix}.{name}" if prefix else name
            if isinstance(child, str):
                if name in TEXT_FIELDS and not _constrained(type(value), name):
                    yield path, (name,)
            else:
                for sub, route in _walk(child, path):
                    yield sub, (name, *route)
    elif isinstance(value, dict):
        for key, child in value.items():
            if isinstance(child, BaseModel):
                for sub, route in _walk(child, f"{prefix}.{key}"):
                    yield sub, (key, *route)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            key = next((getattr(child, k) for k in ITEM_KEYS if hasattr(child, k)), None)
            if isinstance(child, BaseModel) and isinstance(key, str):
                for sub, route in _walk(child, f"{prefix}.{key}"):
                    yield sub, (i, *route)


def _constrained(model: type[BaseModel], name: str) -> bool:
    """The field is an id or a code (a string with a pattern), not words."""
    field = model.model_fields[name]
    return any(getattr(m, "pattern", None) for m in field.metadata) or _has_pattern(
        field.annotation)


def _has_pattern(annotation: object) -> bool:
    """``Ident | None`` and the like: an Annotated string with a pattern inside a union."""
    metadata = getattr(annotation, "__metadata__", ())
    return any(getattr(m, "pattern", None) for m in metadata) or any(
        _has_pattern(a) for a in get_args(annotation) if a is not annotation)


def text_paths(spec: ScenarioSpec) -> dict[str, tuple]:
    """Every text of ``spec`` that a translation may replace: text path -> route."""
    return dict(_walk(spec, ""))


def _replace(value, route: tuple, text: str):
    """``value`` with the text at ``route`` replaced (copies along the route only)."""
    head, rest = route[0], route[1:]
    if isinstance(value, BaseModel):
        new = text if not rest else _replace(getattr(value, head), rest, text)
        return value.model_copy(update={head: new})
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, text)}
    items = list(value)
    items[head] = _replace(items[head], rest, text)
    return items


def localise(spec: ScenarioSpec, lang: str) -> ScenarioSpec:
    """``spec`` with its texts in ``lang`` where its ``translations`` block gives them (the
    rest as written; unknown paths are ignored here, the checks report them)."""
    table = spec.translations.get(lang, {})
    if not table:
        return spec
    routes = text_paths(spec)
    for path, text in table.items():
        if path in routes:
            spec = _replace(spec, routes[path], text)
    return spec


@cache
def shipped_names(lang: str) -> Mapping[str, str]:
    """ISO3 -> the Member State's name in ``lang`` from the shipped table (empty if none)."""
    path = NAMES_DIR / f"names_{lang}.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {row["iso3"]: row["name"] for row in csv.DictReader(f)}


def member_paths(members: tuple[Member, ...]) -> set[str]:
    """The text paths of the delegations' names: ``members.<ISO3>.name``."""
    return {f"members.{m.iso3}.name" for m in members}


def localise_members(spec: ScenarioSpec, members: tuple[Member, ...],
                     lang: str) -> tuple[Member, ...]:
    """``members`` named in ``lang``: the file's own translation, else the shipped table,
    else as written (same order, same data)."""
    table = spec.translations.get(lang, {})
    names = shipped_names(lang)
    out = []
    for m in members:
        name = table.get(f"members.{m.iso3}.name") or names.get(m.iso3)
        out.append(m.model_copy(update={"name": name}) if name and name != m.name else m)
    return tuple(out)


def check_translations(ctx) -> None:
    """Each language of ``translations`` is one the game speaks, other than English, and each
    path names a text of the case (a scenario check: ``ctx`` is a messages.Context)."""
    known = set(text_paths(ctx.spec)) | member_paths(ctx.members)
    for lang, table in (ctx.spec.translations or {}).items():
        spoken = ", ".join(k for k in LANGUAGES if k != SOURCE)
        if lang == SOURCE:
            ctx.add(("translations", lang), f"the file itself is written in {lang!r}, so a "
                    "translation into it would never be shown",
                    f"change the texts where they are written, or translate into: {spoken}",
                    at_key=True)
            continue
        if lang not in LANGUAGES:
            ctx.add(("translations", lang), f"the game does not speak {lang!r}, so this "
                    "translation would never be shown",
                    f"write one of: {spoken} (the file itself is in {SOURCE})", at_key=True)
            continue
        for path in table:
            if path.split(".")[0] in ctx.broken:
                continue                 # its section could not be read: nothing to match
            ctx.ref(("translations", lang, path), path, known, "text path", at_key=True)


#: Fields shown on one line (a button, a heading, a list): the longest text allowed, in
#: characters; any other text is read in a box and may be longer. Three times the longest
#: of the shipped cases, written or translated (a name of 70, a briefing of 1,882), so that a
#: text pasted by mistake cannot stall the window that draws it.
SHORT_FIELDS = frozenset({"name", "title", "label", "by", "accept_label", "refuse_label",
                          "adopted_word", "outcome", "goal"})
SHORT_LIMIT, LONG_LIMIT = 300, 6000
#: Characters no text may hold: the C0 controls but for newline and tab, and DEL.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _text_problem(field: str, text: str) -> tuple[str, str] | None:
    """(message, hint) for a text that cannot be shown, else None."""
    bad = CONTROL.search(text)
    if bad:
        return (f"a control character (code {ord(bad.group())}) in the text",
                "delete it: in a double-quoted string an escape such as \\a or \\0 writes one")
    limit = SHORT_LIMIT if field in SHORT_FIELDS else LONG_LIMIT
    if len(text) > limit:
        return (f"the text is {len(text):,} characters long; a {field} may have at most "
                f"{limit:,}", "shorten it" + (" (a briefing can be longer: up to "
                                              f"{LONG_LIMIT:,})" if field == "name" else ""))
    return None


def check_texts(ctx) -> None:
    """Every text of the case, as written and as translated, can be drawn: no control
    characters, not too long for where it is shown, and a translation is not blank (a
    scenario check: ``ctx`` is a messages.Context)."""
    for path, route in text_paths(ctx.spec).items():
        if path.split(".")[0] in ctx.broken:
            continue
        value = ctx.spec
        for step in route:
            value = value[step] if isinstance(value, (list, dict)) else getattr(value, step)
        problem = _text_problem(route[-1], value) if isinstance(value, str) else None
        if problem:
            ctx.add(route, *problem)
    for lang, table in (ctx.spec.translations or {}).items():
        for path, text in table.items():
            problem = (("the translation is empty", "write the text, or delete the key (the "
                        "text is then shown as the file writes it)") if not text.strip()
                       else _text_problem(path.split(".")[-1], text))
            if problem:
                ctx.add(("translations", lang, path), *problem)

