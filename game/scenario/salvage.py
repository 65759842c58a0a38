"""The schema read along a document path, and the valid parts of a file that fails it.

``annotation_at`` and its helpers say what the schema expects at a path (the annotation, the
model, the allowed keys): used to phrase errors ("unknown key 'tittle' (hint: did you mean
'title'?)"), to catch YAML booleans where text is meant, and to generate the reference.

A teacher who mistypes one key should still hear about an unknown country code elsewhere in
the same run. ``salvage`` drops each list item, mapping entry or optional field that does not
validate, and returns a ScenarioSpec built (without validation) from what is left, plus the
names of the top-level sections that could not be used at all; checks skip those.
"""
from __future__ import annotations

import types
import typing
from functools import cache
from typing import Annotated, Any, Literal, TypeGuard, Union, cast

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from .fields import Strict
from .models import ScenarioSpec

_UNIONS = (Union, types.UnionType)


def unwrap(annotation: object) -> object:
    """The annotation without ``Annotated[...]`` wrappers."""
    while typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def arms(annotation: object) -> list[object]:
    """The alternatives of a union (``X | None`` gives [X, NoneType]); [annotation] otherwise.

    An ``Annotated`` type that is not a union is kept whole (its constraints name it).
    """
    inner = unwrap(annotation)
    if typing.get_origin(inner) in _UNIONS:
        return [a for arg in typing.get_args(inner) for a in arms(arg)]
    return [annotation]


def is_model(annotation: object) -> TypeGuard[type[BaseModel]]:
    """Whether the annotation is a pydantic model class."""
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def field_named(model: type[BaseModel], key: object) -> tuple[str, FieldInfo] | None:
    """(name, FieldInfo) of the field written as ``key`` (its alias or its name), or None."""
    for name, info in model.model_fields.items():
        if key == (info.alias or name):
            return name, info
    return None


def step(annotation: object, part: object) -> object | None:
    """The annotation one level down, at key or index ``part``; None if there is none."""
    for arm in map(unwrap, arms(annotation)):
        origin = typing.get_origin(arm)
        if is_model(arm) and isinstance(part, str):
            found = field_named(arm, part)
            if found:
                return found[1].annotation
        elif origin is list and isinstance(part, int):
            return typing.get_args(arm)[0]
        elif origin is tuple and isinstance(part, int):
            args = typing.get_args(arm)
            if args and args[-1] is not Ellipsis and part < len(args):
                return args[part]
        elif origin is dict and isinstance(part, str):
            return typing.get_args(arm)[1]
    return None


def annotation_at(path: tuple, root: object = ScenarioSpec) -> object | None:
    """The annotation of the value at a document path, or None if the schema has no such
    place (e.g. under an unknown key)."""
    annotation: object | None = root
    for part in path:
        annotation = step(annotation, part)
        if annotation is None:
            return None
    return annotation


def model_at(path: tuple) -> type[BaseModel] | None:
    """The model whose keys are written at ``path`` (a mapping), or None."""
    annotation = annotation_at(path)
    return next((a for a in arms(annotation) if is_model(a)), None) if annotation else None


def allowed_keys(path: tuple) -> list[str]:
    """Keys the schema allows in the mapping at ``path`` (for 'did you mean' hints)."""
    annotation = annotation_at(path)
    if annotation is None:
        return []
    for arm in map(unwrap, arms(annotation)):
        if is_model(arm):
            return [info.alias or name for name, info in arm.model_fields.items()]
        if typing.get_origin(arm) is dict:
            key = unwrap(typing.get_args(arm)[0])
            if typing.get_origin(key) is Literal:
                return [str(v) for v in typing.get_args(key)]
    return []


def accepts(annotation: object, *kinds: type) -> bool:
    """Whether a value of one of ``kinds`` (bool, str, int, float) is meant here: a field of
    that type, or one of a list of allowed values of that type (``Literal``)."""
    for arm in map(unwrap, arms(annotation)):
        if arm in kinds or typing.get_origin(arm) is Literal \
                and any(type(a) in kinds for a in typing.get_args(arm)):
            return True
    return False


# --- salvage: what is left of a file that fails the schema ---------------------------

_FAIL = object()


@cache
def _adapter(annotation: object) -> TypeAdapter[Any]:
    """A validator for one annotation, with the models' settings (python regexes)."""
    if is_model(annotation):
        return TypeAdapter(annotation)
    # an annotation read from the models at run time (a union, Annotated, Literal, list[...]):
    # a type form to pydantic, an opaque object to mypy
    return TypeAdapter(cast(Any, annotation), config=Strict.model_config)


@cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    annotation: object = info.annotation
    if info.metadata:
        annotation = typing.Annotated[(annotation, *info.metadata)]
    return _adapter(annotation)


def _valid(adapter: TypeAdapter[Any], raw: object) -> object:
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
            entries = {k: clean(value_t, v, path + (k,), kept) for k, v in raw.items()
                       if _valid(_adapter(key_t), k) is not _FAIL}
            return {k: v for k, v in entries.items() if v is not _FAIL}
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
    values: dict[str, Any] = {}                  # field name -> validated value, any type
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


#: The empty value of a required section that could not be used, by its container type.
_EMPTY: dict[object, object] = {list: [], dict: {}}
