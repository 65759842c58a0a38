"""The class report's page in a real browser: headless Chromium (Debian's ``chromium``
package; ``.ci/run`` installs it) opens ``index.html`` from disk, with every network feature
it has turned off, and its screenshot must show a page, not a blank one."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageColor, ImageStat

from game.cli import main
from game.cli.modelcmds import simulate
from game.scenario import load
from game.vocabulary import BALLOT_STYLES
from helpers import SCENARIOS

CHROMIUM = Path("/usr/bin/chromium")
#: Chromium's switches: no sandbox (CI runs as root), no GPU, and nothing that reaches the
#: network on its own (QUIC, background fetches, component updates, sync).
SWITCHES = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync")


def screenshot(page: Path, png: Path, profile: Path) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package "
                    "(apt-get install -y chromium; .ci/run does) to test the report's page")
    done = subprocess.run([str(CHROMIUM), *SWITCHES, f"--user-data-dir={profile}",
                           f"--screenshot={png}", "--window-size=1280,2000", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert png.exists(), f"chromium made no screenshot (exit {done.returncode}):\n{done.stderr}"


@pytest.mark.slow
def test_the_report_opens_offline_in_headless_chromium_and_is_not_blank(tmp_path):
    dprk = load(SCENARIOS / "dprk_2014.yaml")
    files = []
    for seed, side in ((1, "sponsors"), (2, "opposition"), (3, "sponsors")):
        files.append(tmp_path / f"s{seed}.jsonl")
        simulate(dprk, seed, "greedy", session_file=str(files[-1]), side=side).close()
    assert main(["report", *map(str, files), "--out", str(tmp_path / "report")]) == 0
    png = tmp_path / "page.png"
    screenshot(tmp_path / "report" / "index.html", png, tmp_path / "profile")
    image = Image.open(png).convert("RGB")
    assert image.size == (1280, 2000)
    small = image.resize((320, 500))
    colours = small.getcolors(320 * 500) or []
    assert len(colours) > 50, "a page of charts and tables has many colours, not a few"
    assert max(ImageStat.Stat(small).stddev) > 20, "the page is nearly uniform: blank?"
    # the tally charts are drawn, in the ballots' colours (in favour, against)
    rgb = {c for _, c in colours}
    for code in ("yes", "no"):
        assert near(rgb, ImageColor.getrgb(BALLOT_STYLES[code].tile)), code


def near(colours: set[tuple[int, int, int]], target: tuple[int, int, int]) -> bool:
    return any(sum(abs(a - b) for a, b in zip(c, target, strict=True)) < 60 for c in colours)
