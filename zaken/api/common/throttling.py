"""A rate limit per API client (429 with Retry-After), a fixed window counted in the cache.

ZGW_API["THROTTLE_RATE"] is e.g. "6000/min" (empty: no limit). One counter per client and window: two
cache operations per request, whatever the rate.
"""

import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

from .auth import ApiClient

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    count, period = rate.split("/")
    return int(count), PERIODS[period.strip()[0]]


class ClientRateThrottle(BaseThrottle):
    wait_seconds = None

    def allow_request(self, request, view):
        rate = settings.ZGW_API.get("THROTTLE_RATE")
        client = request.user
        if not rate or not isinstance(client, ApiClient):
            return True
        limit, seconds = parse_rate(rate)
        now = time.time()
        key = f"zgw-throttle:{client.applicatie.pk}:{int(now // seconds)}"
        cache.add(key, 0, seconds + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # the window's key expired between add and incr
            cache.add(key, 1, seconds + 1)
            count = 1
        self.wait_seconds = seconds - now % seconds
        return count <= limit

    def wait(self):
        return self.wait_seconds
