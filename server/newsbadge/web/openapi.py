"""The OpenAPI 3.1 document, generated from the pydantic models that validate requests.

OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what pydantic emits, so the models'
schemas go into `components.schemas` as they are. The server's configured limits (text length,
batch size, keys) are then written into the document, so that it describes this server.
"""

from __future__ import annotations

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from .. import __version__
from ..schema import AnalyzeRequest, BatchRequest, BatchResponse, ErrorResponse, Report
from ..settings import Settings

REF = "#/components/schemas/{model}"

# Statuses any /v1/ request may get, with what they mean (DESIGN.md's errors).
V1_ERRORS = {
    "400": "malformed JSON, or JSON nested deeper than the limit",
    "413": "body larger than the limit",
    "415": "not sent as application/json",
    "422": "valid JSON that is not a valid request; the message names the field",
    "429": "over the rate limit; see Retry-After",
    "500": "the analysis failed",
}


def build(settings: Settings, health_model: type[BaseModel]) -> dict:
    models = [(AnalyzeRequest, "validation"), (BatchRequest, "validation"),
              (Report, "serialization"), (BatchResponse, "serialization"),
              (ErrorResponse, "serialization"), (health_model, "serialization")]
    _, top = models_json_schema(models, ref_template=REF)
    schemas = top["$defs"]
    _apply_limits(schemas, settings)
    errors = dict(V1_ERRORS)
    errors["401"] = ("missing or wrong API key" if settings.api_keys else
                     "missing or wrong API key, on a server configured with NEWSBADGE_API_KEYS")
    doc = {
        "openapi": "3.1.0",
        "info": {
            "title": "newsbadge",
            "version": __version__,
            "summary": "Scores news pages for sensational framing, contamination and sourcing, "
                       "with evidence as character offsets.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "paths": {
            "/v1/analyze": _post("Analyze one page", "AnalyzeRequest", "Report", errors,
                                 "the report"),
            "/v1/batch": _post(f"Analyze up to {settings.batch_max} pages; a bad item gets an "
                               "error in its place", "BatchRequest", "BatchResponse", errors,
                               "one report or error per request, in order"),
            "/healthz": _get("Liveness: 200 once the server is ready", health_model.__name__),
            "/openapi.json": _get("This document", None),
        },
        "components": {"schemas": schemas, "securitySchemes": {"bearer": {
            "type": "http", "scheme": "bearer",
            "description": "An API key of NEWSBADGE_API_KEYS, as `Authorization: Bearer KEY`"}}},
    }
    # With no keys configured the key is optional (the empty requirement): the scheme stays
    # documented, so a client knows how to send one to a server that has them.
    security = [{"bearer": []}] if settings.api_keys else [{}, {"bearer": []}]
    for path in ("/v1/analyze", "/v1/batch"):
        doc["paths"][path]["post"]["security"] = security
    return doc


def _apply_limits(schemas: dict, settings: Settings) -> None:
    fields = schemas["AnalyzeRequest"]["properties"]
    for name, limit in (("text", settings.max_text_chars), ("title", settings.max_title_chars)):
        for branch in fields[name].get("anyOf", [fields[name]]):
            if branch.get("type") == "string":
                branch["maxLength"] = limit
    schemas["BatchRequest"]["properties"]["requests"]["maxItems"] = settings.batch_max


def _json(schema_name: str | None) -> dict:
    schema = {"$ref": REF.format(model=schema_name)} if schema_name else {"type": "object"}
    return {"application/json": {"schema": schema}}


def _post(summary: str, request: str, response: str, errors: dict, ok: str) -> dict:
    responses = {"200": {"description": ok, "content": _json(response)}}
    responses.update({status: {"description": why, "content": _json("ErrorResponse")}
                      for status, why in sorted(errors.items())})
    return {"post": {"summary": summary, "operationId": request.removesuffix("Request").lower(),
                     "requestBody": {"required": True, "content": _json(request)},
                     "responses": responses}}


def _get(summary: str, response: str | None) -> dict:
    return {"get": {"summary": summary,
                    "responses": {"200": {"description": "OK", "content": _json(response)}}}}
