"""The web layer: a Flask app over the analysis core, and the production gunicorn server.

    from newsbadge.web import create_app, serve
"""

from .app import create_app
from .server import serve

__all__ = ["create_app", "serve"]
