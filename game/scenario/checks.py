"""Checks beyond the schema: references between sections, and pydantic errors as Issues."""
from __future__ import annotations

import difflib
from typing import Iterable

from pydantic import ValidationError

from .issues import Issue, path_text
from .members import shipped
from .models import Member, ScenarioSpec
from .yamlsrc import Source

#: Names a scenario may use for member features (mirrors game.votes.features.FEATURES; kept
#: here so the scenario layer does not import the vote model).
FEATURE_NAMES = (
    "intercept", "ideal_point", "hr_ideal_point", "past_support",
    "eu", "oic", "nam", "au", "asean", "icc_state_party", "hrc_member", "p5", "e10",
    "african", "asia_pacific", "eastern_european", "latin_american_and_caribbean",
    "western_european_and_others",
)


def suggest(word: str, choices: Iterable[str]) -> str:
    """'did you mean X?' for the closest choice, or a list of choices when few."""
    choices = sorted(set(map(str, choices)))
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    if len(choices) <= 8:
        return "expected one of: " + ", ".join(choices)
    return ""


def pydantic_issues(exc: ValidationError, src: Source, filename: str) -> list[Issue]:
    """Turn pydantic's errors into Issues with lines, YAML-boolean traps and suggestions."""
    from .models import ScenarioSpec as _Spec  # noqa: F401  (documents the schema used)

    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        line, col = src.mark(loc)
        msg, hint = err["msg"], ""
        if err["type"] == "extra_forbidden":
            msg = f"unknown key {loc[-1]!r}"
            hint = suggest(loc[-1], _allowed_keys(src.data, loc[:-1]))
        elif loc in src.bool_words:
            word = src.bool_words[loc]
            msg = f"{word!r} was read by YAML as a true/false value, not as text"
            hint = f"quote it: '{word}'"
        elif err["type"] == "missing":
            msg = f"missing required key {loc[-1]!r}"
        elif err["type"] in ("literal_error", "enum"):
            expected = err.get("ctx", {}).get("expected", "")
            msg = f"{err.get('input')!r} is not allowed here"
            hint = f"expected {expected}"
            close = suggest(str(err.get("input")), [e.strip(" '") for e in
                                                    str(expected).replace(" or ", ",").split(",")])
            if close.startswith("did"):
                hint = close
        elif err["type"] == "string_pattern_mismatch":
            pattern = err.get("ctx", {}).get("pattern", "")
            hint = ("ISO 3166 alpha-3: three capital letters, e.g. FRA" if "A-Z]{3}" in pattern
                    else "lower-case letters, digits and _ , starting with a letter")
        out.append(Issue(filename, line, col, "error", path_text(loc), msg, hint))
    return out


def _allowed_keys(data: object, loc: tuple) -> list[str]:
    """Keys the schema allows at ``loc`` (best effort, for suggestions)."""
    from pydantic import BaseModel

    model: type[BaseModel] | None = ScenarioSpec
    for part in loc:
        if model is None or isinstance(part, int):
            continue
        field = model.model_fields.get(part) or next(
            (f for f in model.model_fields.values() if f.alias == part), None)
        model = _inner_model(field.annotation) if field else None
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _inner_model(annotation):
    from pydantic import BaseModel
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def cross_check(spec: ScenarioSpec, members: tuple[Member, ...], src: Source,
                filename: str) -> list[Issue]:
    """Every broken reference and doubtful number, as Issues (errors and warnings)."""
    issues: list[Issue] = []

    def add(path: tuple, msg: str, hint: str = "", severity: str = "error") -> None:
        line, col = src.mark(path)
        issues.append(Issue(filename, line, col, severity, path_text(path), msg, hint))

    def ref(path: tuple, value: str, known: Iterable[str], what: str) -> None:
        known = list(known)
        if value not in known:
            add(path, f"unknown {what} {value!r}", suggest(value, known))

    iso = {m.iso3 for m in members}
    shipped_iso = {m.iso3 for m in shipped(spec.members.from_)} if spec.members.from_ else set()
    for code in spec.members.overrides:
        ref(("members", "overrides", code), code, shipped_iso, "country code")
    for i, code in enumerate(spec.members.remove):
        ref(("members", "remove", i), code, shipped_iso, "country code")
    if not members:
        add(("members",), "the scenario has no Member States",
            "use `from: un_2014` or list members under `add`")
    bodies = {b.id: b for b in spec.bodies}
    motions = {m.id: m for m in spec.motions}
    stages = {s.id for s in spec.stages}
    for i, b in enumerate(spec.bodies):
        if b.members == "security_council":
            seats = [m for m in members if m.sc_seat]
            if b.affirmative_votes is None:
                add(("bodies", i), "a Council body needs affirmative_votes", "9 under Art. 27")
            if not seats:
                add(("bodies", i), "no member has a Council seat (sc_seat)", "")
    for i, m in enumerate(spec.motions):
        p = ("motions", i)
        ref(p + ("body",), m.body, bodies, "body")
        for j, r in enumerate(m.requires):
            ref(p + ("requires", j), r, motions, "motion")
        if m.kind == "amendment":
            if m.amends is None:
                add(p, "an amendment needs `amends`", "the id of the draft motion it amends")
                continue
            ref(p + ("amends",), m.amends, motions, "motion")
            target = motions.get(m.amends)
            text = spec.texts.get(target.text) if target and target.text else None
            paras = [q.id for q in text.paragraphs] if text else []
            for key in ("delete", "insert"):
                for j, pid in enumerate(getattr(m, key)):
                    ref(p + (key, j), pid, paras, "paragraph")
        else:
            if m.text is None:
                add(p, f"a {m.kind} motion needs `text`", "the id of an entry in `texts`")
            else:
                ref(p + ("text",), m.text, spec.texts, "text")
    for tid, text in spec.texts.items():
        for j, para in enumerate(text.paragraphs):
            var_ids = [v.id for v in para.variants]
            if para.initially not in (None, "absent"):
                ref(("texts", tid, "paragraphs", j, "initially"), para.initially, var_ids, "variant")
            if len(set(var_ids)) != len(var_ids):
                add(("texts", tid, "paragraphs", j, "variants"), "two variants share an id", "")
    in_stage = set()
    for i, s in enumerate(spec.stages):
        ref(("stages", i, "body"), s.body, bodies, "body")
        for j, mid in enumerate(s.motions):
            ref(("stages", i, "motions", j), mid, motions, "motion")
            if mid in motions and motions[mid].body != s.body:
                add(("stages", i, "motions", j), f"motion {mid!r} belongs to body "
                    f"{motions[mid].body!r}, not {s.body!r}", "")
            in_stage.add(mid)
        for j, r in enumerate(s.requires):
            ref(("stages", i, "requires", j), r, motions, "motion")
    for i, m in enumerate(spec.motions):
        if m.id not in in_stage:
            add(("motions", i), f"motion {m.id!r} is in no stage", "list it under a stage's motions",
                "warning")
    for side, info in spec.sides.items():
        for key in ("members", "cosponsors"):
            for j, code in enumerate(getattr(info, key)):
                ref(("sides", side, key, j), code, iso, "country code")
    features = FEATURE_NAMES
    for name in spec.model.stance:
        ref(("model", "stance", name), name, features, "feature")
    for tag, eff in spec.model.tag_effects.items():
        for name in eff:
            ref(("model", "tag_effects", tag, name), name, features, "feature")
    for i, a in enumerate(spec.arguments):
        for name in a.affinity:
            ref(("arguments", i, "affinity", name), name, features, "feature")
    all_paras = {q.id for t in spec.texts.values() for q in t.paragraphs}
    for i, o in enumerate(spec.offers):
        ref(("offers", i, "stage"), o.stage, stages, "stage")
        for key in ("drop", "add"):
            for j, pid in enumerate(getattr(o, key)):
                ref(("offers", i, key, j), pid, all_paras, "paragraph")
        for name in o.goodwill:
            ref(("offers", i, "goodwill", name), name, features, "feature")
    issues.extend(_history_checks(spec, members, iso, motions, add, ref))
    return issues


def _history_checks(spec, members, iso, motions, add, ref) -> list[Issue]:
    for i, h in enumerate(spec.history):
        p = ("history", i)
        ref(p + ("motion",), h.motion, motions, "motion")
        if h.tally and h.motion in motions:
            body = next((b for b in spec.bodies if b.id == motions[h.motion].body), None)
            size = (sum(1 for m in members if m.sc_seat) if body and body.members == "security_council"
                    else len(members))
            total = h.tally.yes + h.tally.no + h.tally.abstain + (h.tally.absent or 0)
            if h.tally.absent is not None and total != size:
                add(p + ("tally",), f"tally adds up to {total}, but the body has {size} members",
                    "check the numbers against the record", "warning")
        if h.roll_call:
            seen: dict[str, str] = {}
            for ballot in ("yes", "no", "abstain", "absent"):
                for j, code in enumerate(getattr(h.roll_call, ballot)):
                    ref(p + ("roll_call", ballot, j), code, iso, "country code")
                    if code in seen:
                        add(p + ("roll_call", ballot, j), f"{code} is listed under both "
                            f"{seen[code]} and {ballot}", "")
                    seen[code] = ballot
            if h.tally:
                for ballot in ("yes", "no", "abstain"):
                    n = len(getattr(h.roll_call, ballot))
                    want = getattr(h.tally, ballot)
                    if n != want:
                        add(p + ("roll_call", ballot), f"roll call lists {n} {ballot} but the "
                            f"tally says {want}", "", "warning")
    return []
