"""Safe YAML reading that remembers where every value came from.

Only PyYAML's SafeLoader scans, parses and constructs scalars (no Python object tags). Before
the node tree is built, one pass over the parser's events enforces the limits on nesting and on
alias expansion, so a "billion laughs" file is rejected after a few thousand events. The node
tree is then walked by hand so that duplicate keys, unknown tags, unreadable values and YAML 1.1
booleans (``NO`` for Norway, ``no`` as a ballot) are caught with their line and column instead
of silently becoming wrong values.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .issues import Issue, path_text
from .yamlguards import MAX_DEPTH, MAX_NODES, Stop, check_limits, syntax_issues

MAX_BYTES = 2_000_000
#: YAML 1.1 words PyYAML reads as booleans (any case).
BOOL_WORDS = {"yes", "no", "on", "off", "true", "false"}
_STD = "tag:yaml.org,2002:"
#: Tags a scenario may use, explicitly or implicitly; anything else (python/object, binary,
#: set, omap, custom ``!tags``) is reported.
SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
MERGE_TAG = _STD + "merge"
#: Safe loaders to try in turn: libyaml's (fast) if present, then PyYAML's own.
LOADERS: tuple[type, ...] = tuple(
    loader for loader in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader) if loader)
_KEY_TAGS = {_STD + t for t in ("str", "int", "float", "bool")}


@dataclass
class Source:
    """Parsed document: data, a map from document path to (line, col), and the problems."""

    data: object = None
    #: Where each value starts, by document path.
    marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    #: Where each mapping key is written, by the path of its value.
    key_marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    bool_words: dict[tuple, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    #: Document paths already reported (schema errors there would only repeat the problem).
    flagged: set[tuple] = field(default_factory=set)

    def mark(self, path: tuple) -> tuple[int, int]:
        """Line and column of the value at ``path``, or of its nearest recorded ancestor."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.marks:
                return self.marks[path[:cut]]
        return (1, 1)

    def key_mark(self, path: tuple) -> tuple[int, int]:
        """Line and column of the key of ``path`` (for unknown keys), else ``mark``."""
        return self.key_marks.get(path) or self.mark(path)


def parse(text: str, filename: str) -> Source:
    """Parse YAML text; never raises for bad input (problems are in ``Source.issues``)."""
    src = Source()
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "replace")) > MAX_BYTES:
        src.issues.append(Issue(filename, 1, 1, "error", "(file)",
                                f"file is larger than {MAX_BYTES // 1000} kB",
                                "a scenario is a few hundred lines; is this the right file?"))
        return src
    try:
        node = _compose(text, filename)
    except Stop as stop:
        src.issues.append(stop.issue)
        return src
    except yaml.YAMLError as exc:
        src.issues.extend(syntax_issues(exc, text, filename))
        return src
    if node is None:
        src.issues.append(Issue(filename, 1, 1, "error", "(top)", "the file is empty",
                                "start from `python main.py new NAME`"))
        return src
    walker = _Walker(src, filename)
    try:
        src.data = walker.build(node, ())
    except Stop as stop:
        src.data = None
        src.issues.append(stop.issue)
    return src


def _compose(text: str, filename: str) -> yaml.Node | None:
    """Check the limits, then build the node tree: with libyaml when it is installed (ten
    times faster), and again with the pure-Python parser after a syntax error, whose
    messages are more precise (it names the tab)."""
    for loader in LOADERS:
        try:
            check_limits(text, filename, loader)
            return yaml.compose(text, Loader=loader)
        except yaml.YAMLError:
            if loader is LOADERS[-1]:
                raise
    return None


class _Walker:
    """Builds plain data (dict, list, str, int, float, bool, None, date) from a node tree,
    recording marks and reporting what SafeLoader would accept but a scenario must not."""

    def __init__(self, src: Source, filename: str) -> None:
        self.src = src
        self.filename = filename
        self.ctor = yaml.SafeLoader("")
        self.budget = MAX_NODES

    def issue(self, node: yaml.Node, path: tuple, message: str, hint: str = "") -> None:
        self.src.flagged.add(path)
        self.src.issues.append(Issue(self.filename, node.start_mark.line + 1,
                                     node.start_mark.column + 1, "error", path_text(path),
                                     message, hint))

    def bad_tag(self, node: yaml.Node, path: tuple, what: str) -> None:
        """Report an explicit tag a scenario may not use (python objects above all)."""
        why = ("a scenario cannot create program objects" if "python" in node.tag
               else what)
        self.issue(node, path, f"the tag {_tag(node)} is not allowed in a scenario",
                   f"delete the tag; {why}")

    def build(self, node: yaml.Node, path: tuple) -> object:
        self.budget -= 1
        if self.budget < 0 or len(path) > MAX_DEPTH:
            raise Stop(Issue(self.filename, node.start_mark.line + 1, 1, "error", "(limits)",
                              f"the document expands to more than {MAX_NODES} values",
                              "avoid YAML anchors and aliases in scenarios"))
        self.src.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _STD + "seq":
                self.bad_tag(node, path, "write a plain list")
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def scalar(self, node: yaml.Node, path: tuple) -> object:
        if node.tag not in SCALAR_TAGS:
            self.bad_tag(node, path, "scenarios hold only text, numbers, dates and true/false")
            return None
        try:
            value = self.ctor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            what = "date" if node.tag.endswith("timestamp") else "value"
            reason = getattr(exc, "problem", None) or str(exc)
            self.issue(node, path, f"{node.value!r} is not a valid {what} ({reason})",
                       "write a date as YYYY-MM-DD; put text in quotes")
            return None
        plain = node.style in (None, "")               # libyaml says '', PyYAML None
        if isinstance(value, bool) and plain and node.value.lower() in BOOL_WORDS:
            self.src.bool_words[path] = node.value
        return value

    def mapping(self, node: yaml.MappingNode, path: tuple) -> dict:
        if node.tag != _STD + "map":
            self.bad_tag(node, path, "write a plain mapping")
        out: dict = {}
        merged: list[tuple[yaml.Node, dict]] = []
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                merged.extend(self.merge_sources(value_node, path))
                continue
            key = self.key(key_node, path)
            if key is None:
                continue
            if key in out:
                first = self.src.key_marks.get(path + (key,), (0, 0))[0]
                self.issue(key_node, path + (key,), f"duplicate key {key!r} (first on line {first})",
                           "YAML keeps only the last one; merge the two or delete one")
                continue
            self.src.key_marks[path + (key,)] = (key_node.start_mark.line + 1,
                                                 key_node.start_mark.column + 1)
            out[key] = self.build(value_node, path + (key,))
        for merge_node, values in merged:         # explicit keys win over merged ones
            for key, value in values.items():
                if key not in out:
                    self.src.key_marks.setdefault(path + (key,), (merge_node.start_mark.line + 1,
                                                                  merge_node.start_mark.column + 1))
                    out[key] = value
        return out

    def merge_sources(self, node: yaml.Node, path: tuple) -> list[tuple[yaml.Node, dict]]:
        """The mappings a ``<<:`` merge key brings in (one mapping or a list of them)."""
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        out = []
        for item in items:
            if not isinstance(item, yaml.MappingNode):
                self.issue(item, path, "'<<' (merge) must be followed by a mapping or a list "
                           "of mappings", "write <<: *name, where &name marks a mapping")
                continue
            value = self.build(item, path)
            out.append((node, value))
        return out

    def key(self, key_node: yaml.Node, path: tuple) -> str | None:
        """A mapping key as the text written (``no:`` means "no", ``2011:`` means "2011");
        None, after reporting, if it cannot be a key."""
        if not isinstance(key_node, yaml.ScalarNode):
            self.issue(key_node, path, "a key must be a plain word, not a list or mapping",
                       "write key: value")
            return None
        if key_node.tag in _KEY_TAGS and key_node.value:
            return key_node.value
        shown = key_node.value if key_node.tag in SCALAR_TAGS else _tag(key_node)
        self.issue(key_node, path, f"a key must be a plain word, not {shown!r}",
                   "quote it if it is text")
        return None


def _tag(node: yaml.Node) -> str:
    """A tag as the author wrote it: ``!!python/object`` rather than the long form."""
    return "!!" + node.tag[len(_STD):] if node.tag.startswith(_STD) else node.tag
