"""``report FILES… --out DIR``: the class report built from real session files (games played
by bots on both sides through simulate), checked against replaying each file on its own."""
from __future__ import annotations

import csv
import getpass
import json
import os
import re
from html import unescape
from pathlib import Path

import pytest

from game.cli import main
from game.cli.modelcmds import simulate
from game.cli.verify import replay
from game.replay import read
from game.scenario import load
from helpers import SCENARIOS

#: The class: (file stem, case, side, the players' bot, opponent level, seed).
CLASS = (("ana", "dprk_2014", "sponsors", "greedy", "greedy", 1),
         ("ben", "dprk_2014", "opposition", "greedy", "greedy", 2),
         ("cleo", "dprk_2014", "sponsors", "random", "passive", 3),
         ("eva", "syria_2014", "sponsors", "greedy", "greedy", 5))


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """The class's session files, a damaged one, an unfinished one and one that is no
    session file; then the report built from them all (one renamed by --name)."""
    folder = tmp_path_factory.mktemp("class")
    files = {}
    for stem, case, side, bot, opponent, seed in CLASS:
        files[stem] = folder / f"{stem}.jsonl"
        simulate(load(SCENARIOS / f"{case}.yaml"), seed, bot, session_file=str(files[stem]),
                 side=side, opponent=opponent).close()
    lines = files["ana"].read_bytes().splitlines(keepends=True)
    files["fay"] = folder / "fay.jsonl"                  # an edited decision at line 9
    files["fay"].write_bytes(b"".join(lines[:8]) + lines[8].replace(b'"sponsors"', b'"x"', 1)
                             + b"".join(lines[9:]))
    files["gus"] = folder / "gus.jsonl"                  # the game stopped half-way
    files["gus"].write_bytes(b"".join(lines[:len(lines) // 2]))
    files["hal"] = folder / "hal.jsonl"
    files["hal"].write_text("this is not a game\n", encoding="utf-8")
    out = folder / "report"
    code = main(["report", *map(str, files.values()), "--out", str(out),
                 "--name", f"{files['cleo']}=Cleo's <script>team</script>"])
    assert code == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    with (out / "sessions.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["name"]: r for r in csv.DictReader(fh)}
    return files, page, rows, out


def replayed(path: Path):
    loaded = read(path)
    return replay(load(SCENARIOS / f"{loaded.scenario}.yaml"), loaded, loaded.seed).session


@pytest.mark.slow
def test_the_csv_has_a_row_per_session_that_agrees_with_replaying_its_file(played):
    files, _, rows, _ = played
    names = {"cleo": "Cleo's <script>team</script>"}
    for stem, _, side, _, opponent, _ in CLASS:
        row, session = rows[names.get(stem, stem)], replayed(files[stem])
        assert (row["status"], row["side"], row["opponent"]) == ("complete", side, opponent)
        assert int(row["decisions"]) == len(session.decisions)
        _, won, possible = session.score(side=side)
        assert (int(row["points"]), int(row["points_possible"])) == (won, possible)
        for r in session.state.results:
            t = dict(r.tally)
            assert row[f"{r.motion} outcome"] == r.outcome
            for column, key in (("in favour", "yes"), ("against", "no"),
                                ("abstaining", "abstain")):
                assert row[f"{r.motion} {column}"] == (str(t[key]) if t else "")
        held = {r.motion for r in session.state.results}
        unheld = [c for c in row if c.endswith(" outcome") and c.split()[0] not in held]
        assert all(row[c] == "" for c in unheld)


def test_capital_spent_is_what_the_side_played_had_less_at_the_end_of_each_stage(played):
    files, _, rows, _ = played
    session = replayed(files["ana"])
    spent = sum(before.budget("sponsors")[0] - after.budget("sponsors")[0]
                for decision, before, after in session.history
                if decision.side == "sponsors" and before.stage == after.stage)
    assert spent > 0 and int(rows["ana"]["capital_spent"]) == spent
    assert int(rows["ben"]["capital_spent"]) > 0            # the opposition's own spending


def test_the_kept_or_lost_text_follows_the_paragraphs_of_the_last_draft_voted(played):
    files, _, rows, _ = played
    for stem in ("ana", "ben"):
        session = replayed(files[stem])
        voted = dict(session.state.result("plenary_draft").wording)
        cell = rows[stem]["text"]
        for number, pid in (("OP 7", "op_crimes"), ("OP 8", "op_icc")):
            if pid in voted:
                assert f"{number} kept" in cell or f"{number} revised" in cell
            else:
                assert f"{number} lost" in cell


def test_each_sessions_row_on_the_page_shows_its_votes_points_and_status(played):
    files, page, rows, _ = played
    sessions = re.findall(r"<tr class=\"session\"><td><b>(.*?)</b>(.*?)</tr>", page, re.S)
    shown = {unescape(name): body for name, body in sessions}
    assert set(shown) == set(rows)
    for name, row in rows.items():
        body = shown[name]
        assert f"{row['points']} of {row['points_possible']}" in body
        for column in row:
            if column.endswith(" in favour") and row[column]:
                motion = column.removesuffix(" in favour")
                tally = f"{row[column]}-{row[motion + ' against']}-{row[motion + ' abstaining']}"
                assert tally in body
        assert (row["status"] in body) == (row["status"] != "complete")


def test_the_class_figures_on_the_page_are_those_of_the_replayed_games(played):
    files, page, _, _ = played
    dprk = load(SCENARIOS / "dprk_2014.yaml")
    record = next(h for h in dprk.spec.history if h.motion == "plenary_draft").roll_call
    recorded = {iso: b for b in ("yes", "no", "abstain", "absent") for iso in getattr(record, b)}
    games = [replayed(files[s]) for s in ("ana", "ben", "cleo", "fay", "gus")]
    flipped: dict[str, int] = {}
    held = 0
    adopted = 0
    for g in games:
        r = g.state.result("plenary_draft")
        if r is None:
            continue
        held += 1
        adopted += r.adopted
        for iso, ballot in r.ballots:
            flipped[iso] = flipped.get(iso, 0) + (ballot != recorded[iso])
    caption = re.search(r"Draft resolution recommended by the Third Committee</b>.*?</figcaption>",
                        page, re.S)
    assert caption and f"adopted in <b>{adopted} of {held}</b>" in caption.group(0)
    table = re.findall(r"<tr><td>([^<]+)</td><td>A/69/488/Add.3 \(draft III\)</td><td>[^<]+"
                       r"</td><td class=\"n\">(\d+) of (\d+)</td>", page)
    assert table, "the table of flipped delegations is on the page"
    names = {m.name: m.iso3 for m in dprk.members}
    for name, k, n in table:
        assert (int(k), int(n)) == (flipped[names[unescape(name)]], held)
    most = max(flipped.values())
    assert int(table[0][1]) == most          # the most often flipped come first
    # every one flipped in some game is listed, not only the first screenful
    assert {names[unescape(name)] for name, _, _ in table} == {
        iso for iso, k in flipped.items() if k}
    assert re.search(r"\d+ ballots of delegations were flipped in at least one game \(", page)


def test_damaged_and_unfinished_files_are_included_as_far_as_they_replay(played):
    files, page, rows, _ = played
    assert rows["fay"]["status"] == "damaged" and "line 9" in rows["fay"]["problem"]
    assert int(rows["fay"]["decisions"]) == 7
    assert rows["gus"]["status"] == "unfinished"
    assert int(rows["gus"]["decisions"]) == len(read(files["gus"]).decisions)
    assert "hal" not in rows
    left = page[page.index("Files left out"):]
    assert "<b>hal</b>" in left and "neither a session file" in left
    assert "Traceback" not in page


def test_files_of_two_cases_are_grouped_by_case(played):
    _, page, rows, _ = played
    dprk, syria = load(SCENARIOS / "dprk_2014.yaml"), load(SCENARIOS / "syria_2014.yaml")
    sections = re.split(r"<section id=\"[a-z0-9_]+\">", page)[1:]
    assert [unescape(re.search(r"<h2>(.*?)</h2>", s).group(1)) for s in sections] == [
        dprk.spec.title, syria.spec.title]
    assert "<b>eva</b>" in sections[1] and "<b>eva</b>" not in sections[0]
    assert rows["eva"]["scenario"] == "syria_2014"


def test_the_page_names_no_path_account_or_host_and_loads_nothing(played):
    files, page, rows, out = played
    csv_text = (out / "sessions.csv").read_text(encoding="utf-8-sig")
    for text in (page, csv_text):
        assert str(files["ana"].parent) not in text
        assert os.path.expanduser("~") not in text
        assert not re.search(rf"\b{re.escape(getpass.getuser())}\b", text)
        assert os.uname().nodename not in text
        assert not re.search(r"(^|[\s\"'=(])/(tmp|home|root|work|usr|var)\b", text)
    assert not re.search(r"https?:|//[a-z]|<script|<link|@import|<img|<iframe", page, re.I)


@pytest.mark.slow
def test_the_same_files_give_the_same_report_byte_for_byte(played, tmp_path):
    files, _, _, out = played
    again = tmp_path / "again"
    assert main(["report", *map(str, files.values()), "--out", str(again),
                 "--name", f"{files['cleo']}=Cleo's <script>team</script>"]) == 0
    for name in ("index.html", "sessions.csv"):
        assert (again / name).read_bytes() == (out / name).read_bytes()


def test_a_name_for_a_file_not_given_is_refused_in_a_sentence(played, tmp_path, capsys):
    files, *_ = played
    code = main(["report", str(files["ana"]), "--out", str(tmp_path / "r"),
                 "--name", "nobody.jsonl=Zed"])
    _, err = capsys.readouterr()
    assert code == 1 and "give FILE=NAME" in err and "Traceback" not in err
    assert not (tmp_path / "r").exists()


@pytest.mark.slow
def test_two_files_of_one_name_are_told_apart_and_a_folder_file_clash_is_refused(
        played, tmp_path, capsys):
    files, *_ = played
    other = tmp_path / "ana.jsonl"
    other.write_bytes(files["ana"].read_bytes())
    out = tmp_path / "r"
    assert main(["report", str(files["ana"]), str(other), "--out", str(out)]) == 0
    with (out / "sessions.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert [r["name"] for r in csv.DictReader(fh)] == ["ana", "ana (2)"]
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    assert main(["report", str(files["ana"]), "--out", str(blocked)]) == 1
    assert "a file stands where" in capsys.readouterr().err


def test_a_report_of_no_readable_session_still_lists_the_files_and_exits_1(played, tmp_path):
    files, *_ = played
    out = tmp_path / "r"
    assert main(["report", str(files["hal"]), str(tmp_path / "missing.jsonl"),
                 "--out", str(out)]) == 1
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<b>missing</b>: cannot read the file: no such file or folder" in page


def test_simulates_output_names_no_session_file_and_is_left_out_with_the_reason(
        played, tmp_path, capsys):
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([{"type": "pass", "side": "opposition"}]), encoding="utf-8")
    assert main(["report", str(listed), "--out", str(tmp_path / "r")]) == 1
    assert "names no scenario" in capsys.readouterr().err


@pytest.mark.slow
def test_move_effects_without_the_points_move_the_same_votes_and_say_no_points(played):
    files, *_ = played
    light, full = replayed(files["ana"]), replayed(files["ana"])
    quick = light.move_effects(1000, points=False)
    whole = full.move_effects(1000)
    assert len(quick) == len(whole) == len(full.history)
    for q, w in zip(quick, whole, strict=True):
        assert (q.decision, q.motion, q.yes_before, q.yes_after, q.p_before, q.p_after) == (
            w.decision, w.motion, w.yes_before, w.yes_after, w.p_before, w.p_after)
        assert w.motion is None or q.points_before != q.points_before     # NaN: not computed
    assert light.move_effects(1000) == whole                             # asked again: computed


@pytest.mark.slow
def test_a_file_of_another_version_of_its_case_or_of_an_unknown_case_is_left_out_saying_why(
        played, tmp_path, capsys):
    files, *_ = played
    header, *rest = files["ana"].read_text(encoding="utf-8").splitlines(keepends=True)
    edited = json.loads(header)
    changed, unknown = tmp_path / "changed.jsonl", tmp_path / "unknown.jsonl"
    changed.write_text(json.dumps(edited | {"sha256": "0" * 64}) + "\n" + "".join(rest),
                       encoding="utf-8")
    unknown.write_text(json.dumps(edited | {"scenario": "mars_2099"}) + "\n" + "".join(rest),
                       encoding="utf-8")
    out = tmp_path / "r"
    assert main(["report", str(changed), str(unknown), str(files["ana"]),
                 "--out", str(out)]) == 0
    page = unescape((out / "index.html").read_text(encoding="utf-8"))
    left = page[page.index("Files left out"):]
    assert "<b>changed</b>: recorded on another version of dprk_2014" in left
    assert "--allow-changed-scenario" in left
    assert "<b>unknown</b>: recorded on the case 'mars_2099', which is neither" in left
    assert main(["report", str(changed), "--out", str(out), "--allow-changed-scenario"]) == 0


def test_a_what_if_is_marked_with_its_parents_name_and_step_never_its_path():
    from types import SimpleNamespace

    from game.report.sessions import branched_from

    header = {"parent": "/home/teacher/class 3/ana.jsonl", "step": 12}
    assert branched_from(SimpleNamespace(header=header)) == ("ana", 12)
    assert branched_from(SimpleNamespace(header={"parent": "C:\\\\Users\\\\t\\\\ben.jsonl",
                                                 "step": 3})) == ("ben", 3)
    for bad in ({}, {"parent": 5, "step": 1}, {"parent": "a.jsonl", "step": "2"},
                {"parent": "a.jsonl", "step": True}):
        assert branched_from(SimpleNamespace(header=bad)) is None
