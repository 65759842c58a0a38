"""YAML source: safe reading that remembers where every value came from and what was written.

Only PyYAML's SafeLoader scans, parses and constructs scalars (no Python object tags). Before
the node tree is built, one pass over the parser's events enforces the limits on nesting and on
alias expansion, so a "billion laughs" file is rejected after a few thousand events; a syntax
error becomes an Issue with a clearer message and a hint. The node tree is then walked by hand
so that duplicate keys, unknown tags and unreadable values are caught with their line and
column. The YAML 1.1 traps are noted, with the text as the author typed it, for the checks
that know the schema (validation.py): booleans (``NO`` for Norway, ``no`` as a ballot),
numbers with a leading zero (``010`` is octal 8) and numbers with colons (``1:30`` is 90, in
base 60).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

import yaml

from .messages import Issue, path_text, syntax_issues

MAX_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000
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
#: Unquoted numbers YAML 1.1 reads otherwise than a reader would: a leading zero (``010`` is
#: octal 8; ``019`` is not octal, so it stays text that pydantic turns into 19) and colons
#: (``1:30`` is 90, read in base 60).
LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
OCTAL = re.compile(r"[-+]?0[0-7_]+")


@dataclass
class YamlDocument:
    """A parsed document: its data, where each value was written, what YAML read differently
    from how it was written, and the problems found."""

    data: object = None
    #: Where each value starts, by document path.
    marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    #: Where each mapping key is written, by the path of its value.
    key_marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    #: Unquoted YAML 1.1 booleans (``no``, ``NO``, ``on``) as written, by path.
    bool_words: dict[tuple, str] = field(default_factory=dict)
    #: Unquoted numbers with a leading zero or a colon: path -> (text written, value read).
    numbers: dict[tuple, tuple[str, object]] = field(default_factory=dict)
    #: The text of every unquoted value YAML did not read as text (a number, a date, true,
    #: null), by path: hints quote what the author typed (``3.10``), not the value (3.1).
    written: dict[tuple, str] = field(default_factory=dict)
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


def parse(text: str, filename: str) -> YamlDocument:
    """Parse YAML text; never raises for bad input (problems are in ``YamlDocument.issues``)."""
    src = YamlDocument()
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

    def __init__(self, src: YamlDocument, filename: str) -> None:
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
        assert isinstance(node, yaml.ScalarNode)       # compose makes only these three kinds
        return self.scalar(node, path)

    def scalar(self, node: yaml.ScalarNode, path: tuple) -> object:
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
        if node.style in (None, ""):                   # plain: libyaml says '', PyYAML None
            self.note_plain(node.value, value, path)
        return value

    def note_plain(self, text: str, value: object, path: tuple) -> None:
        """Record what an unquoted scalar was read as, when that is not the text written."""
        if not isinstance(value, str):
            self.src.written[path] = text
        if isinstance(value, bool):
            if text.lower() in BOOL_WORDS:
                self.src.bool_words[path] = text
        elif isinstance(value, (int, float)) and (":" in text or OCTAL.fullmatch(text)) \
                or isinstance(value, str) and LEADING_ZERO.fullmatch(text):
            self.src.numbers[path] = (text, value)

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
                self.issue(key_node, path + (key,),
                           f"duplicate key {key!r} (first on line {first})",
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
            value = cast(dict, self.build(item, path))   # a MappingNode builds a dict
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


# --- guards: limits on the parser's events -----------------------------------------------

class Stop(Exception):
    """A limit was hit; ``issue`` says which and where."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def check_limits(text: str, filename: str, loader: type = yaml.SafeLoader) -> None:
    """One pass over the parser's events: raise Stop if the document nests deeper than
    MAX_DEPTH, expands (through aliases) to more than MAX_NODES values, or holds an alias to a
    node that contains it. Raises yaml.YAMLError for a syntax error."""
    sizes: dict[str | None, int] = {}       # anchor -> expanded size (stubs: anchors optional)
    open_anchors: set[str] = set()
    stack: list[list] = [[0, None]]         # [expanded size so far, anchor] per open collection

    def stop(event, message: str, hint: str) -> None:
        mark = event.start_mark
        raise Stop(Issue(filename, mark.line + 1, mark.column + 1, "error", "(limits)",
                          message, hint))

    def add(event, n: int) -> None:
        stack[-1][0] += n
        if stack[-1][0] > MAX_NODES or sum(f[0] for f in stack) > MAX_NODES:
            stop(event, f"the document expands to more than {MAX_NODES} values",
                 "aliases (*name) repeat their anchor's whole value; write scenarios out plainly")

    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) > MAX_DEPTH:
                stop(event, f"the document nests more than {MAX_DEPTH} levels deep",
                     "a scenario needs fewer than 10 levels; check the brackets")
            stack.append([1, event.anchor])
            if event.anchor:
                open_anchors.add(event.anchor)
        elif isinstance(event, yaml.CollectionEndEvent):
            size, anchor = stack.pop()
            if anchor:
                sizes[anchor] = size
                open_anchors.discard(anchor)
            add(event, size)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            add(event, 1)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor in open_anchors:
                stop(event, f"the alias *{event.anchor} refers to a value that contains it",
                     "an alias cannot repeat its own parent")
            add(event, sizes.get(event.anchor, 1))
