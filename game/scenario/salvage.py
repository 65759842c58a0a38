"""The valid parts of a scenario that failed validation, so the cross-reference checks can run.

A teacher who mistypes one key should still hear about an unknown country code elsewhere in
the same run. ``salvage`` drops each list item, mapping entry or optional field that does not
validate, and returns a ScenarioSpec built (without validation) from what is left, plus the
names of the top-level sections that could not be used at all; checks skip those.
"""
from __future__ import annotations

import typing
from functools import cache

from pydantic import BaseModel, TypeAdapter, ValidationError

from .models import ScenarioSpec, Strict
from .typeinfo import arms, is_model, unwrap

_FAIL = object()


@cache
def _adapter(annotation: object) -> TypeAdapter:
    """A validator for one annotation, with the models' settings (python regexes)."""
    if is_model(annotation):
        return TypeAdapter(annotation)
    return TypeAdapter(annotation, config=Strict.model_config)


@cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    annotation = info.annotation
    if info.metadata:
        annotation = typing.Annotated[(annotation, *info.metadata)]
    return _adapter(annotation)


def _valid(adapter: TypeAdapter, raw: object) -> object:
    try:
        return adapter.validate_python(raw)
    except (ValidationError, TypeError, ValueError):
        return _FAIL


def clean(annotation: object, raw: object, path: tuple = (),
          kept: dict[tuple, list[int]] | None = None) -> object:
    """``raw`` with the parts that do not validate against ``annotation`` removed (as plain
    data), or _FAIL if nothing usable is left.

    ``kept`` receives, for each list (by its path in the file) that lost items, the file
    index of each item kept, so problems can still be reported at the right line.
    """
    kept = {} if kept is None else kept
    if _valid(_adapter(annotation), raw) is not _FAIL:
        return raw
    for arm in map(unwrap, arms(annotation)):
        origin = typing.get_origin(arm)
        if is_model(arm) and isinstance(raw, dict):
            return _clean_model(arm, raw, path, kept)
        if origin is list and isinstance(raw, list):
            item = typing.get_args(arm)[0]
            pairs = [(i, clean(item, x, path + (i,), kept)) for i, x in enumerate(raw)]
            pairs = [(i, x) for i, x in pairs if x is not _FAIL]
            kept[path] = [i for i, _ in pairs]
            return [x for _, x in pairs]
        if origin is dict and isinstance(raw, dict):
            key_t, value_t = typing.get_args(arm)
            pairs = {k: clean(value_t, v, path + (k,), kept) for k, v in raw.items()
                     if _valid(_adapter(key_t), k) is not _FAIL}
            return {k: v for k, v in pairs.items() if v is not _FAIL}
    return _FAIL


def _clean_model(model: type[BaseModel], raw: dict, path: tuple,
                 kept: dict[tuple, list[int]]) -> object:
    out = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        value = clean(info.annotation, raw[key], path + (key,), kept) if key in raw else _FAIL
        if value is not _FAIL and _valid(_field_adapter(model, name), value) is _FAIL:
            value = _FAIL
        if value is _FAIL:
            if info.is_required():
                return _FAIL
            continue
        out[key] = value
    return out if _valid(_adapter(model), out) is not _FAIL else _FAIL


def file_path(path: tuple, kept: dict[tuple, list[int]]) -> tuple:
    """A path in the salvaged spec as the path in the file (list indices shifted back)."""
    out: list = []
    for part in path:
        index = kept.get(tuple(out))
        out.append(index[part] if isinstance(part, int) and index and part < len(index)
                   else part)
    return tuple(out)


def salvage(data: object) -> tuple[ScenarioSpec, set[str], dict[tuple, list[int]]]:
    """(partial spec, names of unusable top-level sections, kept list indices; see
    ``clean``) from raw data that failed validation. Unusable required sections are empty."""
    raw = data if isinstance(data, dict) else {}
    values: dict[str, object] = {}
    broken: set[str] = set()
    kept: dict[tuple, list[int]] = {}
    for name, info in ScenarioSpec.model_fields.items():
        key = info.alias or name
        if key not in raw:
            broken.add(name)
            continue
        cleaned = clean(info.annotation, raw[key], (key,), kept)
        valid = _valid(_field_adapter(ScenarioSpec, name), cleaned) if cleaned is not _FAIL \
            else _FAIL
        if valid is _FAIL:
            broken.add(name)
        else:
            values[name] = valid
    for name in broken:
        info = ScenarioSpec.model_fields[name]
        if not info.is_required():
            values[name] = info.get_default(call_default_factory=True)
        else:
            values[name] = _EMPTY.get(typing.get_origin(info.annotation))
    return ScenarioSpec.model_construct(**values), broken, kept


_EMPTY = {list: [], dict: {}}
