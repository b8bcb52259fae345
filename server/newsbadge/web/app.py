"""The Flask application factory (flaskr style): settings in, app out; nothing at import time."""

from __future__ import annotations

import logging

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from ..analysis import warm_up
from ..settings import Settings
from . import api, meta, openapi, page, security
from .errors import register_error_handlers


def create_app(settings: Settings | None = None) -> Flask:
    """The WSGI app for `settings` (default: from NEWSBADGE_* environment variables).

    Warms the analysis core up first (language profiles, lazy loads), so that a preloading
    gunicorn pays that once in the master, and the first reader's request is not slow.
    """
    settings = settings or Settings.from_env()
    logging.getLogger("newsbadge").setLevel(settings.log_level.upper())
    warm_up()

    app = Flask("newsbadge")
    app.config.update(
        NEWSBADGE_SETTINGS=settings,
        MAX_CONTENT_LENGTH=settings.max_bytes,
        NEWSBADGE_OPENAPI=openapi.build(settings, meta.Health),
    )
    if settings.trusted_proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxies,
                                x_proto=settings.trusted_proxies)

    v1 = api.blueprint(settings)
    security.protect(app, v1, settings)
    app.register_blueprint(v1)
    app.register_blueprint(meta.bp)
    app.register_blueprint(page.bp)
    register_error_handlers(app)
    return app

