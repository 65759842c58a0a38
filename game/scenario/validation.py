"""Schema errors as Issues a teacher can act on: pydantic's errors, and YAML's traps.

pydantic says "Input should be a valid string"; a teacher needs "title: 1984 was read as a
number, not text (hint: put it in quotes: '1984')". Each pydantic error type maps, through the
table ``EXPLAIN``, to a message and a hint; errors that pydantic reports once per alternative
of a union (an id *or* 'absent') are merged into one. Where YAML 1.1 read an unquoted value
otherwise than it was written (a boolean for ``no``, octal for ``010``, base 60 for ``1:30``)
and the schema shows it matters, ``yaml_trap_issues`` says so before pydantic would report
the value it was turned into.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .files import shipped
from .messages import Issue, path_text, suggest
from .salvage import accepts, allowed_keys, annotation_at, model_at
from .yamlsrc import YamlDocument

#: Pattern -> (what it is, an example) for string_pattern_mismatch errors.
PATTERNS = {
    "[a-z_]+(\\.": ("a text path", "field names and ids joined by dots, e.g. "
                                  "sides.sponsors.briefing or motions.c3_draft.title"),
    "^[a-z]{2}$": ("a language code", "two lower-case letters, e.g. fr"),
    "[A-Z]{3}": ("an ISO 3166 alpha-3 code", "three capital letters, e.g. FRA"),
    "[a-z][a-z0-9_]*": ("an id", "lower-case letters, digits and _, starting with a letter"),
    "\\.\\.": ("a path inside the scenario's folder",
               "a relative path such as roll_calls/vote.csv, without '..' or a leading '/'"),
}


def shown(value: object) -> str:
    """A value as the author wrote it in YAML, for messages."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _pattern(err: dict) -> tuple[str, str]:
    pattern = str(err.get("ctx", {}).get("pattern", ""))
    return next((v for k, v in PATTERNS.items() if k in pattern), ("valid", pattern))


def _ident_for(value: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", value.lower()).strip("_") or "x"


def _pattern_error(err: dict, path: tuple) -> tuple[str, str]:
    what, example = _pattern(err)
    value = str(err.get("input"))
    hint = example
    if what.startswith("an ISO"):
        countries = {m.iso3: m.name for m in shipped("un_2014")}
        hint = suggest(value, countries, countries) or hint
    elif what == "an id" and _ident_for(value)[0].isalpha():
        hint = f"{example}, e.g. {_ident_for(value)!r}"
    return f"{shown(err.get('input'))} is not {what}", hint


def _literal_error(err: dict, path: tuple) -> tuple[str, str]:
    expected = str(err.get("ctx", {}).get("expected", ""))
    options = [e.strip(" '") for e in expected.replace(" or ", ",").split(",") if e.strip()]
    hint = suggest(err.get("input"), options)
    return f"{shown(err.get('input'))} is not allowed here", hint or f"expected {expected}"


def _string_type(err: dict, path: tuple) -> tuple[str, str]:
    value = err.get("input")
    if value is None:
        return "the value is empty", "write the text, or delete the key"
    if isinstance(value, (int, float, datetime.date)):
        return (f"{shown(value)} was read as a number or date, not as text",
                f"put it in quotes: '{err.get('written') or value}'")
    return f"expected text, found {shown(value)}", "write the text on the same line as the key"


def _expected(what: str, hint: str = "") -> Callable[[dict, tuple], tuple[str, str]]:
    return lambda err, path: (f"expected {what}, found {shown(err.get('input'))}", hint)


def _missing(err: dict, path: tuple) -> tuple[str, str]:
    model = model_at(path[:-1])
    info = next((f for n, f in model.model_fields.items() if path[-1] in (n, f.alias)),
                None) if model else None
    about = (info.description or "").rstrip(".") if info else ""
    return (f"missing required key {path[-1]!r}",
            f"add '{path[-1]}:'" + (f" ({about[0].lower()}{about[1:]})" if about else ""))


def _extra(err: dict, path: tuple) -> tuple[str, str]:
    return f"unknown key {path[-1]!r}", suggest(path[-1], allowed_keys(path[:-1]))


def _bound(err: dict, path: tuple) -> tuple[str, str]:
    msg = str(err["msg"]).replace("Input should be", "must be")
    return f"{shown(err.get('input'))}: {msg[0].lower() + msg[1:]}", ""


#: pydantic error type -> function (error, document path) -> (message, hint).
EXPLAIN: dict[str, Callable[[dict, tuple], tuple[str, str]]] = {
    "extra_forbidden": _extra,
    "missing": _missing,
    "literal_error": _literal_error,
    "enum": _literal_error,
    "string_pattern_mismatch": _pattern_error,
    "string_type": _string_type,
    "int_type": _expected("a whole number", "write digits, e.g. 12"),
    "int_parsing": _expected("a whole number", "write digits, e.g. 12"),
    "int_from_float": _expected("a whole number", "no decimals here, e.g. 12"),
    "int_parsing_size": _expected("a smaller whole number"),
    "float_type": _expected("a number", "write digits, e.g. 0.5 or -1"),
    "float_parsing": _expected("a number", "write digits, e.g. 0.5 or -1"),
    "finite_number": _expected("a finite number", "not .nan or .inf"),
    "bool_type": _expected("true or false"),
    "bool_parsing": _expected("true or false"),
    "date_type": _expected("a date", "write it as YYYY-MM-DD, e.g. 2014-05-22"),
    "date_parsing": _expected("a date", "write it as YYYY-MM-DD, e.g. 2014-05-22"),
    "date_from_datetime_parsing": _expected("a date", "write it as YYYY-MM-DD"),
    "date_from_datetime_inexact": _expected("a date without a time", "write it as YYYY-MM-DD"),
    "list_type": _expected("a list", "write [A, B] or one '- item' per line"),
    "tuple_type": _expected("a list of two numbers", "e.g. [-2.4, 2.4]"),
    "dict_type": _expected("a mapping", "write one 'key: value' per line, indented"),
    "model_type": _expected("a mapping", "write one 'key: value' per line, indented"),
    "model_attributes_type": _expected("a mapping", "write one 'key: value' per line"),
    "too_short": _bound,
    "too_long": _bound,
    "string_too_long": _bound,
    "greater_than": _bound,
    "greater_than_equal": _bound,
    "less_than": _bound,
    "less_than_equal": _bound,
}


def document_path(loc: tuple, data: object) -> tuple[tuple, bool]:
    """Pydantic's ``loc`` as a path in the document, and whether it names a mapping key.

    ``loc`` mixes document keys with names of union alternatives ('constrained-str',
    "literal['absent']") and '[key]' for a key's own error; those are left out.
    """
    out: list = []
    node = data
    is_key = False
    for i, part in enumerate(loc):
        if part == "[key]":
            is_key = True
        elif isinstance(node, dict) and part in node:
            out.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and i == len(loc) - 1 and isinstance(part, str):
            out.append(part)                   # a missing key
    return tuple(out), is_key


def pydantic_issues(exc: ValidationError, src: YamlDocument, filename: str,
                    skip: set[tuple]) -> list[Issue]:
    """Every schema error as an Issue, one per place; places in ``skip`` (already reported
    by the YAML reader) and their insides are left out."""
    by_place: dict[tuple, list[ErrorDetails]] = {}
    for err in exc.errors():
        path, is_key = document_path(tuple(err["loc"]), src.data)
        if any(path[:n] in skip for n in range(len(path) + 1)):
            continue
        by_place.setdefault((path, is_key), []).append(err)
    out = []
    for (path, is_key), errs in by_place.items():
        at_key = is_key or any(e["type"] == "extra_forbidden" for e in errs)
        line, col = src.key_mark(path) if at_key else src.mark(path)
        # what the author typed, for hints that quote it (3.10, not the 3.1 YAML read)
        message, hint = _explain([{**e, "written": src.written.get(path)} for e in errs], path)
        if is_key:
            message = f"key {message}"
        out.append(Issue(filename, line, col, "error", path_text(path), message, hint))
    return out


def _explain(errs: list[dict], path: tuple) -> tuple[str, str]:
    """One (message, hint) for all errors at one place (several for a union)."""
    explained = [EXPLAIN.get(e["type"], lambda e, p: (str(e["msg"]), ""))(e, path) for e in errs]
    if len(explained) == 1:
        return explained[0]
    hints = [h for _, h in explained if h]
    did = next((h for h in hints if h.startswith("did you mean")), None)
    return (f"{shown(errs[0].get('input'))} is not valid here",
            did or "; or ".join(dict.fromkeys(hints)))


def yaml_trap_issues(src: YamlDocument, filename: str) -> tuple[list[Issue], set[tuple]]:
    """Every unquoted value YAML 1.1 read otherwise than written, where the schema shows it
    matters: a bare yes/no/on/off (any case) where true/false is not meant (``NO``, Norway, or
    ``no``, a ballot, would be lost), and a number with a leading zero or a colon.

    Returns the issues and the document paths they concern.
    """
    out, paths = [], set()
    for path, word in src.bool_words.items():
        annotation = annotation_at(path)
        if annotation is None or accepts(annotation, bool):
            continue
        line, col = src.mark(path)
        hint = f"put it in quotes: '{word}'"
        if "A-Z]{3}" in repr(annotation):
            hint += "; country codes here have three letters (Norway is NOR)"
        as_bool = "true" if word.lower() in ("yes", "on", "true") else "false"
        out.append(Issue(filename, line, col, "error", path_text(path),
                         f"{word!r} was read by YAML as {as_bool}, not as the word", hint))
        paths.add(path)
    for path, (text, value) in src.numbers.items():
        annotation = annotation_at(path)
        found = _number_trap(text, value, annotation) if annotation is not None else None
        if found:
            line, col = src.mark(path)
            out.append(Issue(filename, line, col, "error", path_text(path), *found))
            paths.add(path)
    return out, paths


def _number_trap(text: str, value: object, annotation: object) -> tuple[str, str] | None:
    """(message, hint) for an unquoted number with a colon or a leading zero, or None where
    the schema takes it as the text written (``symbol: 019`` stays '019')."""
    as_text, as_number = accepts(annotation, str), accepts(annotation, int, float)
    if not (as_text or as_number):      # a date, a list...: the schema error says it
        return None
    quoted = f"put it in quotes: '{text}'"
    if ":" in text:
        return (f"{text!r} was read by YAML as {value}: a number with ':' is read in base 60",
                quoted if as_text else f"write a single number, without ':'; if it is text, "
                                       f"{quoted}")
    if isinstance(value, str):          # 019 is no octal number: YAML keeps the text
        if not as_number:
            return None
        message = (f"{text!r} starts with a zero, and YAML reads such numbers as octal (010 is "
                   "8): the number meant is unclear")
    else:
        message = f"{text!r} was read by YAML as {value}: a leading zero makes it octal"
    sign, digits = (text[0], text[1:]) if text[0] in "+-" else ("", text)
    plain = sign.replace("+", "") + (digits.replace("_", "").lstrip("0") or "0")
    return message, quoted if as_text else f"write {plain} (no leading zero) or {quoted}"
