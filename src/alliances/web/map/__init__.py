"""Map layers for the web app: states, treaty links, deployments, as JSON."""

from alliances.web.map.layers import map_layers, timeline_events

__all__ = ["map_layers", "timeline_events"]
