"""The glossary (F1 or the ? button on every screen): the game's words in plain language.

Written for 15-year-olds: one or two short sentences each, no pygame here. The tables hold
the English (marked with ``N_``); ``html``, ``terms`` and ``explain`` give them in the
language in use, so a French screen's term finds its French entry.
"""
from __future__ import annotations

from html import escape

from ..i18n import N_, _
from . import style

#: (heading, [(term, explanation), ...]) in the order a player meets them.
GLOSSARY: list[tuple[str, list[tuple[str, str]]]] = [
    (N_("Where it happens"), [
        (N_("General Assembly"), N_("The meeting of all 193 Member States of the United Nations. "
         "Each has one vote. Its resolutions are recommendations: they say what the world "
         "thinks, but they do not force anyone to act.")),
        (N_("Third Committee"), N_("One of the six main committees of the General Assembly: the "
         "Social, Humanitarian and Cultural Committee, where human-rights texts are debated "
         "first. Every Member State sits on it. A draft it approves goes on to the plenary.")),
        (N_("Plenary"),
         N_("The General Assembly meeting as a whole, usually in December, where the "
         "drafts approved by its committees are adopted. Countries often vote as they did in "
         "the committee, but some change their vote.")),
    ]),
    (N_("The case"), [
        (N_("ICC (International Criminal Court)"), N_("A court in The Hague that tries people, not "
         "countries, for genocide, crimes against humanity and war crimes. It was set up by a "
         "treaty, the Rome Statute; the countries that joined it are its states parties. The "
         "Security Council can refer to it a situation in a country that never joined.")),
        (N_("Commission of Inquiry (COI)"),
         N_("Independent experts sent by the Human Rights Council "
         "to find out what happened in a country. The one on North Korea (the DPRK), set up "
         "in 2013, reported in 2014 that crimes against humanity had been committed there.")),
        (N_("Human Rights Council"), N_("47 Member States, elected by the General Assembly, that "
         "meet in Geneva to review human rights everywhere and set up inquiries.")),
    ]),
    (N_("Texts"), [
        (N_("Draft resolution"),
         N_("A text that countries want the United Nations to agree on. Until "
         "it is adopted it is only a draft.")),
        (N_("PP / OP"), N_("Preambular paragraph / operative paragraph. PPs come first and explain "
         "why (\"Recalling…\", \"Deeply concerned…\"); OPs say what the UN decides or asks for "
         "(\"Condemns…\", \"Encourages…\"). They are numbered PP 1, PP 2… and OP 1, OP 2…")),
        (N_("Amendment"),
         N_("A proposal to change a draft, for example to delete a paragraph. It is "
         "voted on before the draft itself.")),
        (N_("Main sponsor / co-sponsor"), N_("The main sponsors wrote the draft and table it (you, "
         "if you play the sponsors). Co-sponsors are other countries that sign up to support "
         "it; each one makes the draft look stronger.")),
        (N_("Opposition"), N_("The countries working to defeat the draft or strip its strongest "
         "paragraphs. You can play either side; a computer player takes the other.")),
    ]),
    (N_("Lobbying"), [
        (N_("Diplomatic capital"), N_("How much favour and attention you can ask of others. Every "
         "action costs some; when it runs out you cannot act any more at this meeting.")),
        (N_("Days"), N_("Working days left before the vote. Every action takes time too.")),
        (N_("Whip count"), N_("Your running list of who will vote how. Each square is one country; "
         "its colour and symbol show the vote expected, paler means less sure.")),
        (N_("P(adopted)"), N_("The chance that the motion passes if it is put to the vote now, "
         "counted over every way the delegations might vote. 80% means it passes in about 8 "
         "votes out of 10.")),
        (N_("Ideal point"),
         N_("Where a country stands, from how it voted at the UN over many years: "
         "a number on a line, higher means it usually votes like the United States, lower "
         "like its critics. \"On human rights\" is the same, from human-rights votes only.")),
        (N_("Leans in favour / against"), N_("The model adds up the reasons for and against (its "
         "\"support\"). High support: a vote in favour; low: against; in between: an "
         "abstention is most likely.")),
        (N_("Points you can expect"), N_("Each objective of your side is worth points. The game "
         "multiplies each by its chance of being met and adds them up. Every preview shows "
         "this number now and after the move, so you can see what a move is worth.")),
        (N_("Argument"), N_("What you say when you lobby a delegation or a group. Each argument "
         "persuades some delegations more than others (the preview says whom), and saying the "
         "same thing twice to the same delegation works less well the second time.")),
        (N_("Move log"), N_("What each move did on its own: yours first, then the other side's "
         "reply. Press L on the floor to read it.")),
        (N_("Bloc and regional group"), N_("Countries that often act together: regional groups "
         "(African, Asia-Pacific…) and blocs such as the EU, the OIC, the African Union or the "
         "Non-Aligned Movement (NAM).")),
    ]),
    (N_("Voting"), [
        (N_("Recorded vote"), N_("Every country's vote is written down by name: in favour, against "
         "or abstention, or it is absent.")),
        (N_("Abstention vs absent"),
         N_("An abstention is a country in the room that chooses not to "
         "take a side. Absent means it did not vote at all (not in the room).")),
        (N_("Present and voting"), N_("Only countries voting in favour or against. Abstentions and "
         "absent countries are not counted when the majority is worked out.")),
        (N_("Simple majority"), N_("More votes in favour than against (of those present and "
         "voting). A tie means the motion fails.")),
        (N_("Two-thirds majority"), N_("At least twice as many votes in favour as against; needed "
         "for questions the General Assembly treats as important.")),
        (N_("Motion for no action"), N_("A motion that the meeting take no decision on a draft. It "
         "is voted first; if it passes, the draft is never voted on at all.")),
        (N_("Separate vote / motion for division"), N_("A request to vote one paragraph on its own "
         "before the draft. If the paragraph is rejected it leaves the text. If the other "
         "side objects, a motion for division is voted first to decide whether to split it.")),
        (N_("Approved / adopted"), N_("A committee of the General Assembly approves a draft and "
         "sends it on; the plenary and the Security Council adopt it.")),
    ]),
    (N_("The Security Council"), [
        (N_("P5 / E10"), N_("The Council has 15 members. Five are permanent (P5: China, France, "
         "Russia, the United Kingdom, the United States); ten are elected for two years (E10).")),
        (N_("Veto"), N_("On a substantive question, one vote against by a P5 member blocks the "
         "decision, however many vote in favour. An abstention does not block it.")),
        (N_("Procedural vs substantive"), N_("Procedural questions (such as putting an item on the "
         "agenda) need 9 votes and cannot be vetoed. Substantive ones (such as referring a "
         "situation to the International Criminal Court) need 9 votes and no veto.")),
        (N_("Asking a P5 member to abstain"), N_("The side that wants a draft adopted can ask a "
         "permanent member to abstain instead of vetoing. It costs capital and is granted "
         "only by a member not already set on voting against.")),
        (N_("Tabling a draft"),
         N_("Putting a draft formally before the meeting so that it is voted "
         "on. A draft that is held back is never voted on.")),
    ]),
    (N_("Keys (everything works without a mouse)"), [
        (N_("Anywhere"), N_("F1 or ? this help · Esc back or close · F11 fullscreen · F10 high "
         "contrast.")),
        (N_("Floor and Council"), N_("Arrow keys choose a delegation · 1-8 the actions · Tab the "
         "argument · G the group or bloc · M the vote shown · F regional group · B bloc · "
         "O order · L move log · PageUp/PageDown scroll the dossier.")),
        (N_("Windows"), N_("Offer: A accepts, R or Enter refuses · Floor tactics: Up/Down choose, "
         "Enter makes the move.")),
        (N_("Draft text"), N_("Up/Down the paragraph · Left/Right its wording · Enter revises · "
         "PageUp/PageDown scroll.")),
        (N_("Vote board"), N_("Space or Enter skips the count · once the board is full, Enter "
         "continues.")),
        (N_("Debrief"), N_("R the next roll call · Enter or Esc play again · Q quits.")),
    ]),
]


#: Scene name -> what that screen is for and what to do on it (F1 shows it above the glossary).
SCREEN_HELP: dict[str, str] = {
    "turn": N_("Two teams share this screen and take turns: the team named here takes the "
            "keyboard, the other looks away. Press any key to start the turn; its clock runs "
            "on the floor. P pauses the game."),
    "title": N_("Choose a case, the side you play and how strong the computer opponent is, then "
             "press Enter to read your briefing. C continues a saved game."),
    "briefing": N_("Your side, your goal and what you are scored on, the calendar of the votes "
                "and what each action costs. Read it, then press Enter to start lobbying."),
    "floor": N_("The whip count: each square is a delegation, coloured by the vote expected. "
             "Click one (or use the arrow keys) to read its dossier, choose an argument, then "
             "press 1 to lobby it; 2 addresses a whole group or bloc. The preview at the "
             "bottom right says what a move would do before you make it. 7 calls the vote "
             "(the sponsors) or passes your turn (the opposition). W shows the same whip "
             "count on a world map (small states are dots), and back."),
    "council": N_("The Security Council: only its 15 members vote. Lobby them as on the floor; "
               "remember that one permanent member voting against blocks a substantive "
               "decision (a veto), but not a procedural one."),
    "text": N_("The draft as it stands, paragraph by paragraph. Where you may revise a paragraph, "
            "choose another wording: the preview shows what it would do to the votes."),
    "vote": N_("A recorded vote: the board fills as the delegations vote, then the result. "
            "Press Enter once the board is full to go on."),
    "recap": N_("What the stage that ended did: each vote beside the real one of 2014, good or "
             "bad for you, and the delegations whose expected vote moved during the stage and "
             "what moved them. Press Enter for the next stage."),
    "debrief": N_("How you did: every vote beside the real one of 2014, the points you won and "
               "the delegations that voted differently from the record."),
    "saved": N_("Games you left unfinished. Choose one with the arrow keys and press Enter to "
             "continue it where it stopped."),
    "sessions": N_("Saved games, finished or not, newest first. Choose one with the arrow keys "
                "and press Enter to go through it step by step; Open a file… reads any other."),
    "review": N_("A saved game, one decision at a time: Left and Right step, Home and End jump "
              "to the ends, PageUp and PageDown ten at a time. The panel says what the "
              "decision did and why delegations moved. W plays on from here as a new game "
              "(what if); C compares this game with another."),
    "compare": N_("Two games of the same case side by side: every vote of each, the delegations "
               "that voted differently, and the decision where the two games part ways. A or "
               "B opens that game at that point."),
    "error": N_("Something went wrong. The message says what happened; every move made so far "
             "is kept in the game's session file."),
}


def html(screen: str | None = None) -> str:
    """The glossary as HTML for a pygame_gui text box, after a word on ``screen`` (a scene
    name of ``SCREEN_HELP``; none if it has no entry), in the language in use."""
    parts = []
    if screen in SCREEN_HELP:
        # TRANSLATORS: the heading of the help of the screen in view, above the glossary
        here = _("On this screen")
        parts.append(f"<font pixel_size={style.font_px(19)}><b>{escape(here)}</b></font><br>"
                     f"{escape(_(SCREEN_HELP[screen]))}")
    for heading, entries in GLOSSARY:
        parts.append(f"<font pixel_size={style.font_px(19)}><b>{escape(_(heading))}</b></font>")
        for term, words in entries:
            parts.append(f"<b><font color='#7cc4f0'>{escape(_(term))}</font></b>  "
                         f"{escape(_(words))}")
    return "<br><br>".join(parts)


def terms() -> list[str]:
    """Every term explained, in the language in use (for tests and the briefing)."""
    return [_(term) for __, entries in GLOSSARY for term, __words in entries]


def explain(term: str) -> str | None:
    """What ``term`` means, in the language in use: ``term`` as a screen shows it (in that
    language, or the English of the code), any case; None if the glossary has no entry."""
    wanted = term.strip().casefold()
    for __, entries in GLOSSARY:
        for english, words in entries:
            if wanted in (english.casefold(), _(english).casefold()):
                return _(words)
    return None
