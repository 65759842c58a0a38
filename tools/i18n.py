"""The gettext catalogue: extract the game's strings, update the translations, compile, check.

    python -m tools.i18n update [--keep OTHER.po ...]   # code -> plenary.pot -> fr .po
    python -m tools.i18n compile                         # each .po -> its .mo (shipped)
    python -m tools.i18n check                           # what is missing, stale or wrong

``update`` extracts every ``_()``, ``N_()``, ``ngettext()`` and ``pgettext()`` of ``game/``
into ``game/locale/plenary.pot`` and brings each language's ``.po`` up to it: translations
kept, new strings added untranslated, strings gone from the code dropped. ``--keep`` also
takes translations from other ``.po`` files; after a merge conflict in a ``.po``:

    git show :2:game/locale/fr/LC_MESSAGES/plenary.po > /tmp/ours.po
    git show :3:game/locale/fr/LC_MESSAGES/plenary.po > /tmp/theirs.po
    python -m tools.i18n update --keep /tmp/ours.po /tmp/theirs.po && python -m tools.i18n compile

Babel (a test dependency) does the extracting and the file formats; the game itself reads the
compiled ``.mo`` with the standard library's gettext. Locations are written without line
numbers, so moving code does not change the files.
"""
from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "game"
LOCALE = PACKAGE / "locale"
POT = LOCALE / "plenary.pot"
#: The languages translated (English is the code's own).
LANGUAGES = ("fr",)
#: The marking functions of game/i18n.py and their arguments (Babel's keyword spec).
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
#: A fixed date in the headers, so that re-running the tool changes nothing.
DATE = datetime(2026, 12, 1, tzinfo=UTC)
#: A named placeholder of str.format: '{name}', '{n:.0f}' -> 'name', 'n'.
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)?(?:[:!][^{}]*)?\}")


def po_path(lang: str) -> Path:
    """Where the translations of ``lang`` are kept."""
    return LOCALE / lang / "LC_MESSAGES" / "plenary.po"


def mo_path(lang: str) -> Path:
    """Where the compiled translations of ``lang`` are shipped."""
    return po_path(lang).with_suffix(".mo")


def extract() -> Catalog:
    """Every marked string of the game's code, with the files it is in."""
    template = Catalog(project="Plenary", version="1", creation_date=DATE,
                       revision_date=DATE, fuzzy=False, msgid_bugs_address="")
    for filename, _lineno, message, comments, context in extract_from_dir(
            PACKAGE, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True):
        template.add(message, None, [(f"game/{filename}", None)],
                     auto_comments=comments, context=context)
    return template


def write(catalog: Catalog, path: Path) -> None:
    """Write ``catalog`` as a .po/.pot file at ``path`` (by file, no line numbers)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_by_file=True, include_lineno=False,
             ignore_obsolete=True)
    path.write_bytes(buf.getvalue())


def read(path: Path, lang: str) -> Catalog:
    """The catalogue at ``path`` (an empty one for ``lang`` if there is no file yet)."""
    if not path.exists():
        catalog = Catalog(locale=lang, project="Plenary", version="1", creation_date=DATE,
                          revision_date=DATE, fuzzy=False, copyright_holder="the Plenary authors",
                          header_comment=f"# The game's words in {lang} (see tools/i18n.py).")
        if lang == "fr":
            # gettext's usual French rule (one form for 0 and 1, one for more), not CLDR's
            # third form for millions, which no string of the game counts
            catalog._num_plurals, catalog._plural_expr = 2, "(n > 1)"
        return catalog
    with path.open("rb") as f:
        return read_po(f, locale=lang)


def update(keep: Iterable[Path] = ()) -> None:
    """Extract to the .pot and bring every language's .po up to it (see the module)."""
    template = extract()
    write(template, POT)
    others = [read(p, lang) for p in keep for lang in LANGUAGES[:1]]
    for lang in LANGUAGES:
        catalog = read(po_path(lang), lang)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.revision_date = DATE
        for message in catalog:
            if message.id and not _translated(message):
                for other in others:
                    found = other.get(message.id, message.context)
                    if found is not None and _translated(found):
                        message.string = found.string
                        break
        write(catalog, po_path(lang))


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings) and not message.fuzzy


def compiled(lang: str) -> bytes:
    """The .mo of ``lang``'s .po, as bytes."""
    buf = io.BytesIO()
    write_mo(buf, read(po_path(lang), lang), use_fuzzy=False)
    return buf.getvalue()


def compile_all() -> None:
    """Write every language's .mo from its .po."""
    for lang in LANGUAGES:
        mo_path(lang).write_bytes(compiled(lang))


def placeholders(text: str) -> set[str]:
    """The named placeholders of a str.format string: '{n} of {total}' -> {'n', 'total'}."""
    return {m.group(1) or "" for m in PLACEHOLDER.finditer(text)}


def problems(lang: str) -> list[str]:
    """What is wrong with ``lang``'s catalogue, one line each (none: complete and current)."""
    out: list[str] = []
    template = extract()
    catalog = read(po_path(lang), lang)
    where = po_path(lang).relative_to(ROOT)
    for message in template:
        if not message.id:
            continue
        files = ", ".join(sorted({loc for loc, _ in message.locations}))
        ours = catalog.get(message.id, message.context)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if ours is None:
            out.append(f"{where}: not in the catalogue: {ids[0]!r} ({files}); run "
                       "`python -m tools.i18n update`")
        elif not _translated(ours):
            out.append(f"{where}: not translated: {ids[0]!r} ({files})")
        else:
            strings = ours.string if isinstance(ours.string, tuple) else (ours.string,)
            wanted = placeholders(ids[-1]) | placeholders(ids[0])
            for s in strings:
                if placeholders(s) - wanted or (len(ids) == 1 and placeholders(s) != wanted):
                    out.append(f"{where}: placeholders differ: {ids[0]!r} -> {s!r} ({files})")
    for message in catalog:
        if message.id and template.get(message.id, message.context) is None:
            out.append(f"{where}: no longer in the code: {message.id!r}; run "
                       "`python -m tools.i18n update`")
    if not mo_path(lang).exists() or mo_path(lang).read_bytes() != compiled(lang):
        out.append(f"{mo_path(lang).relative_to(ROOT)} is not the compiled {where}; run "
                   "`python -m tools.i18n compile`")
    return out


def main(argv: list[str] | None = None) -> int:
    """The command line (see the module); returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m tools.i18n", description=__doc__.split(
        "\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update", help="extract the strings and update every .po")
    up.add_argument("--keep", nargs="*", type=Path, default=[],
                    help="other .po files to take translations from (after a merge)")
    sub.add_parser("compile", help="compile every .po to its .mo")
    sub.add_parser("check", help="list what is missing, stale or wrong (exit 1 if any)")
    args = parser.parse_args(argv)
    if args.command == "update":
        update(args.keep)
    elif args.command == "compile":
        compile_all()
    else:
        found = [line for lang in LANGUAGES for line in problems(lang)]
        print("\n".join(found) or "the catalogue is complete and compiled")
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
