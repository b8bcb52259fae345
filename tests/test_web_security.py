"""API keys, CORS, the rate limit and settings from the environment."""

from __future__ import annotations

import pytest

from newsbadge.settings import Settings, SettingsError
from newsbadge.web.security import key_matches

BODY = {"title": "Council approves road budget"}


def bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(scope="module")
def keyed(make_client):
    return make_client(api_keys=("k-one", "k-two"))


@pytest.mark.parametrize("headers", [
    {}, bearer("wrong"), bearer("k-one-and-more"), bearer(""), {"Authorization": "k-one"},
    {"Authorization": "Basic k-one"}, bearer("k-on"),
])
def test_401_without_a_configured_key(keyed, headers):
    for path, body in (("/v1/analyze", BODY), ("/v1/batch", {"requests": [BODY]})):
        response = keyed.post(path, json=body, headers=headers)
        assert response.status_code == 401
        assert response.get_json()["error"]["code"] == "unauthorized"
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_each_configured_key_is_accepted_and_healthz_stays_open(keyed):
    for key in ("k-one", "k-two"):
        assert keyed.post("/v1/analyze", json=BODY, headers=bearer(key)).status_code == 200
    assert keyed.get("/healthz").status_code == 200
    assert keyed.get("/openapi.json").status_code == 200


def test_keys_are_checked_before_the_body_is_read(keyed):
    response = keyed.post("/v1/analyze", data=b"{not json", content_type="application/json")
    assert response.status_code == 401


def test_openapi_declares_bearer_security_when_keys_are_set(keyed):
    doc = keyed.get("/openapi.json").get_json()
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert doc["paths"]["/v1/analyze"]["post"]["security"] == [{"bearer": []}]
    assert "401" in doc["paths"]["/v1/analyze"]["post"]["responses"]


def test_key_matches_compares_whole_keys():
    keys = ("alpha", "beta")
    assert key_matches("beta", keys)
    assert not key_matches("bet", keys) and not key_matches("betaa", keys)
    assert not key_matches("", keys)
    assert key_matches("ключ", ("ключ",))


def test_429_with_retry_after_once_over_the_limit_and_healthz_is_not_limited(make_client):
    client = make_client(rate_limit="2/minute")
    statuses = [client.post("/v1/analyze", json=BODY).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    response = client.post("/v1/batch", json={"requests": [BODY]})
    assert response.status_code == 429, "analyze and batch share one allowance"
    assert response.get_json()["error"]["code"] == "rate_limited"
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert all(client.get("/healthz").status_code == 200 for _ in range(5))


def test_rate_limit_counts_per_key(make_client):
    client = make_client(rate_limit="1/minute", api_keys=("k-one", "k-two"))
    assert client.post("/v1/analyze", json=BODY, headers=bearer("k-one")).status_code == 200
    assert client.post("/v1/analyze", json=BODY, headers=bearer("k-one")).status_code == 429
    assert client.post("/v1/analyze", json=BODY, headers=bearer("k-two")).status_code == 200


def test_rate_limit_counts_per_address_without_keys(make_client):
    client = make_client(rate_limit="1/minute")
    for address, expected in (("10.0.0.1", 200), ("10.0.0.1", 429), ("10.0.0.2", 200)):
        response = client.post("/v1/analyze", json=BODY,
                               environ_base={"REMOTE_ADDR": address})
        assert response.status_code == expected


def test_forwarded_address_is_trusted_only_behind_a_configured_proxy(make_client):
    for proxies, expected in ((0, 429), (1, 200)):
        client = make_client(rate_limit="1/minute", trusted_proxies=proxies)
        statuses = [client.post("/v1/analyze", json=BODY,
                                headers={"X-Forwarded-For": forwarded}).status_code
                    for forwarded in ("198.51.100.1", "198.51.100.2")]
        assert statuses == [200, expected]


def test_cors_is_closed_by_default(client):
    response = client.post("/v1/analyze", json=BODY, headers={"Origin": "https://a.example"})
    assert "Access-Control-Allow-Origin" not in response.headers
    preflight = client.options("/v1/analyze", headers={
        "Origin": "https://a.example", "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in preflight.headers


def test_cors_opens_to_listed_origins_only_and_preflight_needs_no_key(make_client):
    client = make_client(cors_origins=("https://a.example",), api_keys=("k",))
    preflight = client.options("/v1/analyze", headers={
        "Origin": "https://a.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://a.example"
    assert "authorization" in preflight.headers["Access-Control-Allow-Headers"].lower()
    allowed = client.post("/v1/analyze", json=BODY,
                          headers={"Origin": "https://a.example", **bearer("k")})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://a.example"
    other = client.post("/v1/analyze", json=BODY,
                        headers={"Origin": "https://b.example", **bearer("k")})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_settings_from_environment():
    settings = Settings.from_env({
        "NEWSBADGE_BIND": "0.0.0.0:9000", "NEWSBADGE_WORKERS": "3",
        "NEWSBADGE_MAX_BYTES": "1_000", "NEWSBADGE_API_KEYS": " a, b ,,",
        "NEWSBADGE_CORS_ORIGINS": "https://x.example", "NEWSBADGE_RATE_LIMIT": "off",
        "NEWSBADGE_BATCH_MAX": "5", "NEWSBADGE_ACCESS_LOG": "no", "NEWSBADGE_TIMEOUT": "",
    })
    assert settings.bind == "0.0.0.0:9000" and settings.workers == 3
    assert settings.max_bytes == 1000 and settings.api_keys == ("a", "b")
    assert settings.cors_origins == ("https://x.example",) and settings.rate_limit == ""
    assert settings.batch_max == 5 and settings.access_log is False
    assert settings.timeout == Settings().timeout
    assert Settings.from_env({}) == Settings()


@pytest.mark.parametrize("name, value", [
    ("WORKERS", "many"), ("WORKERS", "0"), ("MAX_BYTES", "-1"), ("RATE_LIMIT", "lots"),
    ("WORKER_CLASS", "gevent"), ("ACCESS_LOG", "maybe"),
])
def test_a_bad_setting_stops_start_up_naming_the_variable(name, value):
    with pytest.raises(SettingsError, match=f"NEWSBADGE_{name}"):
        Settings.from_env({f"NEWSBADGE_{name}": value})


def test_rate_limit_keeps_answering_in_memory_when_redis_is_down(make_client):
    pytest.importorskip("redis", reason="the redis extra is not installed")
    client = make_client(rate_limit="1/minute", rate_limit_storage="redis://127.0.0.1:1")
    statuses = [client.post("/v1/analyze", json=BODY).status_code for _ in range(2)]
    assert statuses == [200, 429]
