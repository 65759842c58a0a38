"""What the schema expects at a document path: the annotation, the model, the allowed keys.

Used to phrase errors ("unknown key 'tittle' (hint: did you mean 'title'?)"), to catch YAML
booleans where text is meant, and to salvage the valid parts of a broken file.
"""
from __future__ import annotations

import types
import typing
from typing import Annotated, Literal, Union

from pydantic import BaseModel

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


def is_model(annotation: object) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def field_named(model: type[BaseModel], key: object):
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


def accepts_bool(annotation: object) -> bool:
    """Whether true/false is a meaningful value here (a ``bool`` field)."""
    return any(arm is bool for arm in arms(annotation))
