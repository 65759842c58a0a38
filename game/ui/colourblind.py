"""Colour-vision checks of the palette: how a screenshot looks to a deuteranope, and how far
apart two colours stay (issue 11: the good / bad ballots must not merge).

Deuteranopia is simulated with the matrix of Machado, Oliveira & Fernandes (2009), "A
Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6),
severity 1.0, applied to linear RGB. No pygame here: arrays in, arrays out."""
from __future__ import annotations

import numpy as np

#: Machado et al. (2009), deuteranomaly at severity 1.0 (linear RGB).
DEUTERANOPIA = np.array([[0.367322, 0.860646, -0.227968],
                         [0.280085, 0.672501, 0.047413],
                         [-0.011820, 0.042940, 0.968881]])


def to_linear(srgb: np.ndarray) -> np.ndarray:
    """Colours in sRGB, 0-255 (any shape (..., 3)), as linear RGB 0-1."""
    c = np.asarray(srgb, dtype=float) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def to_srgb(linear: np.ndarray) -> np.ndarray:
    """Linear RGB 0-1 (..., 3) -> sRGB 0-255 (floats, clipped)."""
    c = np.clip(linear, 0.0, 1.0)
    return 255.0 * np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def deuteranopia(srgb: np.ndarray) -> np.ndarray:
    """An image or colours (..., 3), sRGB 0-255, as a deuteranope sees them (same shape)."""
    return to_srgb(to_linear(srgb) @ DEUTERANOPIA.T)


def luminance(srgb: np.ndarray) -> np.ndarray:
    """Relative luminance (WCAG 2) of sRGB 0-255 colours (..., 3) -> (...)."""
    return to_linear(srgb) @ np.array([0.2126, 0.7152, 0.0722])


def contrast(a: np.ndarray, b: np.ndarray) -> float:
    """WCAG 2 contrast ratio of two sRGB colours (1 = the same lightness, 21 = black/white)."""
    la, lb = sorted((float(luminance(a)), float(luminance(b))))
    return (lb + 0.05) / (la + 0.05)


def lab(srgb: np.ndarray) -> np.ndarray:
    """CIE L*a*b* (D65) of sRGB 0-255 colours (..., 3)."""
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                  [0.0193, 0.1192, 0.9505]])
    xyz = to_linear(srgb) @ m.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]),
                     200 * (f[..., 1] - f[..., 2])], axis=-1)


def delta_e(a: np.ndarray, b: np.ndarray) -> float:
    """CIE76 colour difference of two sRGB colours (about 2.3: just noticeable)."""
    return float(np.linalg.norm(lab(a) - lab(b)))
