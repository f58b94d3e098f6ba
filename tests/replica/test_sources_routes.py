"""The replica's one-document sources: each path serves its file, an unknown provider is a 404, and faults
apply to these paths like any other."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest

from replica import faults
from replica.sources import DEFAULT_SOURCES_DIR


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.parametrize(
    ("path", "filename"),
    [
        ("/sources/modelsdev/api.json", "modelsdev.json"),
        ("/sources/litellm/model_prices.json", "litellm.json"),
    ],
)
def test_each_path_serves_its_file(replica: Any, path: str, filename: str) -> None:
    status, body = get(replica.url + path)
    assert status == 200
    assert json.loads(body) == json.loads((DEFAULT_SOURCES_DIR / filename).read_text())


def test_an_unknown_provider_is_a_404(replica: Any) -> None:
    assert get(replica.url + "/providers/nosuchprovider/v1/models")[0] == 404
    assert get(replica.url + "/providers/..%2F..%2Fapp/v1/openai/models")[0] == 404


def test_faults_apply(replica: Any) -> None:
    path = "/sources/litellm/model_prices.json"
    replica.set_fault(path, faults.truncated_json(times=1))
    status, body = get(replica.url + path)
    assert status == 200
    with pytest.raises(ValueError):
        json.loads(body)
    replica.set_fault(path, faults.status(500, times=1))
    assert get(replica.url + path)[0] == 500
    assert get(replica.url + path)[0] == 200
