"""The floor-tactics window: the procedural moves the player's side can make now, one row
each, the chosen one explained and previewed, and the button that makes it.
"""
from __future__ import annotations

from functools import partial
from html import escape

import pygame
import pygame_gui
from pygame_gui.elements import UITextBox, UIWindow

from ...decisions import (
    Decision,
)
from ...i18n import N_, _, ngettext
from .. import style, words
from ..style import px
from .buttons import cost_words
from .preview_strip import PreviewStripMixin

#: What each tactic does, in a sentence (the rules of procedure behind it).
TACTIC_WORDS = {
    "move_no_action": N_("A motion that no action be taken is voted before the draft and its "
                         "amendments (rules 116 and 74): if it is adopted, the draft is not "
                         "voted at all."),
    "request_separate_vote": N_("The paragraph is put to the vote on its own before the "
                                "draft; if it is rejected it leaves the text. The sponsors may "
                                "object: a motion for division is then voted first (rules 129 "
                                "and 89)."),
    "object_to_division": N_("Your objection puts a motion for division to the vote first: if "
                             "it is rejected, the paragraph stays without a separate vote. It "
                             "costs nothing but your turn."),
    "ask_abstention": N_("A permanent member that abstains does not block the draft (Charter "
                         "Art. 27(3)). It agrees only if it is not set on voting against; a "
                         "refusal costs the same."),
}
TACTIC_COSTS = {"move_no_action": "no_action", "request_separate_vote": "separate_vote",
                "ask_abstention": "ask_abstention"}
#: Rows of the tactics window shown at once (Up/Down scroll through more).
TACTIC_ROWS = 7


class TacticsWindowMixin(PreviewStripMixin):
    """Opens the tactics window, moves through its rows and makes the tactic chosen."""

    def do_noaction(self) -> None:
        """Move no action on the stage's draft (the first motion it can be moved on)."""
        decision = next((d for d in self.game.mine() if d.type == "move_no_action"), None)
        if decision is not None:
            self.submit(decision)

    def do_tactics(self, first: str | None = None) -> None:
        """Open the tactics window (on the first tactic of type ``first``, if given)."""
        self.tactics = self.tactic_decisions()
        if not self.tactics:
            return
        self.tactic_index = next((k for k, d in enumerate(self.tactics) if d.type == first), 0)
        self.build_tactics()

    def build_tactics(self) -> None:
        """(Re)build the tactics window: a row per tactic, the chosen one's preview, buttons."""
        if self.tactics_window is not None:
            self.close_tactics()
        w, h = self.size
        win_h, win_w = min(px(640), h - px(40)), min(px(880), w - px(40))
        win = UIWindow(pygame.Rect(w // 2 - win_w // 2, h // 2 - win_h // 2, win_w, win_h),
                       self.manager, window_display_title=_(
                           "Floor tactics  (Up/Down choose · Enter make the move · Esc close)"),
                       object_id="#tactics")
        self.add(win)
        self.tactics_window = win
        inner_w, inner_h = win.get_container().get_size()
        pad, rh = px(10), px(34)
        rows = int(max(2, min(TACTIC_ROWS, (inner_h - px(260)) // (rh + px(4)))))
        first = max(0, min(self.tactic_index - rows // 2, len(self.tactics) - rows))
        self.tactic_keys: list[str] = []
        y = px(8)
        for k in range(first, min(len(self.tactics), first + rows)):
            d = self.tactics[k]
            key = f"tactic_{k}"
            b = self.button(key, (pad, y, inner_w - 2 * pad, rh),
                            style.ellipsize(self.tactic_label(d), int(inner_w) - px(50), 15),
                            partial(self.choose_tactic_at, k), cls="@action", container=win,
                            tip=self.tactic_label(d))
            if k == self.tactic_index:
                b.select()
            self.tactic_keys.append(key)
            y += rh + px(4)
        more = len(self.tactics) - rows
        line = style.font(15).get_linesize()
        box_top = y + (line + px(4) if more > 0 else px(4))
        if more > 0:
            self.add(pygame_gui.elements.UILabel(
                pygame.Rect(pad, y, inner_w - 2 * pad, line),
                ngettext("{n} in all: Up/Down to see the others",
                         "{n} in all: Up/Down to see the others",
                         len(self.tactics)).format(n=len(self.tactics)), self.manager,
                container=win))
        d = self.tactics[self.tactic_index]
        html = (f"<b>{escape(self.tactic_label(d))}</b><br>"
                + words.c(words.MUTED, escape(_(TACTIC_WORDS[d.type]) if d.type in TACTIC_WORDS
                                              else "")) + "<br><br>"
                + self.preview_html(d))
        bh = px(44)
        self.tactic_box = UITextBox(html, pygame.Rect(pad, box_top, inner_w - 2 * pad,
                                                      inner_h - box_top - bh - 2 * pad),
                                    self.manager, container=win)
        bw = int(inner_w - 3 * pad) // 2
        self.button("do_tactic", (pad, inner_h - bh - pad, bw, bh), _("Make this move  (Enter)"),
                    self.do_tactic, cls="@primary", container=win)
        self.button("close_tactics", (2 * pad + bw, inner_h - bh - pad, bw, bh), _("Close  (Esc)"),
                    self.close_tactics, container=win)

    def tactic_label(self, d: Decision) -> str:
        """A tactic in a line: what it is and what it costs."""
        what = self.game.describe(d, now=True)
        name = TACTIC_COSTS.get(d.type)
        what = what[0].upper() + what[1:]
        if name is None:
            return _("{move} · free").format(move=what)
        c = getattr(self.game.scenario.spec.costs, name)
        return f"{what} · {cost_words(c.capital, c.days)}"

    def choose_tactic_at(self, index: int) -> None:
        """Show tactic ``index`` (a click on its row, or Up/Down)."""
        if self.tactics and 0 <= index < len(self.tactics):
            self.tactic_index = index
            self.build_tactics()

    def choose_tactic(self, decision: Decision) -> bool:
        """Show the row of ``decision`` (the driver's way to pick one). False if none."""
        if decision not in self.tactics:
            return False
        self.choose_tactic_at(self.tactics.index(decision))
        return True

    def do_tactic(self) -> None:
        """Make the tactic shown (the window closes)."""
        if not self.tactics:
            return
        decision = self.tactics[self.tactic_index]
        self.close_windows()
        self.submit(decision)

    def close_tactics(self) -> None:
        """Close the tactics window (its buttons go with it)."""
        win = self.tactics_window
        if win is None:
            return
        for key in [k for k in self.buttons if k.startswith("tactic_")] + ["do_tactic",
                                                                            "close_tactics"]:
            b = self.buttons.pop(key, None)
            self.handlers.pop(b, None)
        win.kill()
        if win in self.elements:
            self.elements.remove(win)
        self.tactics_window = None
