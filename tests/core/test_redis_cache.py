import os

import pytest

from config.cache import RedisCache


def test_one_client_per_pool_without_connecting():
    cache = RedisCache("redis://127.0.0.1:6379/15", {})
    assert cache._cache.get_client() is cache._cache.get_client()
    assert cache._cache.get_client(write=True) is cache._cache.get_client()


@pytest.mark.skipif(not os.environ.get("CELERY_BROKER_URL"), reason="needs Redis; `.ci/run` starts it")
def test_reused_client_reads_and_writes():
    cache = RedisCache(os.environ["CELERY_BROKER_URL"], {"KEY_PREFIX": "test-redis-cache"})
    cache.set("k", {"a": 1}, 5)
    assert cache.get("k") == {"a": 1}
    cache.delete("k")
    assert cache.get("k") is None
