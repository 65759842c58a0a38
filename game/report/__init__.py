"""The class report: many session files of a class, replayed, summed up and set beside the
real record (``report FILES… --out DIR``).

``sessions`` replays one file into a :class:`~game.report.sessions.SessionSummary` (pure data),
``classview`` gathers a case's summaries into what the class did (tallies, flipped
delegations, the moves that worked), ``table`` turns them into CSV rows; ``charts`` draws the
charts (matplotlib, SVG) and ``page`` writes the HTML page. Only ``charts`` imports matplotlib.
Nothing here reads a clock, a user name or a host: the page names sessions only by the names
it is given.
"""
