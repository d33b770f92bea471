"""Coverage: NAP boxes with a free port within the configured distance of a point."""
from __future__ import annotations

from antena_common.errors import InvalidArgument

from ..domain import geo

MAX_RADIUS_M = 20_000


def check_coverage(uow, *, lat: float, lon: float, radius_m: float, max_candidates: int) -> geo.CoverageAnswer:
    geo.check_point(lat, lon)
    if not (0 < radius_m <= MAX_RADIUS_M):
        raise InvalidArgument("radius_m: between 1 and 20000", field_errors={"radius_m": f"between 1 and {MAX_RADIUS_M}"})
    max_candidates = max(1, min(int(max_candidates or 5), 50))
    with uow:
        rows = uow.nap_boxes.near(geo.cells_around(lat, lon, radius_m), geo.bounding_box(lat, lon, radius_m))
    boxes = [geo.BoxPoint(i, code, blat, blon, max(0, ports - used)) for i, code, blat, blon, ports, used in rows]
    return geo.rank_candidates(lat, lon, boxes, radius_m, max_candidates)
