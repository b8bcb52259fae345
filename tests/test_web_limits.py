"""The rate limit shared by a server's workers, batch items counted one by one, and CORS origins
matched literally unless written as a regular expression (issue 16)."""

from __future__ import annotations

import os

import pytest
from limits.storage import Storage

from newsbadge.settings import Settings, SettingsError
from newsbadge.web import ratelimit
from newsbadge.web.shared_counts import WorkerSharedStorage
from newsbadge_dev.live_server import LiveServer

BODY = {"title": "Council approves road budget"}


def test_counts_are_shared_with_a_forked_process_and_end_with_their_window():
    storage = WorkerSharedStorage()
    storage.incr("addr:a", 60)
    pid = os.fork()
    if pid == 0:  # the child counts twice, as another worker would
        storage.incr("addr:a", 60)
        storage.incr("addr:a", 60, amount=2)
        os._exit(0)
    os.waitpid(pid, 0)
    assert storage.get("addr:a") == 4 and storage.get("addr:b") == 0
    storage.incr("addr:short", 0)  # a window that has already ended counts nothing
    assert storage.get("addr:short") == 0
    storage.clear("addr:a")
    assert storage.get("addr:a") == 0


def test_a_full_table_gives_up_the_window_that_ends_first():
    storage = WorkerSharedStorage()
    keys = [f"addr:{n}" for n in range(20_000)]  # more keys than slots
    for n, key in enumerate(keys):
        storage.incr(key, 60 + n)
    assert storage.get(keys[-1]) == 1
    assert sum(storage.get(key) for key in keys) < len(keys)


def test_a_batch_costs_one_request_per_item(make_client):
    client = make_client(rate_limit="5/minute")
    batch = client.post("/v1/batch", json={"requests": [BODY] * 4})
    assert batch.status_code == 200
    assert client.post("/v1/analyze", json=BODY).status_code == 200
    over = client.post("/v1/analyze", json=BODY)
    assert over.status_code == 429 and int(over.headers["Retry-After"]) > 0


def test_a_batch_over_what_is_left_is_refused(make_client):
    client = make_client(rate_limit="3/minute")
    assert client.post("/v1/batch", json={"requests": [BODY] * 2}).status_code == 200
    assert client.post("/v1/batch", json={"requests": [BODY] * 2}).status_code == 429


def test_a_wrong_key_is_counted_against_its_address_before_its_401(make_client):
    client = make_client(rate_limit="1/minute", api_keys=("k",))
    wrong = {"Authorization": "Bearer made-up"}
    assert client.post("/v1/analyze", json=BODY, headers=wrong).status_code == 401
    over = client.post("/v1/analyze", json=BODY, headers=wrong)
    assert over.status_code == 429 and over.get_json()["error"]["message"] == (
        "rate limit exceeded (1 per 1 minute); retry after the Retry-After seconds")


class BrokenStorage(Storage):
    """A storage whose every call fails, as Redis does when it is down."""

    STORAGE_SCHEME = ["broken"]
    calls = 0

    @property
    def base_exceptions(self):
        return OSError

    def incr(self, *args, **kwargs):
        BrokenStorage.calls += 1
        raise OSError("connection refused")

    get = get_expiry = clear = incr

    def check(self):
        return False

    def reset(self):
        return None


def test_a_failing_storage_is_replaced_by_memory_until_it_is_tried_again(make_client,
                                                                         monkeypatch):
    client = make_client(rate_limit="1/minute", rate_limit_storage="broken://")
    statuses = [client.post("/v1/analyze", json=BODY).status_code for _ in range(3)]
    assert statuses == [200, 429, 429] and BrokenStorage.calls == 1
    monkeypatch.setattr(ratelimit, "STORAGE_RETRY_S", 0.0)
    again = client.post("/v1/analyze", json=BODY)  # its window's end unknown: a whole window
    assert BrokenStorage.calls == 3 and again.status_code == 429
    assert again.headers["Retry-After"] == "60"


@pytest.mark.parametrize("entry, origin, allowed", [
    ("https://a.example", "https://a.example", True),
    ("https://a.example", "https://a.example.evil.com", False),
    (r"https://.*\.trusted\.example", "https://a.trusted.example.evil.com", False),
    (r"https://.*\.trusted\.example", "https://a.trusted.example", False),
    (r"re:https://.*\.trusted\.example", "https://a.trusted.example", True),
    (r"re:https://.*\.trusted\.example", "https://a.trusted.example.evil.com", False),
])
def test_cors_origins_are_literal_unless_marked_as_regex(make_client, entry, origin, allowed):
    client = make_client(cors_origins=(entry,))
    response = client.post("/v1/analyze", json=BODY, headers={"Origin": origin})
    assert (response.headers.get("Access-Control-Allow-Origin") == origin) is allowed


def test_a_bad_origin_pattern_stops_start_up():
    with pytest.raises(SettingsError, match="NEWSBADGE_CORS_ORIGINS"):
        Settings.from_env({"NEWSBADGE_CORS_ORIGINS": "re:https://(unclosed"})


@pytest.mark.slow
def test_the_rate_limit_holds_across_two_workers():
    """120 a minute, 2 workers: a burst of 140 gets 120 answers and 20 429s with Retry-After
    (counted per worker, 240 would have been answered)."""
    with LiveServer(workers=2, NEWSBADGE_RATE_LIMIT="120/minute") as live:
        answers = [live.post_json("/v1/analyze", BODY) for _ in range(140)]
    statuses = [status for status, _, _ in answers]
    assert statuses.count(200) == 120 and statuses.count(429) == 20
    assert all(int(headers["Retry-After"]) > 0 for status, headers, _ in answers if status == 429)
