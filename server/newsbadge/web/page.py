"""`GET /`: the report page. Paste a page's text (or open an .html file), read its full report.

The page is static HTML and ES modules, no build step: it posts to `/v1/analyze` like any client
and draws the answer with the extension's own renderer. The files in `static/lib` and
`static/report` are symbolic links to `extension/lib` and `extension/report` (the wheel build
copies what they point to), so there is one source and the extension stays loadable from a
clean clone. Everything under this blueprint is served with a
Content-Security-Policy that allows only this server's own scripts, styles and API.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

bp = Blueprint("page", __name__, static_folder="static", static_url_path="/ui",
               template_folder="templates")


@bp.get("/")
def index():
    settings = current_app.config["NEWSBADGE_SETTINGS"]
    return render_template("report_page.html", needs_key=bool(settings.api_keys),
                           max_bytes=settings.max_bytes)


@bp.after_request
def protect(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
