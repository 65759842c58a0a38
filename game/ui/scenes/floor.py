"""The lobbying floor: whip count of every delegation, filters, the dossier or the move log,
actions with their preview, budget."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

import pygame

from ...i18n import N_, _, pgettext
from ...vocabulary import BALLOT_CODES, BLOCS, GROUP_NAMES, REGIONAL_GROUPS, ballot_word
from .. import style, words
from ..style import px
from ..widgets.cells import Look, legend, look_from_probs
from ..widgets.tally import draw_tally
from .actions import ActionsMixin
from .base import MARGIN, Scene
from .floor_changes import ChangesMixin
from .floor_map import TOGGLE_W, MapViewMixin
from .intro import long_date

if TYPE_CHECKING:
    from ..app import App

HEADER = 64
#: Height of the action panel under the dossier (dropdowns, buttons, preview, status).
ACTIONS_HEIGHT = 380
#: Pixels the dossier or the log scrolls per key press (PageUp/PageDown).
SCROLL_STEP = 160
#: Tiles show ISO codes, so the default order is by code (A-Z as read on screen).
SORTS = [(N_("by code"), "code"), (N_("by name"), "name"), (N_("by support"), "support"),
         (N_("by regional group"), "group")]
#: Height of the strip with the expected tally (two lines of title, then the bar).
TALLY_H = 84
ARROWS = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1),
          pygame.K_DOWN: (0, 1)}
#: The filters' keys (each steps through its list; with Shift, backwards), shown in front of
#: the choice on screen.
FILTER_KEYS = {"motion": pygame.K_m, "group": pygame.K_f, "bloc": pygame.K_b,
               "sort": pygame.K_o}
FILTER_LETTERS = {"motion": "M", "group": "F", "bloc": "B", "sort": "O"}
#: Lines the legend under the delegations may take.
LEGEND_LINES = 2


def group_short(group: str) -> str:
    """A regional group's name without "Group", for the filter ("African", "Asia-Pacific"),
    in the language in use."""
    names = {"African": pgettext("regional group, short", "African"),
             "Asia-Pacific": pgettext("regional group, short", "Asia-Pacific"),
             "Eastern European": pgettext("regional group, short", "Eastern European"),
             "Latin American and Caribbean": pgettext("regional group, short",
                                                      "Latin American and Caribbean"),
             "Western European and Others": pgettext("regional group, short",
                                                     "Western European and Others")}
    return names.get(group) or GROUP_NAMES[group].replace(" Group", "")


def bloc_short(bloc: str) -> str:
    """A bloc's abbreviation in the language in use (the EU is the UE in French)."""
    names = {"EU": pgettext("bloc", "EU"), "OIC": pgettext("bloc", "OIC"),
             "NAM": pgettext("bloc", "NAM"), "AU": pgettext("bloc", "AU"),
             "ASEAN": pgettext("bloc", "ASEAN")}
    return names.get(bloc, bloc)


def kind_word(kind: str) -> str:
    """A motion's kind as the filter shows it ("draft", "amendment"), in the language in
    use."""
    names = {"draft": pgettext("motion kind", "draft"),
             "amendment": pgettext("motion kind", "amendment"),
             "procedural": pgettext("motion kind", "procedural"),
             "substantive": pgettext("motion kind", "substantive")}
    return names.get(kind, kind)


@dataclass
class FloorPrefs:
    """What the player chose on the floor; kept while they visit other screens."""

    selected: str | None = None
    group: str = "all"
    bloc: str = "all"
    sort: str = "code"
    argument: str | None = None
    address: str | None = None
    motion: dict[int, str] = field(default_factory=dict)
    #: The box above the actions shows the move log (else the dossier).
    log: bool = False
    #: The whip count is shown on the world map (else as the grid).
    map: bool = False


class FloorScene(ChangesMixin, MapViewMixin, ActionsMixin, Scene):
    """The General Assembly floor (Third Committee or plenary)."""

    name = "floor"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        if app.prefs is None:
            app.prefs = FloorPrefs()
        self.prefs: FloorPrefs = app.prefs
        self.view = self.make_view()
        self.looks: dict[str, Look] = {}
        self.hover: str | None = None
        #: The selection was moved with the keyboard: its tip shows as if pointed at.
        self.key_focus = False
        #: Filter -> its (label, id) options, for the keys that step through them.
        self.filter_options: dict[str, list[tuple[str, str]]] = {}
        #: The order by support as it was when chosen (motion and delegations it was for):
        #: re-sorting after every move would move the tile a player is about to click.
        self.support_order: tuple[tuple, list[str]] | None = None
        #: The status line opens on the last turn (the other side's opening moves, say).
        self.status_text, self.status_error = app.game.last_turn(), False
        self.init_changes()

    @property
    def shot_name(self) -> str:
        """The floor's name and the stage's id: one screenshot per stage."""
        stage = self.game.stage
        return f"{self.name}_{stage.id if stage else 'end'}"

    # -- motion shown -----------------------------------------------------------------------
    @property
    def motion_id(self) -> str:
        """The motion whose forecast is shown: the one chosen at this stage, else the target."""
        motions = self.game.stage_motions()
        chosen = self.prefs.motion.get(self.game.state.stage)
        if chosen is not None and chosen in motions:
            return chosen
        return self.game.target()

    def set_motion(self, motion_id: str) -> None:
        """Show the forecast of another of the stage's motions."""
        self.prefs.motion[self.game.state.stage] = motion_id
        self.refresh()

    # -- layout -----------------------------------------------------------------------------
    def columns(self) -> tuple[pygame.Rect, pygame.Rect]:
        """(whip count column, dossier and actions column)."""
        w, h = self.size
        m, top = px(MARGIN), px(HEADER + 4)
        rw = max(px(470), int(w * 0.37))
        right = pygame.Rect(w - m - rw, top, rw, h - top - m)
        left = pygame.Rect(m, top, right.x - 2 * m, right.h)
        return left, right

    def build(self) -> None:
        """Filters, tally, delegations, dossier, the action panel and the briefing button."""
        left, right = self.columns()
        self.build_filters(left)
        self.tally_rect = pygame.Rect(left.x, left.y + px(42), left.w, px(TALLY_H))
        legend_h = LEGEND_LINES * (style.font(13).get_linesize() + px(4)) + px(4)
        self.view_rect = pygame.Rect(left.x, self.tally_rect.bottom + px(10), left.w,
                                     left.bottom - self.tally_rect.bottom - px(10) - legend_h)
        self.build_map_toggle(pygame.Rect(left.right - px(TOGGLE_W), self.view_rect.bottom + px(4),
                                          px(TOGGLE_W), px(30)))
        dossier_h = right.h - px(ACTIONS_HEIGHT) - px(8)
        self.dossier = self.textbox((right.x, right.y, right.w, dossier_h), "", "@dossier")
        self.build_actions(pygame.Rect(right.x, right.y + dossier_h + px(8), right.w,
                                       right.h - dossier_h - px(8)))
        help_x = self.help_rect().x
        bw, lw = px(160), px(150)
        self.button("briefing", (help_x - px(8) - bw, px(12), bw, px(HEADER - 24)),
                    _("Briefing (Esc)"), self.back)
        self.button("log", (help_x - px(16) - bw - lw, px(12), lw, px(HEADER - 24)),
                    self.log_label(), self.toggle_log,
                    tip=_("What each move did on its own, and the replies (L)"))
        self.keys[pygame.K_ESCAPE] = self.back
        self.keys[pygame.K_l] = partial(self.press, "log")
        self.keys[pygame.K_PAGEDOWN] = partial(self.scroll_box, SCROLL_STEP)
        self.keys[pygame.K_PAGEUP] = partial(self.scroll_box, -SCROLL_STEP)
        for key, (dx, dy) in ARROWS.items():
            self.keys[key] = partial(self.move_selection, dx, dy)
        self.refresh()

    def build_filters(self, left: pygame.Rect) -> None:
        """Dropdowns: which vote, regional group, bloc, order."""
        x, y, w = left.x, left.y, left.w
        widths = [int(w * 0.31), int(w * 0.29), int(w * 0.18)]
        widths.append(left.right - x - sum(widths))
        h, gap = px(34), px(6)
        motions = []
        for m in self.game.stage_motions():
            mo = self.game.motion(m)
            motions.append((f"{mo.symbol} · {kind_word(mo.kind)}", m))
        groups = [(_("All regional groups"), "all")] + [
            (group_short(g), g) for g in REGIONAL_GROUPS]
        blocs = [(_("All blocs"), "all")] + [(bloc_short(b), b) for b in BLOCS]
        sorts = [(_(label), value) for label, value in SORTS]
        self.filter_rects: dict[str, pygame.Rect] = {}
        for (name, options), width in zip((("motion", motions), ("group", groups),
                                           ("bloc", blocs), ("sort", sorts)), widths,
                                          strict=True):
            room = width - gap - px(44)
            letter = FILTER_LETTERS[name]
            self.filter_options[name] = [
                (style.ellipsize(f"{letter}: {label}", room, 14), value)
                for label, value in options]
            self.filter_rects[name] = pygame.Rect(x, y, width - gap, h)
            self.build_filter(name)
            self.keys[FILTER_KEYS[name]] = partial(self.step_filter, name)
            x += width

    def build_filter(self, name: str) -> None:
        """(Re)build one filter's dropdown showing the current choice."""
        now = self.motion_id if name == "motion" else getattr(self.prefs, name)
        change = self.set_motion if name == "motion" else partial(self.set_pref, name)
        self.dropdown(name, self.filter_rects[name], self.filter_options[name], now, change)

    def step_filter(self, name: str) -> None:
        """M, F, B, O: the next choice of a filter (Shift: the one before), as if picked."""
        values = [v for _label, v in self.filter_options[name]]
        now = self.motion_id if name == "motion" else getattr(self.prefs, name)
        step = -1 if pygame.key.get_mods() & pygame.KMOD_SHIFT else 1
        value = values[(values.index(now) + step) % len(values)] if now in values \
            else values[0]
        if name == "motion":
            self.set_motion(value)
        else:
            self.set_pref(name, value)
        self.build_filter(name)

    def set_pref(self, name: str, value: str) -> None:
        """A filter or order changed; addressing follows the group or bloc filtered on."""
        setattr(self.prefs, name, value)
        if name == "sort":
            self.support_order = None                # choosing an order again sorts anew
        if name in ("group", "bloc") and value != "all":
            self.choose_address(value)
        self.refresh()

    # -- state -> screen --------------------------------------------------------------------
    def matches(self, iso: str) -> bool:
        """The delegation passes the regional group and bloc filters."""
        m = self.game.member(iso)
        return ((self.prefs.group == "all" or m.regional_group == self.prefs.group)
                and (self.prefs.bloc == "all" or self.prefs.bloc in m.blocs))

    def mark(self, iso: str) -> str | None:
        """The cell's mark: co-sponsor, a side's own delegation, or None."""
        if self.game.is_cosponsor(iso):
            return "cosponsor"
        return {"sponsors": "sponsor", "opposition": "opposition"}.get(self.game.side_of(iso) or "")

    def order(self, probs: dict) -> list[str]:
        """ISO codes in the chosen order (code, name, support, regional group)."""
        game = self.game
        isos = list(probs)
        keys = {"code": lambda i: i, "name": lambda i: game.member(i).name,
                "support": lambda i: (probs[i][1] - probs[i][0], game.member(i).name),
                "group": lambda i: (game.member(i).regional_group or "~", game.member(i).name)}
        if self.prefs.sort != "support":
            return sorted(isos, key=keys[self.prefs.sort])
        for_what = (self.motion_id, tuple(sorted(isos)))
        if self.support_order is None or self.support_order[0] != for_what:
            self.support_order = (for_what, sorted(isos, key=keys["support"]))
        return list(self.support_order[1])

    def refresh(self) -> None:
        """Recompute the whip count, the dossier and the buttons from the state."""
        if self.game.stage is None:
            return
        probs = self.game.probabilities(self.motion_id)
        self.looks = {iso: look_from_probs(p, dim=not self.matches(iso), mark=self.mark(iso))
                      for iso, p in probs.items()}
        self.view.layout(self.view_rect, self.order(probs))
        if self.prefs.selected not in probs:
            self.prefs.selected = None
        self.show_box()
        self.refresh_actions()
        self.watch_changes()

    def show_box(self) -> None:
        """The box above the actions: the move log, or the selected delegation's dossier."""
        if self.prefs.log:
            self.dossier.set_text(words.move_log(self.game))
        else:
            self.dossier.set_text(words.dossier(self.game, self.prefs.selected, self.motion_id))

    def log_label(self) -> str:
        """The log button names what it would show."""
        return _("Dossier  (L)") if self.prefs.log else _("Move log  (L)")

    def toggle_log(self) -> None:
        """Show the move log instead of the dossier, or the dossier again."""
        self.prefs.log = not self.prefs.log
        self.buttons["log"].set_text(self.log_label())
        self.show_box()

    def scroll_box(self, pixels: int) -> None:
        """PageUp/PageDown: scroll the dossier or the log."""
        self.scroll_text(self.dossier, pixels)

    def select(self, iso: str | None) -> None:
        """Open a delegation's dossier (None: keep the one open); the log gives way to it."""
        if iso is not None:
            self.prefs.selected = iso
            if self.prefs.log:
                self.prefs.log = False
                self.buttons["log"].set_text(self.log_label())
            self.dossier.set_text(words.dossier(self.game, iso, self.motion_id))
            self.refresh_actions()

    def move_selection(self, dx: int, dy: int) -> None:
        """Arrow keys: select the neighbouring delegation in that direction (its name and
        forecast show beside it, as if pointed at)."""
        self.select(self.view.move(self.prefs.selected, dx, dy))
        self.key_focus, self.hover = True, None

    def on_event(self, event: pygame.event.Event) -> bool:
        """A click selects a delegation, pointing shows its forecast; the offer window."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            iso = self.view.hit(event.pos)
            if iso:
                self.select(iso)
                return True
        elif event.type == pygame.MOUSEMOTION:
            self.hover = self.view.hit(event.pos)
            self.key_focus = self.key_focus and self.hover is None
        elif event.type == pygame.MOUSEWHEEL and self.dossier.rect.collidepoint(
                pygame.mouse.get_pos()):
            return self.scroll_text(self.dossier, -event.y * 60)
        return self.on_action_event(event)

    def update(self, dt: float) -> None:
        """The button under the pointer becomes the preview's subject."""
        self.update_focus()
        self.update_changes(dt)

    def back(self) -> None:
        """Esc: close the offer window if open, else go back to the briefing."""
        if not self.close_windows():
            self.app.goto("briefing")

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Header, expected tally, the delegations, the legend and the status line."""
        surface.fill(style.BG)
        self.draw_header(surface)
        motion = self.game.motion(self.motion_id)
        f = self.game.forecast(self.motion_id)
        want = (_("you want it {outcome}").format(outcome=words.adopted_word(self.game, motion))
                if self.game.wants_adopted(motion) else _("you want it REJECTED"))
        rule = self.game.session.rule(motion.id).describe()
        # whole votes that add up to the body (largest remainder), not each one rounded
        counts, p_adopted = self.eased_tally(tuple(float(x) for x in f.counts), f.p_adopted)
        draw_tally(surface, self.tally_rect, counts,
                   title=_("Expected if voted now ({want}). Needs {rule}.").format(
                       want=want, rule=rule), p_adopted=p_adopted,
                   want_adopted=self.game.colour_view(motion))
        self.view.draw(surface, self.looks, self.prefs.selected, self.names(),
                       colours=style.ballot_colours(self.game.colour_view(motion)))
        self.legend_right = legend(surface, (self.view_rect.x, self.view_rect.bottom + px(6)),
                                   max_width=self.view_rect.w - px(TOGGLE_W + 12) * self.has_map,
                                   want_adopted=self.game.colour_view(motion),
                                   lines=LEGEND_LINES)
        self.draw_status(surface)

    def names(self) -> dict[str, str]:
        """Names the cells show where they are wide enough (the grid's short names)."""
        return {iso: self.game.member(iso).name for iso in self.looks}

    def draw_header(self, surface: pygame.Surface) -> None:
        """Stage title and date (the calendar), capital and days left (the budget)."""
        w = self.size[0]
        head = px(HEADER)
        pygame.draw.rect(surface, style.BG_DEEP, (0, 0, w, head))
        pygame.draw.line(surface, style.PANEL_EDGE, (0, head - 1), (w, head - 1))
        stage = self.game.stage
        body = self.game.session.body(stage.body).name
        capital, days = self.game.budget()
        x = self.buttons["log"].rect.x - px(8) if "log" in self.buttons else w // 2
        box_w = px(154)
        m = px(MARGIN)
        title_w = style.font(22, True).size(stage.title)[0]
        boxes = [("days", days, stage.days), ("capital", capital, self.game.full_capital())]
        # the opponent's capital left, where the title still fits beside it
        other = self.game.other
        theirs = self.game.state.budget(other)[0]
        full = stage.opposition_capital if other == "opposition" and \
            stage.opposition_capital is not None else stage.capital
        if x - 3 * (box_w + px(8)) - 2 * m >= title_w:
            boxes.append(("opponent", theirs, full))
        room = x - len(boxes) * (box_w + px(8)) - 2 * m
        style.text(surface, stage.title, (m, px(4)), 22, bold=True, max_width=room)
        # the body's long name loses its parenthesis before anything is cut
        where_words = f"{long_date(stage.date)} · {body}"
        if style.font(14).size(where_words)[0] > room and " (" in body:
            where_words = f"{long_date(stage.date)} · {body.split(' (')[0]}"
        where = style.text(surface, where_words, (m, px(34)), 14, colour=style.MUTED,
                           max_width=room)
        note = ""
        if self.game.state.phase == "last_word":
            note = "· " + (_("your last word: the vote is called when you pass") if
                           self.game.side == "opposition" else _("the vote has been asked for"))
        elif self.game.notices():                       # the status line says why
            note = "· " + _("not being saved")
        if note and room - where.w > px(80):
            style.text(surface, note, (where.right + px(8), px(34)), 14,
                       colour=style.GOLD, max_width=room - where.w - px(8))
        labels = {"days": _("Days left"), "capital": _("Capital"), "opponent": _("Opponent")}
        for key, value, total in boxes:
            box = pygame.Rect(x - box_w, px(8), box_w, head - px(16))
            pygame.draw.rect(surface, style.PANEL, box, border_radius=px(8))
            col = style.GOLD if value <= 2 and key != "opponent" else style.TEXT
            num = style.text(surface, f"{value}/{total}", (box.right - px(8), box.centery), 20,
                             bold=True, colour=col, anchor="midright",
                             max_width=box.w - px(16))
            style.text(surface, labels[key], (box.x + px(8), box.centery), 14, colour=style.MUTED,
                       anchor="midleft", max_width=num.x - box.x - px(12))
            x -= box_w + px(8)

    def draw_over(self, surface: pygame.Surface) -> None:
        """The hovered (or keyboard-selected) delegation's name and forecast, next to its cell
        and inside the grid; never over a window or the glossary."""
        iso = self.hover or (self.prefs.selected if self.key_focus else None)
        covered = self.overlay_open or self.offer_window is not None \
            or self.tactics_window is not None
        if not covered:
            self.draw_changes(surface)
        if iso and iso in self.looks and iso in self.view.cells and not covered:
            m = self.game.member(iso)
            p = self.game.probabilities(self.motion_id)[iso]
            line = _("{name}: {ballots}").format(name=m.name, ballots=" · ".join(
                f"{ballot_word(k)} {x:.0%}" for k, x in zip(BALLOT_CODES, p, strict=True)))
            self.tip_rect = style.tooltip(surface, line, self.view.cells[iso], self.view_rect)
