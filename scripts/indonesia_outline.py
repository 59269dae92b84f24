"""Write data/geo/indonesia.geojson: Indonesia's outline for the school map, from the npm package world-atlas.

world-atlas 2.0.2 (ISC licence) ships Natural Earth's 1:50m countries (public
domain) as TopoJSON. This script decodes Indonesia's arcs (delta-encoded,
quantised), keeps each polygon's outer ring, rounds to 0.01° and drops islands
smaller than ``--min-points`` vertices, so the committed file stays small. No
network: pass the package's tarball (``npm pack world-atlas@2.0.2``).

    python scripts/indonesia_outline.py world-atlas-2.0.2.tgz
"""

from __future__ import annotations

import argparse
import json
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "geo" / "indonesia.geojson"


def decode(topo: dict, name: str = "Indonesia", digits: int = 2, min_points: int = 6) -> dict:
    """The named country of a TopoJSON ``countries`` object as a GeoJSON FeatureCollection (outer rings only)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices: list[int]) -> list[list[float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        rounded = [[round(x, digits), round(y, digits)] for x, y in out]
        return [p for k, p in enumerate(rounded) if k == 0 or p != rounded[k - 1]]

    geom = next(g for g in topo["objects"]["countries"]["geometries"] if g.get("properties", {}).get("name") == name)
    polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
    rings = [ring(p[0]) for p in polys]
    rings = [r for r in rings if len(r) >= min_points]
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": name, "source": "Natural Earth 1:50m via world-atlas 2.0.2 (npm)"},
                "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings]},
            }
        ],
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tarball", help="world-atlas-2.0.2.tgz from `npm pack world-atlas@2.0.2`")
    a = ap.parse_args(argv)
    with tarfile.open(a.tarball) as tf:
        topo = json.load(tf.extractfile("package/countries-50m.json"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(decode(topo), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
