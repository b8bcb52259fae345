"""schemathesis against /openapi.json, in process (WSGI): generated requests, valid and not,
must never get a server error, and every answer must match the document."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from newsbadge_dev.live_server import flask_app

# Small limits, so that generated bodies also exercise the limits' errors quickly. Built at import
# (not from conftest's make_app fixture): schemathesis parametrizes at collection.
app = flask_app(max_text_chars=2000, max_title_chars=200, batch_max=3)
schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
schema.config.generation.update(modes=list(schemathesis.GenerationMode))  # valid and invalid
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


@pytest.mark.slow  # schemathesis: 40 hypothesis examples per operation
@schema.parametrize()
@settings(max_examples=40, deadline=None, derandomize=True,
          phases=[Phase.explicit, Phase.generate],
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case):
    case.call_and_validate(checks=CHECKS)
