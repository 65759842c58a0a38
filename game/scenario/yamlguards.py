"""The YAML reader's guards: limits checked on the parser's events, and syntax errors
turned into Issues a teacher can act on (a clearer message, a hint, every tab line)."""
from __future__ import annotations

import yaml

from .issues import Issue

MAX_DEPTH = 40
MAX_NODES = 200_000

#: Parser messages -> (clearer message, hint). Matched by substring, first match wins.
SYNTAX_HINTS: tuple[tuple[str, str, str], ...] = (
    ("'\\t'", "a tab character: YAML indentation must use spaces",
     "replace the tab with spaces (most editors: 'convert indentation to spaces')"),
    ("mapping values are not allowed", "a ':' where YAML did not expect one",
     "put text containing ': ' in quotes, e.g. title: \"Plenary: the vote\""),
    ("could not find expected ':'", "a line that is neither 'key: value' nor a list item",
     "check the indentation, and quote text that spans several lines"),
    ("expected a single document", "the file holds more than one YAML document",
     "remove the extra '---' line"),
    ("found undefined alias", "an alias (*name) whose anchor (&name) is not defined above it",
     "define the anchor first, or write the value out"),
    ("found unexpected end of stream", "the file ends inside a quoted text",
     "close the quote"),
    ("while scanning a quoted scalar", "a quoted text that is not closed", "close the quote"),
    ("did not find expected key", "the indentation does not line up with the key above",
     "indent keys of the same mapping by the same number of spaces"),
    ("did not find expected '-' indicator", "a list item out of line with the others",
     "indent every '- ' of a list by the same number of spaces"),
    ("expected <block end>", "the indentation does not line up with the lines above",
     "indent keys of the same mapping, and items of the same list, equally"),
)


class Stop(Exception):
    """A limit was hit; ``issue`` says which and where."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def check_limits(text: str, filename: str, loader: type = yaml.SafeLoader) -> None:
    """One pass over the parser's events: raise _Stop if the document nests deeper than
    MAX_DEPTH, expands (through aliases) to more than MAX_NODES values, or holds an alias to a
    node that contains it. Raises yaml.YAMLError for a syntax error."""
    sizes: dict[str, int] = {}
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


def syntax_issues(exc: yaml.YAMLError, text: str, filename: str) -> list[Issue]:
    """A YAML syntax error as Issues: a clearer message and a hint; for a tab, every line
    that starts with one (the parser stops at the first)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return [Issue(filename, line, col, "error", "(syntax)",
                      f"a control character (code {exc.character!r}) that YAML does not accept",
                      "delete it; save the file as plain UTF-8 text")]
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message, hint = problem, "check the indentation and quoting on this line and the one before"
    for needle, better, why in SYNTAX_HINTS:
        if needle in problem or needle in str(exc):
            message, hint = better, why
            break
    out = [Issue(filename, line, col, "error", "(syntax)", message, hint)]
    if "'\\t'" in problem:
        for n, row in enumerate(text.splitlines(), start=1):
            indent = row[:len(row) - len(row.lstrip(" \t"))]
            if "\t" in indent and n != line:
                out.append(Issue(filename, n, indent.index("\t") + 1, "error", "(syntax)",
                                 SYNTAX_HINTS[0][1], SYNTAX_HINTS[0][2]))
    return out
