"""Build ``assets/world_map.json``, the floor's world map, from Natural Earth outlines.

Source: the npm package ``world-atlas`` version 2 (Mike Bostock's TopoJSON redistribution of
Natural Earth's Admin 0 country boundaries, version 4.1.0). Natural Earth is in the public
domain; world-atlas is under the ISC licence. Country ids there are ISO 3166-1 numeric codes;
they become the project's alpha-3 member codes through Debian's ``iso-codes`` table
(``/usr/share/iso-codes/json/iso_3166-1.json``, the pkg-isocodes project, LGPL-2.1), which
this script reads; nothing is typed in by hand.

Projection: Robinson (Snyder, *Map Projections: A Working Manual*, 1987, table 28, linearly
interpolated between its 5-degree rows), Antarctica left out. Coordinates are written as
integers: x from 0 to ``SCALE`` across the map, y downwards in the same unit.

What is written, per Member State (the 193 of ``game/data/un_2014/members.csv``):
``polygons`` (outer rings of the 1:50m outlines, simplified with Douglas-Peucker ring by ring
at ``TOLERANCE`` of the map's width, holes dropped: an enclosed country is drawn over its
neighbour) and ``marker`` (the area-weighted centroid of its largest 1:50m polygon, where a
state too small to see is marked). A member missing from the 1:50m data takes the centroid
of its 1:10m polygon (Tuvalu); one in neither is named and stops the build. Non-members'
land (Greenland, Western Sahara, Taiwan...) is kept as grey ``land``.

Regenerate (npm only here, never at run time or in CI; the asset is committed):

    cd "$(mktemp -d)" && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python tools/make_map.py "$PWD/package"          # from the repository's folder
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
MEMBERS = ROOT / "game" / "data" / "un_2014" / "members.csv"
OUT = ROOT / "assets" / "world_map.json"
ISO_CODES = Path("/usr/share/iso-codes/json/iso_3166-1.json")
#: Map width in output units (x runs from 0 to SCALE).
SCALE = 10000
#: Douglas-Peucker tolerance as a fraction of the map's width (a pixel on a 3000 px map).
TOLERANCE = 0.00033
#: Natural Earth's Antarctica (ISO 010): not a member, and a third of the map's height.
LEFT_OUT = {"010"}
#: Robinson's table (Snyder 1987, table 28): latitude 0, 5, ..., 90 -> X (length of the
#: parallel) and Y (distance from the equator), before the 0.8487 and 1.3523 factors.
ROBINSON_X = [1.0000, 0.9986, 0.9954, 0.9900, 0.9822, 0.9730, 0.9600, 0.9427, 0.9216, 0.8962,
              0.8679, 0.8350, 0.7986, 0.7597, 0.7186, 0.6732, 0.6213, 0.5722, 0.5322]
ROBINSON_Y = [0.0000, 0.0620, 0.1240, 0.1860, 0.2480, 0.3100, 0.3720, 0.4340, 0.4958, 0.5571,
              0.6176, 0.6769, 0.7346, 0.7903, 0.8435, 0.8936, 0.9394, 0.9761, 1.0000]


def robinson(lonlat: np.ndarray) -> np.ndarray:
    """(n, 2) longitude, latitude in degrees -> (n, 2) Robinson x, y (y north, radius 1)."""
    lat = np.abs(lonlat[:, 1])
    table = np.arange(0, 91, 5)
    px = np.interp(lat, table, ROBINSON_X)
    py = np.interp(lat, table, ROBINSON_Y)
    x = 0.8487 * px * np.radians(lonlat[:, 0])
    y = 1.3523 * py * np.sign(lonlat[:, 1])
    return np.column_stack([x, y])


def decode_arcs(topology: dict) -> list[np.ndarray]:
    """The topology's arcs in degrees: (n_i, 2) arrays, delta-decoded and de-quantized."""
    scale = np.array(topology["transform"]["scale"])
    translate = np.array(topology["transform"]["translate"])
    return [np.cumsum(np.array(arc, dtype=float), axis=0) * scale + translate
            for arc in topology["arcs"]]


def douglas_peucker(points: np.ndarray, tolerance: float) -> np.ndarray:
    """``points`` (n, 2) simplified, the two ends kept (so shared borders stay shared)."""
    n = len(points)
    if n < 3:
        return points
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        if j - i < 2:
            continue
        a, b = points[i], points[j]
        seg = points[i + 1:j] - a
        d = b - a
        length = np.hypot(*d)
        if length == 0:
            dist = np.hypot(seg[:, 0], seg[:, 1])
        else:
            dist = np.abs(seg[:, 0] * d[1] - seg[:, 1] * d[0]) / length
        k = int(np.argmax(dist))
        if dist[k] > tolerance:
            m = i + 1 + k
            keep[m] = True
            stack += [(i, m), (m, j)]
    return points[keep]


def ring(arcs: list[np.ndarray], indices: list[int]) -> np.ndarray:
    """A ring's points from its arc indices (a negative index ~i is arc i reversed)."""
    parts = []
    for k, idx in enumerate(indices):
        arc = arcs[idx] if idx >= 0 else arcs[~idx][::-1]
        parts.append(arc if k == 0 else arc[1:])
    return np.concatenate(parts)


def unwrap(lonlat: np.ndarray) -> np.ndarray:
    """A ring (n, 2) in degrees that crosses the antimeridian (a jump of over 180 degrees of
    longitude between two points: Russia's Chukotka, Fiji) held at 180 degrees on the side
    where most of its points are, instead of a stripe across the whole map."""
    if len(lonlat) < 2 or np.abs(np.diff(lonlat[:, 0])).max() < 180:
        return lonlat
    out = lonlat.copy()
    if (out[:, 0] > 0).sum() >= len(out) / 2:
        out[out[:, 0] < 0, 0] = 180.0
    else:
        out[out[:, 0] > 0, 0] = -180.0
    return out


def area_centroid(pts: np.ndarray) -> tuple[float, np.ndarray]:
    """Absolute area and area-weighted centroid of a closed ring (n, 2)."""
    x, y = pts[:, 0], pts[:, 1]
    x1, y1 = np.roll(x, -1), np.roll(y, -1)
    cross = x * y1 - x1 * y
    a = cross.sum() / 2
    if abs(a) < 1e-15:
        return 0.0, pts.mean(axis=0)
    c = np.array([((x + x1) * cross).sum(), ((y + y1) * cross).sum()]) / (6 * a)
    return abs(float(a)), c


def outer_rings(geometry: dict) -> list[list[int]]:
    """The outer ring (arc indices) of each polygon of a Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"][0]]
    if geometry["type"] == "MultiPolygon":
        return [poly[0] for poly in geometry["arcs"]]
    return []


class Frame:
    """Robinson coordinates -> output integers: x from 0 to SCALE, y down from the top."""

    def __init__(self) -> None:
        west, east = robinson(np.array([[-180.0, 0.0], [180.0, 0.0]]))[:, 0]
        top = robinson(np.array([[0.0, 84.0]]))[0, 1]          # Natural Earth's north edge
        self.x0, self.top, self.unit = west, top, SCALE / (east - west)

    def __call__(self, xy: np.ndarray) -> np.ndarray:
        """(n, 2) Robinson x, y -> (n, 2) map units."""
        return np.column_stack([(xy[:, 0] - self.x0) * self.unit,
                                (self.top - xy[:, 1]) * self.unit])


def shapes(topology: dict, frame: Frame, simplify: bool) -> dict[str, list[np.ndarray]]:
    """ISO numeric id -> its outer rings in map units (simplified if asked), largest first."""
    arcs = decode_arcs(topology)
    out: dict[str, list[np.ndarray]] = {}
    for g in topology["objects"]["countries"]["geometries"]:
        ident = g.get("id")
        if ident is None or ident in LEFT_OUT:
            continue
        for indices in outer_rings(g):
            pts = frame(robinson(unwrap(ring(arcs, indices))))
            if simplify:
                pts = douglas_peucker(pts, TOLERANCE * SCALE)
            out.setdefault(ident, []).append(pts)
    for rings in out.values():
        rings.sort(key=lambda r: -area_centroid(r)[0])
    return out


def flat(pts: np.ndarray) -> list[int] | None:
    """A ring as [x0, y0, x1, y1, ...] integers without repeats; None if it vanished."""
    q = np.rint(pts).astype(int)
    keep = np.ones(len(q), dtype=bool)
    keep[1:] = np.any(q[1:] != q[:-1], axis=1)
    q = q[keep]
    if len(q) > 1 and (q[0] == q[-1]).all():
        q = q[:-1]
    if len(q) < 3 or area_centroid(q.astype(float))[0] < 1.0:
        return None
    return [int(v) for v in q.ravel()]


def build(package: Path) -> dict:
    """The asset's content from an unpacked world-atlas package folder."""
    table = json.loads(ISO_CODES.read_text(encoding="utf-8"))["3166-1"]
    alpha3 = {row["numeric"]: row["alpha_3"] for row in table}
    with MEMBERS.open(encoding="utf-8") as fh:
        members = [row["iso3"] for row in csv.DictReader(fh)]
    frame = Frame()
    medium = json.loads((package / "countries-50m.json").read_text(encoding="utf-8"))
    simple = shapes(medium, frame, simplify=True)
    exact = shapes(medium, frame, simplify=False)
    by_code = {alpha3[i]: i for i in exact if i in alpha3}
    fine: dict[str, list[np.ndarray]] = {}
    if any(m not in by_code for m in members):
        large = json.loads((package / "countries-10m.json").read_text(encoding="utf-8"))
        fine = {alpha3[i]: r for i, r in shapes(large, frame, simplify=False).items()
                if i in alpha3}
    out: dict[str, dict] = {}
    notes: dict[str, str] = {}
    missing = []
    for code in members:
        if code in by_code:
            ident = by_code[code]
            rings = [f for f in (flat(r) for r in simple[ident]) if f]
            marker = area_centroid(exact[ident][0])[1]
        elif code in fine:
            rings, marker = [], area_centroid(fine[code][0])[1]
            notes[code] = "not in the 1:50m data: marker at its 1:10m polygon's centroid"
        else:
            missing.append(code)
            continue
        out[code] = {"marker": [int(round(v)) for v in marker], "polygons": rings}
    if missing:
        sys.exit(f"no outline for {', '.join(missing)} in world-atlas: not placed on the map")
    land = [f for ident, rings in simple.items() if alpha3.get(ident) not in out
            for f in (flat(r) for r in rings) if f]
    height = max(max(r[1::2]) for m in out.values() for r in m["polygons"] + [m["marker"]])
    return {
        "source": "Natural Earth 1:50m Admin 0 countries, v4.1.0 (public domain), via the npm "
                  "package world-atlas@2 (ISC licence, Mike Bostock); ISO 3166-1 numeric to "
                  "alpha-3 from Debian's iso-codes (pkg-isocodes). Built by tools/make_map.py.",
        "projection": "Robinson (Snyder 1987, table 28, linear interpolation); Antarctica "
                      "left out",
        "width": SCALE, "height": int(height) + 1,
        "notes": notes, "members": out, "land": land,
    }


def main(argv: list[str] | None = None) -> None:
    """Command line: the unpacked package folder, and where to write (default assets/)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("package", type=Path, help="folder of the unpacked world-atlas@2 package")
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    asset = build(args.package)
    args.out.write_text(json.dumps(asset, separators=(",", ":")) + "\n", encoding="utf-8")
    n = sum(len(r) // 2 for m in asset["members"].values() for r in m["polygons"])
    print(f"{args.out}: {len(asset['members'])} members, {n} points, "
          f"{args.out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
