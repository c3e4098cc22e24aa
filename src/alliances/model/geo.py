"""Great-circle distance between two points given in decimal degrees.

Examples
--------
>>> round(great_circle_km(39.9, 116.4, 35.7, 139.7), -2)  # Beijing to Tokyo
2100.0
"""

from __future__ import annotations

import math

__all__ = ["EARTH_RADIUS_KM", "great_circle_km"]

EARTH_RADIUS_KM = 6371.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres on a sphere of radius 6,371 km."""
    p1, q1, p2, q2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((q2 - q1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
