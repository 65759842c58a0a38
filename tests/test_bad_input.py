"""Bad command-line input: a clear message and exit code 1, never a traceback, never argparse's
exit code 2; nothing written or lost on the way."""
import errno
import os
from pathlib import Path

import pytest

from game.cli import crashreport, main, modelcmds
from helpers import ROOT

GA_ROLL_CALL = ROOT / "scenarios" / "roll_calls" / "ga_69_188_2014.csv"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize("args, words", [
    (["simulate", "--seed", "-1"], "0 or more"),
    (["play", "--seed", "-1"], "0 or more"),
    (["simulate", "--seed", "abc"], "not a whole number"),
    (["audit", "dprk_2014", "--runs", "0"], "from 1 to"),
    (["audit", "dprk_2014", "--runs", "-1"], "from 1 to"),
    (["simulate", "--bot", "clever"], "invalid choice"),
    (["bogus"], "invalid choice"),
    (["--bogus"], "unrecognized arguments"),
    (["validate"], "required"),
])
def test_a_bad_argument_is_refused_with_a_sentence_and_exit_code_one(capsys, args, words):
    code, _, err = run(capsys, *args)
    assert code == 1 and words in err and "--help" in err


def test_help_still_exits_with_zero(capsys):
    assert run(capsys, "--help")[0] == 0


def test_a_huge_seed_is_a_seed_like_any_other(capsys):
    code, out, _ = run(capsys, "simulate", "--seed", str(10**30))
    assert code == 0 and "score:" in out


@pytest.mark.parametrize("name", ["nosuchcase", "Dprk_2014"])
def test_an_unknown_case_name_lists_the_shipped_cases(capsys, name):
    code, _, err = run(capsys, "forecast", name)
    assert code == 1 and "dprk_2014" in err and "syria_2014" in err


@pytest.mark.parametrize("target, words", [
    ("{tmp}", "is a folder"), ("{tmp}/file.txt/s.jsonl", "a file stands where a folder"),
    ("", "needs a path")])
def test_a_session_file_that_cannot_be_written_is_refused_before_the_game(
        tmp_path, capsys, target, words):
    (tmp_path / "file.txt").write_text("x")
    code, out, err = run(capsys, "simulate", "--session-file", target.format(tmp=tmp_path))
    assert code == 1 and words in err and out == ""


def test_a_full_disk_is_reported_when_the_session_file_opens(tmp_path, capsys, monkeypatch):
    real_open = Path.open

    def full_disk(self, mode="r", *args, **kwargs):
        if self.name == "full.jsonl" and "w" in mode:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", full_disk)
    code, _, err = run(capsys, "simulate", "--session-file", str(tmp_path / "full.jsonl"))
    assert code == 1 and "the disk is full" in err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_device_as_session_file_is_refused_before_it_is_opened(capsys):
    code, _, err = run(capsys, "simulate", "--session-file", "/dev/full")
    assert code == 1 and "not a regular file (a named pipe or a device)" in err


def test_an_unexpected_error_becomes_one_line_and_a_crash_report(tmp_path, capsys,
                                                                 monkeypatch):
    def explode(*args, **kwargs):
        raise ZeroDivisionError("a bug in the game")

    monkeypatch.setattr(modelcmds, "play_bot", explode)
    monkeypatch.setattr(crashreport, "crash_folder", lambda: tmp_path)
    code, _, err = run(capsys, "simulate", "--seed", "1")
    assert code == 1 and len(err.splitlines()) == 1
    assert "ZeroDivisionError: a bug in the game" in err
    report = next(tmp_path.glob("plenary-crash-*.txt"))
    assert str(report) in err
    text = report.read_text()
    assert "Traceback" in text and "simulate --seed 1" in text


def test_a_test_writes_crash_reports_and_preferences_in_folders_of_its_own(user_data_folder):
    import platformdirs

    mine = user_data_folder.parent
    for folder in (crashreport.crash_folder(), platformdirs.user_config_path("plenary"),
                   platformdirs.user_cache_path("plenary"),
                   platformdirs.user_state_path("plenary")):
        assert folder.is_relative_to(mine) and not folder.is_relative_to(Path.home() / ".local")


def test_a_crash_report_goes_to_the_temp_folder_when_the_log_folder_is_unwritable(
        tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("x")
    monkeypatch.setattr(crashreport, "crash_folder", lambda: blocked / "logs")
    path = crashreport.write_report(RuntimeError("x"), ["play"])
    assert path is not None and path.exists()
    path.unlink()


def roll_call(tmp_path, text, name="rc.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return str(path)


def evaluate(capsys, path, motion="plenary_draft"):
    return run(capsys, "evaluate", "dprk_2014", "--roll-call", path, "--motion", motion,
               "--cv", "0")


def test_a_roll_call_with_a_bom_semicolons_and_y_n_a_words_is_read(tmp_path, capsys):
    rows = GA_ROLL_CALL.read_text(encoding="utf-8").splitlines()
    letters = {"yes": "Y", "no": "nay", "abstain": "Abstention", "absent": ""}
    text = "\n".join([rows[0].replace(",", ";")] + [
        ";".join(r.split(",")[:-1] + [letters[r.split(",")[-1]]]) for r in rows[1:]])
    code, out, err = evaluate(capsys, roll_call(tmp_path, text, encoding="utf-8-sig"))
    assert code == 0 and "116        20        53         4" in out


@pytest.mark.parametrize("text, words", [
    ("iso3,country\nFRA,France\n", "no column 'vote'"),
    ("country,vote\nFrance,yes\n", "no column 'iso3'"),
    ("", "no column 'iso3' or 'vote'"),
    ("iso3,vote\n", "no votes in the file"),
    ("iso3,vote\nFRA,maybe\nDEU,perhaps\n", "line 3: vote 'perhaps'"),
    ("iso3,vote\nFR,yes\n", "line 2: 'FR' is not an ISO"),
    ("iso3,vote\nFRA,yes\nFRA,no\n", "FRA is listed twice with different votes"),
])
def test_a_roll_call_with_a_mistake_names_it_with_its_line(tmp_path, capsys, text, words):
    code, out, err = evaluate(capsys, roll_call(tmp_path, text))
    assert code == 1 and words in err and out == ""


def test_every_bad_vote_word_is_listed_not_only_the_first(tmp_path, capsys):
    code, _, err = evaluate(capsys, roll_call(tmp_path, "iso3,vote\nFRA,maybe\nDEU,perhaps\n"))
    assert "line 2:" in err and "line 3:" in err


def test_a_general_assembly_roll_call_for_a_council_motion_gets_a_warning(capsys):
    code, _, err = run(capsys, "calibrate", "dprk_2014", "--roll-call", str(GA_ROLL_CALL),
                       "--motion", "sc_referral")
    assert code == 0 and "roll call of another vote" in err


def test_calibrating_on_a_roll_call_where_nobody_voted_is_a_message(tmp_path, capsys):
    path = roll_call(tmp_path, "iso3,vote\nFRA,absent\nDEU,absent\n")
    code, _, err = run(capsys, "calibrate", "dprk_2014", "--roll-call", path, "--motion",
                       "plenary_draft")
    assert code == 1 and "cannot fit" in err


@pytest.mark.parametrize("folds", ["1", "1000"])
def test_cross_validation_with_an_impossible_number_of_folds_is_refused(capsys, folds):
    code, _, err = run(capsys, "evaluate", "dprk_2014", "--roll-call", str(GA_ROLL_CALL),
                       "--motion", "plenary_draft", "--cv", folds)
    assert code == 1 and "from 2 to 193" in err


def test_a_roll_call_that_is_a_folder_is_named_as_one(tmp_path, capsys):
    code, _, err = evaluate(capsys, str(tmp_path))
    assert code == 1 and "it is a folder" in err


@pytest.mark.parametrize("name, words", [
    ("", "give the new case a name"), ("../../x", "a path ending .yaml"),
    ("{tmp}/case.txt", "a path ending .yaml"), ("1case", "e.g. case_1case"),
    ("{tmp}/My Case.yaml", "e.g. my_case"), ("{tmp}", "a path ending .yaml"),
])
def test_new_refuses_a_name_that_is_neither_an_id_nor_a_yaml_path(tmp_path, capsys, name,
                                                                  words):
    before = sorted(Path(ROOT / "scenarios").iterdir())
    code, _, err = run(capsys, "new", name.format(tmp=tmp_path))
    assert code == 1 and words in err
    assert sorted(Path(ROOT / "scenarios").iterdir()) == before


def test_new_with_force_keeps_the_old_file_as_a_backup(tmp_path, capsys):
    target = tmp_path / "my_case.yaml"
    target.write_text("# my own work\n")
    code, _, err = run(capsys, "new", str(target))
    assert code == 1 and "already exists" in err
    code, out, _ = run(capsys, "new", str(target), "--force")
    assert code == 0 and (tmp_path / "my_case.yaml.bak").read_text() == "# my own work\n"


def test_new_from_a_case_does_not_overwrite_a_different_file_beside_the_target(tmp_path,
                                                                               capsys):
    mine = tmp_path / "roll_calls" / "sc_syria_icc_2014.csv"
    mine.parent.mkdir()
    mine.write_text("iso3,vote\nFRA,yes\n")
    code, _, err = run(capsys, "new", str(tmp_path / "copy.yaml"), "--from", "syria_2014")
    assert "kept as it is" in err and mine.read_text() == "iso3,vote\nFRA,yes\n"


def test_describe_words_the_common_os_errors():
    from game.cli.common import describe

    assert describe(OSError(errno.EACCES, "Permission denied")) == "permission denied"
    assert describe(OSError(errno.EROFS, "x")) == "the disk is read-only"


def test_a_name_the_console_cannot_show_is_escaped_not_a_crash(tmp_path, capsys, monkeypatch):
    import io
    import sys

    ascii_out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", ascii_out)
    case = tmp_path / "cas_ete.yaml"
    case.write_text((ROOT / "scenarios" / "syria_2014.yaml").read_text(encoding="utf-8")
                    .replace("id: syria_2014", "id: r\u00e9sum\u00e9"), encoding="utf-8")
    assert main(["validate", str(case)]) == 1
    ascii_out.seek(0)
    assert "r\\xe9sum\\xe9" in ascii_out.buffer.getvalue().decode("ascii")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_instead_of_waited_on(tmp_path, capsys):
    pipe = tmp_path / "case.yaml"
    os.mkfifo(pipe)
    for command in (["validate", str(pipe)], ["forecast", str(pipe)], ["replay", str(pipe)],
                    ["simulate", "--decisions", str(pipe)]):
        code, out, err = run(capsys, *command)
        assert code == 1 and "not a regular file" in out + err


def test_explaining_a_delegation_with_no_vote_in_the_case_says_so(capsys):
    code, out, err = run(capsys, "forecast", "syria_2014", "--explain", "BRA")
    assert code == 1 and "votes on no motion" in err and out == ""


def test_calibrate_write_keeps_the_scenarios_windows_line_endings(tmp_path, capsys):
    text = (ROOT / "scenarios" / "syria_2014.yaml").read_text(encoding="utf-8")
    case = tmp_path / "crlf_case.yaml"
    case.write_bytes(text.replace("id: syria_2014", "id: crlf_case")
                     .replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "roll_calls").mkdir()
    roll = ROOT / "scenarios" / "roll_calls" / "sc_syria_icc_2014.csv"
    (tmp_path / "roll_calls" / roll.name).write_bytes(roll.read_bytes())
    code, out, _ = run(capsys, "calibrate", str(case), "--roll-call", str(roll), "--motion",
                       "sc_referral", "--write")
    assert code == 0 and "wrote the fitted coefficients" in out
    data = case.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n")


def test_an_empty_delegation_code_is_unknown_not_ignored(capsys):
    code, _, err = run(capsys, "forecast", "dprk_2014", "--explain", "")
    assert code == 1 and "unknown delegation" in err


def test_a_file_with_a_gigantic_field_is_not_a_roll_call(tmp_path, capsys):
    code, _, err = evaluate(capsys, roll_call(tmp_path, "iso3,vote\n" + "x" * 200_000 + "\n"))
    assert code == 1 and "is it the right file?" in err


def test_a_country_name_instead_of_a_code_gets_the_code_suggested(capsys):
    code, _, err = run(capsys, "forecast", "dprk_2014", "--explain", "france")
    assert code == 1 and "did you mean FRA, France?" in err


def test_a_motion_id_in_the_wrong_case_gets_the_right_one_suggested(capsys):
    code, _, err = run(capsys, "evaluate", "dprk_2014", "--roll-call", str(GA_ROLL_CALL),
                       "--motion", "PLENARY_DRAFT")
    assert code == 1 and "did you mean plenary_draft?" in err
