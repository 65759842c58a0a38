"""tools/every_screen: every scene of the game saved as a picture, in each language."""
from __future__ import annotations

import pytest

from tools import every_screen


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_screen_saves_one_picture_of_each_scene_in_order(tmp_path, lang):
    assert every_screen.main([str(tmp_path), "--size", "1280x720", "--lang", lang]) == 0
    saved = sorted(p.name for p in tmp_path.glob("*.png"))
    assert saved == [f"{k:02d}-{name}.png" for k, name in enumerate(every_screen.SCREENS, 1)]


def test_a_size_is_width_by_height():
    assert every_screen.parse_size("3840x2160") == (3840, 2160)
    with pytest.raises(Exception, match="WIDTHxHEIGHT"):
        every_screen.parse_size("big")
