"""The game's words in the player's language: one gettext catalogue (domain ``plenary``).

English is the source language (the strings in the code); French, a working language of the
UN, is shipped complete in ``game/locale/fr/LC_MESSAGES/plenary.po`` (compiled beside it to
``plenary.mo``; ``python -m tools.i18n`` extracts, updates, compiles and checks them).

Mark a string where it is used with ``_("...")``; a string kept in a module-level table with
``N_("...")`` (which only marks it for extraction) and translate it with ``_()`` where it is
shown. Placeholders are named (``_("{name} voted {ballot}").format(...)``), never f-strings,
so a translation may put them in its own order.

The language is a context variable rather than a module-level setting: the window sets it
once (``--lang``, or the title screen's choice) and a test sets it inside ``using()``, so one
test's language never leaks into the next. Nothing that decides a vote reads it: the same
scenario, seed and decisions give the same votes in every language.
"""
from __future__ import annotations

import gettext
import os
import struct
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar, Token
from functools import cache
from pathlib import Path

#: The catalogue's gettext domain.
DOMAIN = "plenary"
#: Where the compiled catalogues are: ``<LOCALE_DIR>/<lang>/LC_MESSAGES/plenary.mo``.
LOCALE_DIR = Path(__file__).with_name("locale")
#: Language code -> its name in its own language (what the title screen offers).
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}
#: The source language of the code's strings.
SOURCE = "en"

_language: ContextVar[str] = ContextVar("plenary_language", default=SOURCE)


class UnknownLanguage(ValueError):
    """A language code the game has no catalogue for, or whose catalogue cannot be read."""


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The translations of ``lang`` (English: the strings as written).

    Raises UnknownLanguage if ``lang`` is not in LANGUAGES or its compiled catalogue is
    missing from the installation or damaged (the message says which file).
    """
    if lang not in LANGUAGES:
        raise UnknownLanguage(f"no translation for {lang!r}; the game speaks "
                              + ", ".join(f"{k} ({v})" for k, v in LANGUAGES.items()))
    if lang == SOURCE:
        return gettext.NullTranslations()
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with open(path, "rb") as f:
            return gettext.GNUTranslations(f)
    except (OSError, UnicodeDecodeError, struct.error, ValueError, IndexError) as exc:
        raise UnknownLanguage(f"the {LANGUAGES[lang]} catalogue {path} cannot be read "
                              f"({type(exc).__name__}: {exc}); reinstall the game, or run "
                              "`python -m tools.i18n compile`") from None


def language() -> str:
    """The language in use: a code of LANGUAGES."""
    return _language.get()


def set_language(lang: str) -> Token[str]:
    """Speak ``lang`` from now on in this context; returns the token that ``reset`` takes.

    Raises UnknownLanguage (and changes nothing) for a language with no catalogue.
    """
    catalogue(lang)
    return _language.set(lang)


def reset(token: Token[str]) -> None:
    """Go back to the language in use before ``set_language`` returned ``token``."""
    _language.reset(token)


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Speak ``lang`` inside the ``with`` block (raises UnknownLanguage first if unknown)."""
    token = set_language(lang)
    try:
        yield
    finally:
        reset(token)


def _(message: str) -> str:
    """``message`` in the language in use (itself if the catalogue has no translation)."""
    return catalogue(_language.get()).gettext(message)


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for "mark, do not translate"
    """``message`` unchanged: marks a string in a table for the catalogue; ``_()`` it when
    shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` by the language's rule (French: 0 and 1 take
    the singular)."""
    return catalogue(_language.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` translated in ``context``, for a short word whose translation depends on
    where it is (``pgettext("button", "Back")``)."""
    return catalogue(_language.get()).pgettext(context, message)


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the user's environment asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as
    gettext reads them) if the game speaks it, else English: 'fr_FR.UTF-8' -> 'fr'."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(var):
            # the first variable set decides, as in gettext; LANGUAGE may list several
            for value in env[var].split(":"):
                code = value.split(".")[0].split("_")[0].lower()
                if code in LANGUAGES:
                    return code
            return SOURCE
    return SOURCE
