"""Sound: a gavel when a vote opens and closes, a tick as the vote board fills, a low chord for
a veto. Synthesized with numpy when the window opens (no asset files); nothing in the game
needs it. Off with M, ``--no-sound`` or the title screen; with no audio device (or a mixer
that will not start) it is silently off, with one line in the log."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pygame

from ..i18n import _

#: Samples per second the sounds are made at (the mixer is asked for this rate).
RATE = 22050
#: Peak level of every sound, a share of full scale (a classroom speaker, not a cinema).
LEVEL = 0.5


def _envelope(n: int, decay_s: float) -> np.ndarray:
    """An exponential decay over ``n`` samples, (n,), falling to 1/e in ``decay_s`` seconds."""
    return np.exp(-np.arange(n) / (decay_s * RATE))


def gavel(strikes: int = 1) -> np.ndarray:
    """A wooden knock (or ``strikes`` of them, 0.16 s apart): a damped low tone and its
    overtone over a burst of filtered noise. Float samples in [-1, 1], (n,)."""
    knock_n = int(0.25 * RATE)
    t = np.arange(knock_n) / RATE
    noise = np.random.default_rng(7).standard_normal(knock_n)     # fixed: the same sound
    noise = np.convolve(noise, np.ones(6) / 6, mode="same")          # duller: wood, not hiss
    knock = (0.8 * np.sin(2 * np.pi * 190 * t) * _envelope(knock_n, 0.05)
             + 0.35 * np.sin(2 * np.pi * 470 * t) * _envelope(knock_n, 0.02)
             + 0.6 * noise * _envelope(knock_n, 0.008))
    gap = int(0.16 * RATE)
    out = np.zeros(gap * (strikes - 1) + knock_n)
    for k in range(strikes):
        out[k * gap:k * gap + knock_n] += knock
    return out / np.abs(out).max()


def tick() -> np.ndarray:
    """A soft short click as ballots appear on the board, (n,)."""
    n = int(0.03 * RATE)
    t = np.arange(n) / RATE
    return 0.35 * np.sin(2 * np.pi * 1500 * t) * _envelope(n, 0.006)


def veto() -> np.ndarray:
    """A low, dissonant chord that swells and dies away (two close fundamentals and their
    harmonics, like a brass section's minor second), (n,)."""
    n = int(1.1 * RATE)
    t = np.arange(n) / RATE
    out = np.zeros(n)
    for f in (98.0, 103.8):
        for h, a in ((1, 1.0), (2, 0.5), (3, 0.3), (4, 0.15)):
            out += a * np.sin(2 * np.pi * f * h * t)
    swell = np.minimum(1.0, t / 0.08) * _envelope(n, 0.45)
    out *= swell
    return out / np.abs(out).max()


#: Sound name -> how it is made.
SYNTHS: dict[str, Callable[[], np.ndarray]] = {
    "gavel": gavel, "gavel_close": lambda: gavel(2), "tick": tick, "veto": veto,
}


def pcm(samples: np.ndarray, channels: int) -> np.ndarray:
    """Float samples (n,) in [-1, 1] -> 16-bit PCM, (n,) for mono or (n, channels)."""
    data = np.clip(samples * LEVEL, -1.0, 1.0)
    ints = (data * 32767).astype(np.int16)
    return ints if channels == 1 else np.repeat(ints[:, None], channels, axis=1)


class Sounds:
    """The game's sounds, made once; ``play(name)`` does nothing while sound is off.

    ``on``: what the player asked for (M, the option, the title screen); ``working``: whether
    the mixer started. ``say`` gets the one line when it cannot."""

    def __init__(self, on: bool = True, say: Callable[[str], None] | None = None) -> None:
        self.on = on
        self.working = False
        self.said = False
        self._say = say or (lambda line: None)
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        if on:
            self._start()

    def _start(self) -> None:
        """Start the mixer and make the sounds; on any failure, sound stays off (one line)."""
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=RATE, size=-16, channels=1)
            init = pygame.mixer.get_init()
            if not init:
                raise pygame.error("the mixer did not start")
            _rate, _size, channels = init
            self._sounds = {name: pygame.sndarray.make_sound(pcm(make(), channels))
                            for name, make in SYNTHS.items()}
            self.working = True
        except (pygame.error, ValueError, NotImplementedError, OSError) as exc:
            self.working = False
            if not self.said:
                self._say(f"sound is off: no audio device ({str(exc)[:100] or 'no mixer'})")
                self.said = True

    def toggle(self) -> bool:
        """M: sound on or off; whether it is on now."""
        self.set(not self.on)
        return self.on

    def set(self, on: bool) -> None:
        """Turn sound on (starting the mixer if it has not been) or off."""
        self.on = on
        if on and not self.working:
            self._start()
        if not on and self.working:
            pygame.mixer.stop()

    def play(self, name: str) -> None:
        """Play sound ``name`` (a key of SYNTHS) if sound is on and working."""
        sound = self._sounds.get(name)
        if self.on and self.working and sound is not None:
            sound.play()

    def label(self) -> str:
        """'Sound: on', 'Sound: off', or why it cannot be on."""
        if self.on and not self.working:
            return _("Sound: no audio device")
        return _("Sound: on") if self.on else _("Sound: off")
