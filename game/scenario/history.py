"""Checks of the ``history`` section: the real record must agree with itself and the case.

A tally that does not add up, or a roll call that disagrees with its tally, is a warning: the
game can still be played, but the debrief and calibration would compare against wrong numbers.
"""
from __future__ import annotations

from .context import Context

_BALLOTS = ("yes", "no", "abstain", "absent")


def body_size(ctx: Context, motion_id: str) -> tuple[int, set[str]] | None:
    """(number of voters, their ISO codes) of the body that votes a motion, if known."""
    motion = next((m for m in ctx.spec.motions or [] if m.id == motion_id), None)
    body = next((b for b in ctx.spec.bodies or [] if motion and b.id == motion.body), None)
    if body is None or "members" in ctx.broken:
        return None
    voters = {m.iso3 for m in ctx.members
              if body.members != "security_council" or m.sc_seat}
    return len(voters), voters


def check_history(ctx: Context) -> None:
    """References, tallies against the body's size, roll calls against tallies."""
    seen_motions: dict[str, int] = {}
    for i, h in enumerate(ctx.spec.history or []):
        p = ("history", i)
        ctx.ref(p + ("motion",), h.motion, ctx.ids("motions"), "motion")
        if h.motion in seen_motions:
            ctx.add(p + ("motion",), f"motion {h.motion!r} already has a record "
                    f"(history[{seen_motions[h.motion]}])", "keep one record per motion",
                    "warning")
        seen_motions.setdefault(h.motion, i)
        for j, s in enumerate(h.sources):
            ctx.ref(p + ("sources", j), s, ctx.ids("sources"), "source")
        written = ctx.raw("history", i)
        if isinstance(written, dict) and {"roll_call", "roll_call_file"} <= set(written):
            ctx.add(p + ("roll_call_file",), "give either `roll_call` or `roll_call_file`, "
                    "not both", "delete one")
        body = body_size(ctx, h.motion)
        if h.tally and body:
            _check_tally(ctx, p, h.tally, body[0])
        if h.roll_call:
            _check_roll_call(ctx, p, h, body[1] if body else None)


def _check_tally(ctx: Context, p: tuple, tally, size: int) -> None:
    voted = tally.yes + tally.no + tally.abstain
    if tally.absent is not None and voted + tally.absent != size:
        ctx.add(p + ("tally",), f"tally adds up to {voted + tally.absent}, but the body has "
                f"{size} members", "check the numbers against the record", "warning")
    elif voted > size:
        ctx.add(p + ("tally",), f"{voted} votes cast, but the body has {size} members",
                "check the numbers against the record", "warning")


def _check_roll_call(ctx: Context, p: tuple, h, voters: set[str] | None) -> None:
    seen: dict[str, str] = {}
    countries = ctx.countries() or set()
    for ballot in _BALLOTS:
        for j, code in enumerate(getattr(h.roll_call, ballot)):
            path = p + ("roll_call", ballot, j)
            ctx.ref(path, code, ctx.countries(), "country code")
            if code in seen:
                ctx.add(path, f"{code} is listed under both {seen[code]} and {ballot}",
                        "a member casts one ballot")
            elif voters is not None and code in countries and code not in voters:
                ctx.add(path, f"{code} does not vote in this body", "check the record",
                        "warning")
            seen.setdefault(code, ballot)
    if h.tally:
        for ballot in _BALLOTS:
            n = len(getattr(h.roll_call, ballot))
            want = getattr(h.tally, ballot)
            if want is not None and n != want:
                ctx.add(p + ("roll_call", ballot), f"roll call lists {n} {ballot} but the "
                        f"tally says {want}", "check both against the record", "warning")
