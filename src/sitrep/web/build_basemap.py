"""Build the UI's offline basemap from the shared boundary files.

Run once when the sources change (``python -m sitrep.web.build_basemap``); the
output is committed package data, so serving never reads the source folder.
Countries come from Natural Earth 50m (public domain), Ukraine's oblasts from
geoBoundaries ADM1 (CC BY 4.0). Both are clipped to the map's window, simplified
with Douglas-Peucker and rounded to about 100 m: a situation map needs outlines
to orient by, not survey accuracy, and the UI must stay small and quick to paint.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitrep.web import static_dir

Point = tuple[float, float]
Ring = list[Point]
WINDOW = (-25.0, 33.0, 62.0, 72.0)  # min_lon, min_lat, max_lon, max_lat: Europe to the Urals
DEFAULT_SOURCE = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "natural_earth"


def _perp_distance(p: Point, a: Point, b: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def simplify(points: Sequence[Point], tolerance: float) -> Ring:
    """Douglas-Peucker, iterative so that long coastlines cannot exhaust the recursion limit."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            d = _perp_distance(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [p for p, k in zip(points, keep, strict=True) if k]


def clip_ring(ring: Ring, window: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman against an axis-aligned rectangle (correct for any simple ring)."""
    min_x, min_y, max_x, max_y = window

    def cut(pts: Ring, inside: Any, cross: Any) -> Ring:
        out: Ring = []
        for i, cur in enumerate(pts):
            prev = pts[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
        return out

    def at_x(x: float) -> Any:
        return lambda p, q: (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))

    def at_y(y: float) -> Any:
        return lambda p, q: (p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y)

    pts = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    for inside, cross in (
        (lambda p: p[0] >= min_x, at_x(min_x)),
        (lambda p: p[0] <= max_x, at_x(max_x)),
        (lambda p: p[1] >= min_y, at_y(min_y)),
        (lambda p: p[1] <= max_y, at_y(max_y)),
    ):
        if not pts:
            break
        pts = cut(pts, inside, cross)
    return [*pts, pts[0]] if pts else []


def _polygons(geometry: dict[str, Any]) -> list[list[Ring]]:
    if geometry["type"] == "Polygon":
        coords = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        coords = geometry["coordinates"]
    else:
        return []
    return [[[(float(x), float(y)) for x, y, *_ in ring] for ring in poly] for poly in coords]


def shrink(geometry: dict[str, Any], tolerance: float, digits: int) -> dict[str, Any] | None:
    polys = []
    for poly in _polygons(geometry):
        rings = []
        for ring in poly:
            clipped = clip_ring(ring, WINDOW)
            small = simplify(clipped, tolerance) if clipped else []
            rounded = [[round(x, digits), round(y, digits)] for x, y in small]
            deduped = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
            if len(deduped) >= 4:
                rings.append(deduped)
        if rings:
            polys.append(rings)
    if not polys:
        return None
    return {"type": "MultiPolygon", "coordinates": polys}


def build(source: Path, out_dir: Path, *, tolerance: float = 0.02, digits: int = 3) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    countries = json.loads((source / "ne_50m_admin_0_countries_europe.geojson").read_text("utf-8"))
    oblasts = json.loads((source / "geoBoundaries-UKR-ADM1_simplified.geojson").read_text("utf-8"))
    layers = {
        "countries.geojson": [
            (
                {
                    "name": f["properties"].get("NAME"),
                    "iso": f["properties"].get("ISO_A2_EH") or f["properties"].get("ISO_A2"),
                },
                f["geometry"],
            )
            for f in countries["features"]
        ],
        "ukraine-adm1.geojson": [
            (
                {"name": f["properties"].get("shapeName"), "iso": f["properties"].get("shapeISO")},
                f["geometry"],
            )
            for f in oblasts["features"]
        ],
    }
    sizes = {}
    for name, feats in layers.items():
        features = []
        for props, geom in feats:
            small = shrink(geom, tolerance / (2 if name.startswith("ukraine") else 1), digits)
            if small is not None:
                features.append({"type": "Feature", "properties": props, "geometry": small})
        data = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
        (out_dir / name).write_text(data, "utf-8")
        sizes[name] = len(data)
    return sizes


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder with the boundary files")
    parser.add_argument("--out", type=Path, default=static_dir() / "basemap")
    parser.add_argument("--tolerance", type=float, default=0.02, help="simplification tolerance in degrees")
    args = parser.parse_args(argv)
    for name, size in build(args.source, args.out, tolerance=args.tolerance).items():
        print(f"{name}: {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
