"""The specs' HTTP caching (ZGWResponseMixin), checked the same way on every component's detail read."""

from .conftest import auth


def assert_etag_and_304(client, url: str, api_version: str, client_id: str = "zac") -> str:
    """A 200 with API-version and an ETag (HEAD too); If-None-Match with it is an empty 304, another ETag a 200."""
    get = client.get(url, **auth(client_id))
    etag = get["ETag"]
    assert get.status_code == 200 and get["API-version"] == api_version and etag.startswith('"')
    assert client.head(url, **auth(client_id))["ETag"] == etag
    unchanged = client.get(url, HTTP_IF_NONE_MATCH=etag, **auth(client_id))
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged["ETag"] == etag and unchanged["API-version"] == api_version
    assert client.get(url, HTTP_IF_NONE_MATCH='"iets-anders"', **auth(client_id)).status_code == 200
    return etag
