"""The web app: a face over the engines (``alliances serve``); it holds no domain logic.

Needs the ``web`` extra (``pip install "alliances[web]"``). See docs/webapp.md.
"""

from alliances.web.app import create_app
from alliances.web.settings import Settings

__all__ = ["Settings", "create_app"]
