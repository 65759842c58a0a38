"""Cross-checks beyond the schema: references between sections, Member States, and numbers
that look wrong (the real record's own checks are in history.py).

Each check is a function of a :class:`~game.scenario.messages.Context`; ``CHECKS`` lists them
and ``cross_check`` runs them all. They also run on a partial spec (see salvage.py): references
are looked up among the ids written in the file, valid or not, so a broken motion does not also
make every reference to it "unknown", and a section that could not be read at all is not
looked into.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .factchecks import check_accounting, check_backtest, check_facts, check_feature_names
from .files import shipped
from .history import check_history
from .localise import check_texts, check_translations
from .messages import Context, Issue, suggest
from .models import Member, Motion, ScenarioSpec
from .yamlsrc import YamlDocument

#: Affirmative votes the Security Council needs for a decision (Charter, Art. 27(2) and (3),
#: as amended in 1965).
COUNCIL_MAJORITY = 9
#: Sections whose items are found by id, and the word used for them in messages.
ID_SECTIONS = {"bodies": "body", "motions": "motion", "stages": "stage", "sources": "source",
               "arguments": "argument", "offers": "offer"}


def check_unique_ids(ctx: Context) -> None:
    """Ids are unique within each section, paragraphs within a text, wordings within one."""
    for section, word in ID_SECTIONS.items():
        first: dict[str, int] = {}
        for i, item in enumerate(getattr(ctx.spec, section) or []):
            if item.id in first:
                line = ctx.src.mark((section, first[item.id]))[0]
                ctx.add((section, i, "id"), f"two {section} have the id {item.id!r} "
                        f"(the first on line {line})", f"give each {word} its own id")
            first.setdefault(item.id, i)
    for tid, text in (ctx.spec.texts or {}).items():
        for key, count in Counter(p.id for p in text.paragraphs).items():
            if count > 1:
                ctx.add(("texts", tid, "paragraphs"), f"two paragraphs have the id {key!r}", "")
        for j, para in enumerate(text.paragraphs):
            if len({v.id for v in para.variants}) != len(para.variants):
                ctx.add(("texts", tid, "paragraphs", j, "variants"), "two wordings share an id",
                        "give each variant its own id")
            if para.initially not in (None, "absent"):
                ctx.ref(("texts", tid, "paragraphs", j, "initially"), para.initially,
                        [v.id for v in para.variants], "variant")


def check_members(ctx: Context) -> None:
    """Overrides and removals name shipped members; the case has Member States."""
    spec = ctx.spec.members
    if spec is None:
        return
    base = {m.iso3 for m in shipped(spec.from_)} if spec.from_ else set()
    for code in spec.overrides:
        ctx.ref(("members", "overrides", code), code, base, "country code", at_key=True)
    for i, code in enumerate(spec.remove):
        ctx.ref(("members", "remove", i), code, base, "country code")
        if code in spec.overrides:
            ctx.add(("members", "remove", i), f"{code} is both removed and overridden",
                    "delete one of the two", "warning")
    for i, m in enumerate(spec.add):
        if m.iso3 in base:
            ctx.add(("members", "add", i), f"{m.iso3} is already in {spec.from_}; this entry "
                    "replaces all its facts", "use overrides to change only some", "warning")
    if not ctx.members:
        ctx.add(("members",), "the scenario has no Member States",
                "use `from: un_2014` or list members under `add`")


def check_bodies(ctx: Context) -> None:
    """Council thresholds (Art. 27), seats and vetoes make sense."""
    for i, b in enumerate(ctx.spec.bodies or []):
        if b.affirmative_votes is not None and b.affirmative_votes != COUNCIL_MAJORITY:
            # a warning, not an error: a teacher may simplify the rule on purpose
            ctx.add(("bodies", i, "affirmative_votes"), f"{b.affirmative_votes} affirmative "
                    f"votes needed, but Article 27 of the Charter requires {COUNCIL_MAJORITY} "
                    "of the 15 members of the Security Council",
                    f"write affirmative_votes: {COUNCIL_MAJORITY}, unless the case changes the "
                    "rule on purpose", "warning")
        if b.members != "security_council":
            if b.veto and b.affirmative_votes is None:
                ctx.add(("bodies", i, "veto"), "a veto only applies in a body that counts "
                        "affirmative_votes", "set affirmative_votes, or delete veto", "warning")
            continue
        seats = [m for m in ctx.members if m.sc_seat]
        if b.affirmative_votes is None:
            ctx.add(("bodies", i), "a Council body needs affirmative_votes", "9 under Art. 27")
        if not seats and "members" not in ctx.broken:
            ctx.add(("bodies", i), "no member has a Council seat (sc_seat)",
                    "give 15 members an sc_seat under members.overrides")
        elif len(seats) != 15 and "members" not in ctx.broken:
            ctx.add(("bodies", i), f"{len(seats)} members have a Council seat; the Council "
                    "has had 15 since 1966", "check sc_seat in members.overrides", "warning")
        if b.affirmative_votes and seats and b.affirmative_votes > len(seats):
            ctx.add(("bodies", i, "affirmative_votes"), f"{b.affirmative_votes} affirmative "
                    f"votes needed but only {len(seats)} members vote: nothing can pass", "")


def check_motions(ctx: Context) -> None:
    """Motions name real bodies, texts and motions; amendments amend drafts."""
    spec = ctx.spec
    motions = {m.id: m for m in spec.motions or []}
    for i, m in enumerate(spec.motions or []):
        p = ("motions", i)
        ctx.ref(p + ("body",), m.body, ctx.ids("bodies"), "body")
        for j, r in enumerate(m.requires):
            ctx.ref(p + ("requires", j), r, ctx.ids("motions"), "motion")
            if r == m.id:
                ctx.add(p + ("requires", j), f"motion {m.id!r} requires itself", "")
        if m.kind != "amendment":
            for key in ("amends", "delete", "insert"):
                if getattr(m, key):
                    ctx.add(p + (key,), f"only amendments use `{key}`", "delete it", "warning")
            if m.text is None:
                ctx.add(p, f"a {m.kind} motion needs `text`", "the id of an entry in `texts`")
            else:
                ctx.ref(p + ("text",), m.text, ctx.ids("texts"), "text")
            continue
        if m.text is not None:
            ctx.add(p + ("text",), "an amendment's text is the draft it amends; `text` is "
                    "ignored", "delete it", "warning")
        if m.amends is None:
            ctx.add(p, "an amendment needs `amends`", "the id of the draft motion it amends")
            continue
        ctx.ref(p + ("amends",), m.amends, ctx.ids("motions"), "motion")
        target = motions.get(m.amends)
        if target is not None and target.kind != "draft":
            article = "an" if target.kind[0] in "aeiou" else "a"
            ctx.add(p + ("amends",), f"{m.amends!r} is {article} {target.kind} motion; "
                    "amendments amend drafts", "name a motion of kind: draft")
        paras = ctx.paragraphs(target.text) if target is not None else None
        for key in ("delete", "insert"):
            for j, pid in enumerate(getattr(m, key)):
                ctx.ref(p + (key, j), pid, paras, "paragraph")


def check_stages(ctx: Context) -> None:
    """Each motion is voted once, in its body, after what it requires."""
    spec = ctx.spec
    motions = {m.id: m for m in spec.motions or []}
    where: dict[str, int] = {}
    for i, s in enumerate(spec.stages or []):
        ctx.ref(("stages", i, "body"), s.body, ctx.ids("bodies"), "body")
        for j, mid in enumerate(s.motions):
            path = ("stages", i, "motions", j)
            ctx.ref(path, mid, ctx.ids("motions"), "motion")
            if mid in where:
                ctx.add(path, f"motion {mid!r} is already voted in stage {where[mid] + 1}",
                        "a motion is voted once; list it in one stage")
            where.setdefault(mid, i)
            m = motions.get(mid)
            if m is not None and m.body != s.body:
                ctx.add(path, f"motion {mid!r} belongs to body {m.body!r}, not {s.body!r}", "")
            if m is not None and m.kind == "amendment" and m.amends not in s.motions:
                ctx.add(path, f"amendment {mid!r} is voted without its draft {m.amends!r}",
                        "list the draft in the same stage: an amendment is voted just before "
                        "the proposal it amends")
        for j, r in enumerate(s.requires):
            ctx.ref(("stages", i, "requires", j), r, ctx.ids("motions"), "motion")
        cheapest = min(c.capital for c in (spec.costs.lobby, spec.costs.address_group)) \
            if spec.costs else 0
        if s.capital < cheapest:
            ctx.add(("stages", i, "capital"), f"with {s.capital} capital no lobbying is "
                    "possible here", f"a lobbying move costs {cheapest}", "warning")
    raw_stages = ctx.raw("stages")
    listed: set[str] | None = None                 # motion ids the stages list, as written
    if isinstance(raw_stages, list):
        listed = set()
        for entry in raw_stages:
            named = entry.get("motions") if isinstance(entry, dict) else None
            if isinstance(named, list):
                listed.update(m for m in named if isinstance(m, str))
    for i, m in enumerate(spec.motions or []):
        if listed is not None and m.id not in listed:
            ctx.add(("motions", i), f"motion {m.id!r} is in no stage",
                    "list it under a stage's motions", "warning")
    for i, s in enumerate(spec.stages or []):
        for j, r in enumerate(s.requires):
            if where.get(r, -1) >= i:
                ctx.add(("stages", i, "requires", j), f"{r!r} is not voted before this stage, "
                        "so the stage can never meet", "require a motion of an earlier stage")


def check_sides(ctx: Context) -> None:
    """Two sides, each with a briefing, members of one side only, and arguments."""
    written = ctx.raw("sides")
    if isinstance(written, dict):
        for name in ("sponsors", "opposition"):
            if name not in written:
                ctx.add(("sides",), f"missing side {name!r}", "the game has two sides: "
                        "sponsors and opposition")
    seen: dict[str, str] = {}
    for name, side in (ctx.spec.sides or {}).items():
        for key in ("members", "cosponsors"):
            for j, code in enumerate(getattr(side, key)):
                path = ("sides", name, key, j)
                ctx.ref(path, code, ctx.countries(), "country code")
                if code in seen and seen[code] != name:
                    ctx.add(path, f"{code} is on both sides", "a delegation leads or "
                            "co-sponsors for one side only")
                seen.setdefault(code, name)
        written_side = ctx.raw("sides", name)
        keys = set(written_side) if isinstance(written_side, dict) else set()
        if not keys & {"briefing", "briefing_file"}:
            ctx.add(("sides", name), "missing required key 'briefing'",
                    "what a player on this side reads first (or name a file in briefing_file)")
        elif {"briefing", "briefing_file"} <= keys:
            ctx.add(("sides", name, "briefing_file"), "give either `briefing` or "
                    "`briefing_file`, not both", "delete one")
    for name in ("sponsors", "opposition"):
        if not any(a.side == name for a in ctx.spec.arguments or []) \
                and "arguments" not in ctx.broken:
            ctx.add(("arguments",), f"the {name} have no arguments: they can only pass",
                    "add an argument with side: " + name, "warning")


def _draft_of(motions: dict[str, Motion], motion: Motion | None) -> Motion | None:
    """The motion whose text is voted: an amendment's draft (None if unknown), else itself."""
    if motion is None or motion.kind != "amendment":
        return motion
    return motions.get(motion.amends) if motion.amends is not None else None


def check_offers(ctx: Context) -> None:
    """Offers are made in a stage that votes a draft, and name its paragraphs."""
    spec = ctx.spec
    motions = {m.id: m for m in spec.motions or []}
    stages = {s.id: s for s in spec.stages or []}
    for i, o in enumerate(spec.offers or []):
        ctx.ref(("offers", i, "stage"), o.stage, ctx.ids("stages"), "stage")
        stage = stages.get(o.stage)
        if stage is None:
            continue
        for j, mid in enumerate(o.tables):
            here = [m for m in stage.motions if m in motions and motions[m].optional]
            if mid in motions and motions[mid].optional and mid not in here:
                ctx.add(("offers", i, "tables", j), f"{mid!r} is not voted in stage "
                        f"{o.stage!r}, where the offer is made",
                        "make the offer in the stage that votes it")
                continue
            ctx.ref(("offers", i, "tables", j), mid, here, "optional motion")
        if not o.drop and not o.add:
            continue                    # an event that changes no text needs no draft
        drafts = [motions[m] for m in stage.motions if m in motions
                  and motions[m].kind in ("draft", "amendment")]
        if not drafts:
            ctx.add(("offers", i, "stage"), f"stage {o.stage!r} votes no draft, so there is "
                    "no text the offer could change", "make the offer in a stage with a draft")
            continue
        draft = _draft_of(motions, drafts[0])
        paras = ctx.paragraphs(draft.text) if draft else None
        for key in ("drop", "add"):
            for j, pid in enumerate(getattr(o, key)):
                ctx.ref(("offers", i, key, j), pid, paras, "paragraph")


def check_model(ctx: Context) -> None:
    """Cutpoints rise; every tag effect belongs to a tag some wording has."""
    model = ctx.spec.model
    if model is None:
        return
    low, high = model.cutpoints
    if not low < high:
        ctx.add(("model", "cutpoints"), f"cutpoints must rise: {low} is not below {high}",
                "e.g. [-2.4, 2.4]")
    used = {t for text in (ctx.spec.texts or {}).values() for p in text.paragraphs
            for v in p.variants for t in v.tags}
    for tag in model.tag_effects:
        if tag not in used and "texts" not in ctx.broken:
            ctx.add(("model", "tag_effects", tag), f"no wording has the tag {tag!r}",
                    suggest(tag, used) or "add it to a variant's tags, or delete it", "warning",
                    at_key=True)


def check_objectives(ctx: Context) -> None:
    """Objectives name real motions, and paragraphs and wordings of the text voted."""
    motions = {m.id: m for m in ctx.spec.motions or []}
    texts = ctx.spec.texts or {}
    for i, o in enumerate(ctx.spec.objectives or []):
        p = ("objectives", i)
        ctx.ref(p + ("motion",), o.motion, ctx.ids("motions"), "motion")
        motion = motions.get(o.motion)
        draft = _draft_of(motions, motion)
        text = texts.get(draft.text) if draft and draft.text else None
        if o.min_yes is not None and o.max_yes is not None and o.min_yes > o.max_yes:
            ctx.add(p + ("max_yes",), f"at most {o.max_yes} in favour, but at least "
                    f"{o.min_yes} too: the objective can never be met",
                    "make max_yes at least min_yes, or drop one of them")
        for para, variant in o.text_keeps.items():
            ctx.ref(p + ("text_keeps", para), para, ctx.paragraphs(draft.text) if draft else
                    None, "paragraph", at_key=True)
            found = next((q for q in text.paragraphs if q.id == para), None) if text else None
            if found:
                ctx.ref(p + ("text_keeps", para), variant, [v.id for v in found.variants],
                        "variant")


def check_sources_named(ctx: Context) -> None:
    """Arguments and offers that name a source name one of the case's `sources`."""
    for section in ("arguments", "offers"):
        for i, item in enumerate(getattr(ctx.spec, section) or []):
            if getattr(item, "source", None) is not None:
                ctx.ref((section, i, "source"), item.source, ctx.ids("sources"), "source")


CHECKS: tuple[Callable[[Context], None], ...] = (
    check_unique_ids, check_members, check_bodies, check_motions, check_stages, check_sides,
    check_offers, check_model, check_objectives, check_sources_named, check_history,
    check_facts, check_feature_names, check_accounting, check_backtest, check_translations,
    check_texts)


def cross_check(spec: ScenarioSpec, members: tuple[Member, ...], src: YamlDocument, filename: str,
                broken: set[str] | None = None,
                kept: dict[tuple, list[int]] | None = None) -> list[Issue]:
    """Every broken reference and doubtful number, as Issues (errors and warnings).

    ``broken`` and ``kept`` come from salvage when the spec is partial.
    """
    ctx = Context(spec, members, src, filename, set(broken or ()), dict(kept or {}))
    for check in CHECKS:
        check(ctx)
    return ctx.issues
