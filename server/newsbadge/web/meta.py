"""Routes about the service itself: /healthz, /openapi.json, /docs and /reference (no API key
needed)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from flask import Blueprint, current_app, render_template, send_from_directory
from pydantic import BaseModel, Field

from .. import __version__
from ..schema import SCHEMA_VERSION
from .responses import json_response

bp = Blueprint("meta", __name__, template_folder="templates")
STATIC = str(files(__package__) / "static")


class Health(BaseModel):
    status: str = Field(description='"ok" once the server is ready')
    version: str = Field(description="the newsbadge package version")
    schema_: str = Field(alias="schema", description="the report schema this server answers with")


HEALTH = Health.model_validate(
    {"status": "ok", "version": __version__, "schema": SCHEMA_VERSION}).model_dump(by_alias=True)


@bp.get("/healthz")
def healthz():
    """200 as soon as the app exists: create_app has already loaded and warmed the core."""
    return json_response(HEALTH)


@bp.get("/openapi.json")
def openapi():
    return json_response(current_app.config["NEWSBADGE_OPENAPI"])


@bp.get("/docs")
def docs():
    """Swagger UI over /openapi.json, from the files flask-swagger-ui packages (no CDN, and its
    online validator switched off), so the API is browsable with no network."""
    return render_template("swagger.html", title=current_app.config["NEWSBADGE_OPENAPI"]["info"])


@bp.get("/docs/swagger-ui/<path:name>")
def swagger_ui_file(name: str):
    return send_from_directory(swagger_ui_folder(), name, max_age=86400)


@bp.get("/docs/start.js")
def swagger_ui_start():
    """The page's one script of ours, a file rather than inline, so a strict CSP allows it."""
    return send_from_directory(STATIC, "docs/swagger-start.js", max_age=3600)


@cache
def swagger_ui_folder() -> str:
    """Looked up at the first /docs request, so the server's start does not import the package."""
    return str(files("flask_swagger_ui") / "dist")


@bp.get("/reference")
def reference():
    """The same document as a plain page with no scripts at all, each field's type in words."""
    return render_template("docs.html", doc=current_app.config["NEWSBADGE_OPENAPI"],
                           type_of=type_of)


def type_of(spec: dict) -> str:
    """A JSON Schema in words, as a reader of the docs wants it: "string (at most 2000
    characters)", "number or null", "list of Attribution", "one of: low, moderate, high"."""
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1]
    if "enum" in spec or "const" in spec:
        return "one of: " + ", ".join(map(str, spec.get("enum", [spec.get("const")])))
    for key in ("anyOf", "oneOf"):
        if key in spec:
            return " or ".join(dict.fromkeys(type_of(branch) for branch in spec[key]))
    kind = spec.get("type", "any")
    if kind == "array":
        return f"list of {type_of(spec.get('items', {}))}"
    if kind == "object" and "additionalProperties" in spec:
        extra = spec["additionalProperties"]
        return "object" if extra is True else f"object of {type_of(extra)}"
    limits = [f"at most {spec['maxLength']} characters"] if "maxLength" in spec else []
    limits += [f"at most {spec['maxItems']} items"] if "maxItems" in spec else []
    return f"{kind} ({', '.join(limits)})" if limits else str(kind)
