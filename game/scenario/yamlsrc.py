"""Safe YAML reading that remembers where every value came from.

Only PyYAML's SafeLoader constructs values (no Python object tags). The node tree is walked by
hand so that duplicate keys, alias bombs, excessive nesting and YAML 1.1 booleans (``no`` for
Norway, ``yes`` as a ballot) are caught with their line and column instead of silently
becoming wrong values.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .issues import Issue, path_text

MAX_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000
BOOL_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}


@dataclass
class Source:
    """Parsed document: data, a map from document path to (line, col), and the problems."""

    data: object = None
    marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    bool_words: dict[tuple, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def mark(self, path: tuple) -> tuple[int, int]:
        """Line and column of the nearest recorded ancestor of ``path``."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.marks:
                return self.marks[path[:cut]]
        return (1, 1)


class _TooBig(Exception):
    pass


def parse(text: str, filename: str) -> Source:
    """Parse YAML text; never raises for bad input (problems are in ``Source.issues``)."""
    src = Source()
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        src.issues.append(Issue(filename, 1, 1, "error", "(file)",
                                f"file is larger than {MAX_BYTES // 1000} kB",
                                "a scenario is a few hundred lines; is this the right file?"))
        return src
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        hint = "indent with spaces, never tabs" if "\\t" in problem or "tab" in problem else \
            "check the indentation and quoting on this line and the one before"
        src.issues.append(Issue(filename, line, col, "error", "(syntax)", problem, hint))
        return src
    except yaml.YAMLError as exc:
        src.issues.append(Issue(filename, 1, 1, "error", "(syntax)", str(exc), ""))
        return src
    if node is None:
        src.issues.append(Issue(filename, 1, 1, "error", "(top)", "the file is empty",
                                "start from `python main.py new NAME`"))
        return src
    ctor = yaml.SafeLoader("")
    budget = [MAX_NODES]
    try:
        src.data = _build(node, (), src, ctor, filename, budget)
    except _TooBig:
        src.data = None
        src.issues.append(Issue(filename, node.start_mark.line + 1, 1, "error", "(top)",
                                f"the document expands to more than {MAX_NODES} values "
                                "(aliases or nesting too deep)",
                                "avoid YAML anchors/aliases in scenarios"))
    return src


def _build(node: yaml.Node, path: tuple, src: Source, ctor: yaml.SafeLoader,
           filename: str, budget: list[int]) -> object:
    budget[0] -= 1
    if budget[0] < 0 or len(path) > MAX_DEPTH:
        raise _TooBig
    src.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            key = _build(key_node, path + ("<key>",), src, ctor, filename, budget)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                src.issues.append(Issue(filename, key_node.start_mark.line + 1,
                                        key_node.start_mark.column + 1, "error", path_text(path),
                                        "a key must be a plain word", ""))
                continue
            if isinstance(key, bool):
                # Every key in the schema is text, so `yes:`/`no:` as keys mean the words.
                key = key_node.value
            key = str(key) if not isinstance(key, str) else key
            if key in out:
                first = src.marks.get(path + (key,), (0, 0))[0]
                src.issues.append(Issue(
                    filename, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    "error", path_text(path + (key,)), f"duplicate key {key!r} (first on line {first})",
                    "YAML keeps only the last one; merge the two or delete one"))
                continue
            src.marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = _build(value_node, path + (key,), src, ctor, filename, budget)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), src, ctor, filename, budget)
                for i, item in enumerate(node.value)]
    value = ctor.construct_object(node, deep=True)
    if isinstance(value, bool) and node.style is None and node.value.lower() in BOOL_WORDS:
        src.bool_words[path] = node.value
    return value
