"""Timeline + viewport -> Geometry: pure numbers, no Qt (see DESIGN.md)."""
from .geometry import Geometry, Style, TimelineLayout
from .scale import TimeMap, Viewport

__all__ = ["Geometry", "Style", "TimelineLayout", "TimeMap", "Viewport"]
