"""Checks of the vote model's inputs: declared member facts, feature names, the accounting of
every number in the ``model`` block (fitted or declared), and the backtest.

The rule that matters most: **no fact from the vote it helps predict**. Every roll call a fact
uses must be dated before each vote in ``history`` that has a roll call (the votes `calibrate`
and `evaluate` read), so a fact can never contain, or come after, the vote being predicted.
"""
from __future__ import annotations

import datetime
import typing
from collections.abc import Iterable

from .fields import BuiltinFeature
from .messages import Context, suggest
from .model_block import BlocFact, IdealPointFact, ModelCoefficients, RecordFact
from .unvotes import Record, normal_symbol, record

BUILTIN = frozenset(typing.get_args(BuiltinFeature))
#: Parameters that `calibrate` can fit, and to what kind of record.
FITTABLE_TO_ROLL_CALL = frozenset({"stance", "cutpoints"})
FITTABLE_TO_TALLY = frozenset({"salience", "abstainers_absent"})
#: Fitted to a tally as one number for the whole model (no ``.<kind>``).
FITTABLE_WHOLE_TO_TALLY = frozenset({"attendance_scale"})
#: The name under which the texts' wording weights (``texts.*.variants[].weight``) are
#: accounted for in the model block: they are numbers of the model, written with the texts.
WORDING_WEIGHTS = "wording_weights"
#: Fields of the model block that are not numbers of the model.
_BOOKKEEPING = frozenset({"fitted", "declared"})


def _first_roll_call(ctx: Context) -> datetime.date | None:
    dates = [h.date for h in ctx.spec.history or [] if h.roll_call is not None]
    return min(dates) if dates else None


def _symbols(fact: object) -> list[str]:
    if isinstance(fact, RecordFact):
        return list(fact.resolutions)
    if isinstance(fact, IdealPointFact):
        return list(fact.exclude)
    return []


def check_facts(ctx: Context) -> None:
    """Declared facts name recorded votes of the shipped data, dated before the case's votes."""
    spec = ctx.spec.members
    if spec is None or not spec.facts:
        return
    rec = record()
    first = _first_roll_call(ctx)
    for fid, fact in spec.facts.items():
        p = ("members", "facts", fid)
        if fid in BUILTIN:
            ctx.add(p, f"{fid!r} is a built-in feature", "give the fact another id", at_key=True)
        for j, symbol in enumerate(_symbols(fact)):
            if normal_symbol(symbol) not in rec.symbols:
                key = "resolutions" if isinstance(fact, RecordFact) else "exclude"
                ctx.add(p + (key, j), f"{symbol} is not a recorded plenary vote of sessions "
                        "59-69 in the shipped data", suggest(normal_symbol(symbol), rec.symbols)
                        or "see game/data/unvotes/roll_calls.csv")
        if first is not None:
            _check_dates(ctx, p, fact, rec, first)
        if isinstance(fact, IdealPointFact):
            _check_ideal(ctx, p, fact, rec)


def _check_dates(ctx: Context, p: tuple, fact: object, rec: Record,
                 first: datetime.date) -> None:
    if isinstance(fact, RecordFact):
        late = [s for s in fact.resolutions if normal_symbol(s) in rec.symbols
                and rec.roll_calls[rec.column(s)].date >= first]
        if late:
            day = rec.roll_calls[rec.column(late[0])].date
            ctx.add(p + ("resolutions",), f"{late[0]} was voted on {day}, not before the "
                    f"recorded vote of {first} this case predicts",
                    "a fact must come from before the vote it helps predict")
    if isinstance(fact, IdealPointFact) and (fact.before is None or fact.before > first):
        used = [rc.date for rc in rec.roll_calls if rc.session in fact.sessions
                and (fact.before is None or rc.date < fact.before)]
        if used and max(used) >= first:
            ctx.add(p + ("before",), f"the ideal point would use roll calls up to {max(used)}, "
                    f"not before the recorded vote of {first} this case predicts",
                    f"set `before: {first}`")


def _check_ideal(ctx: Context, p: tuple, fact: IdealPointFact, rec: Record) -> None:
    n = sum(1 for rc in rec.roll_calls if rc.session in fact.sessions
            and (fact.before is None or rc.date < fact.before))
    if n < 2:
        ctx.add(p, f"only {n} roll call(s) in session(s) {fact.sessions} before {fact.before}",
                "an ideal point needs at least two: add an earlier session")
    if fact.anchor not in rec.iso:
        ctx.add(p + ("anchor",), f"{fact.anchor} is not in the shipped votes", "e.g. USA")


def check_feature_names(ctx: Context) -> None:
    """Every feature named in the model, arguments and offers is built in or declared."""
    declared = set((ctx.spec.members.facts if ctx.spec.members else {}) or {})
    known = BUILTIN | declared
    where: list[tuple[tuple, Iterable[str]]] = []
    model = ctx.spec.model
    if model is not None:
        where.append((("model", "stance"), model.stance))
        where += [(("model", "tag_effects", t), e) for t, e in model.tag_effects.items()]
    for i, a in enumerate(ctx.spec.arguments or []):
        where.append((("arguments", i, "affinity"), a.affinity))
    for i, o in enumerate(ctx.spec.offers or []):
        where += [(("offers", i, "goodwill"), o.goodwill),
                  (("offers", i, "refuse_goodwill"), o.refuse_goodwill)]
    for path, names in where:
        for name in names:
            ctx.ref(path + (name,), name, known, "feature", at_key=True)


def numbers_written(model: ModelCoefficients) -> list[str]:
    """The model block's numbers as written, by name: ``principle``, ``salience.amendment``."""
    out = []
    for name in sorted(model.model_fields_set - _BOOKKEEPING):
        value = getattr(model, name)
        if isinstance(value, dict) and name not in FITTABLE_TO_ROLL_CALL:
            out += [f"{name}.{k}" for k in value]
        else:
            out.append(name)
    return out


def accounted(name: str, keys: Iterable[str]) -> bool:
    """Whether ``name`` (``salience.amendment``) is covered by one of ``keys`` (``salience``)."""
    return any(name == k or name.startswith(k + ".") for k in keys)


def check_accounting(ctx: Context) -> None:
    """Each number of the model block is fitted (to a recorded vote) or declared (with a reason),
    once the block accounts for any (the shipped cases account for all: a test holds them)."""
    model = ctx.spec.model
    if model is None:
        return
    history = {h.motion: h for h in ctx.spec.history or []}
    for key, fit in model.fitted.items():
        p = ("model", "fitted", key)
        head = key.split(".")[0]
        rec = history.get(fit.to)
        if key in FITTABLE_TO_ROLL_CALL or (head == "tag_effects" and "." in key):
            if rec is not None and rec.roll_call is None:
                ctx.add(p + ("to",), f"{key} is fitted to a roll call, but the record of "
                        f"{fit.to} has none", "add its roll call to `history`")
        elif key not in FITTABLE_WHOLE_TO_TALLY and (head not in FITTABLE_TO_TALLY
                                                     or "." not in key):
            ctx.add(p, f"calibrate cannot fit {key!r}", "it fits stance, cutpoints and "
                    "tag_effects.<tag> to a roll call, and salience.<kind> or "
                    "abstainers_absent.<kind> or attendance_scale to a tally; "
                    "declare other numbers under `declared`", at_key=True)
        elif rec is not None and rec.tally is None:
            ctx.add(p + ("to",), f"the record of {fit.to} has no tally to fit {key} to", "")
        if rec is None and "history" not in ctx.broken:
            # a warning: the model still runs; only `calibrate` needs the record
            ctx.add(p + ("to",), f"no recorded vote of {fit.to!r} in `history`",
                    suggest(fit.to, history) or "calibrate needs it to refit this number",
                    "warning")
        if key in model.declared:
            ctx.add(p, f"{key} is both fitted and declared", "keep one", at_key=True)
    if not model.fitted and not model.declared:
        return      # a sketch of a case: accounting starts with the first `fitted`/`declared`
    written = numbers_written(model)
    if ctx.spec.texts:
        written.append(WORDING_WEIGHTS)       # the texts' weights: numbers of the model too
    for section in ("fitted", "declared"):
        for key in getattr(model, section):
            if not any(accounted(n, [key]) for n in written):
                ctx.add(("model", section, key), f"{key} is not a number written in this block",
                        suggest(key, written) or "name one of the numbers above", "warning",
                        at_key=True)
    for name in written:
        if not accounted(name, [*model.fitted, *model.declared]):
            ctx.add(("model", name.split(".")[0]), f"{name} is neither fitted nor declared",
                    f"list it under `fitted` (with the vote it is fitted to) or under "
                    f"`declared: {{{name}: \"why this value\"}}`", "warning")


def check_backtest(ctx: Context) -> None:
    """The backtest names recorded votes and declared facts that can be dated."""
    bt = ctx.spec.backtest
    if bt is None:
        return
    rec = record()
    for j, symbol in enumerate(bt.votes):
        if normal_symbol(symbol) not in rec.symbols:
            ctx.add(("backtest", "votes", j), f"{symbol} is not a recorded plenary vote of "
                    "sessions 59-69 in the shipped data",
                    suggest(normal_symbol(symbol), rec.symbols))
    facts = (ctx.spec.members.facts if ctx.spec.members else {}) or {}
    for j, fid in enumerate(bt.facts):
        if fid not in facts:
            ctx.ref(("backtest", "facts", j), fid, facts, "fact")
        elif isinstance(facts[fid], BlocFact):
            ctx.add(("backtest", "facts", j), f"{fid} is a bloc list of one date",
                    "the backtest recomputes facts before each vote; leave bloc lists out")
