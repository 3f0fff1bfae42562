"""The one HTTP client every register adapter uses: time-outs, retries, a circuit breaker, typed
errors and a log line per request that carries no personal data.

- Reads (GET, and Haal Centraal's POST /personen, which only asks) are retried with backoff on
  connection errors, time-outs and 502/503/504. Writes are retried only when the connection could
  not be made, so a request the register may have received is never sent twice.
- A circuit breaker per register URL and process: after REGISTER_BREAKER_FAILURES unavailable answers
  in a row, calls fail at once for REGISTER_BREAKER_SECONDS, so a register that is down does not tie
  up every web process and worker on its time-outs.
- The log shows the path *template* the adapter gives (`/basisprofielen/{kvkNummer}`), never the
  query string or a body: identifiers (BSN, address, KvK number) go in the body or stay out.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

import pybreaker
import requests
from django.conf import settings
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ..errors import IntegrationError, Misconfigured, NotFound, Rejected, Unavailable
from .verbinding import Verbinding

log = logging.getLogger("samenloket.integrations.http")

RETRY_STATUSES = (502, 503, 504)
_lock = threading.Lock()
_sessions: dict[tuple, requests.Session] = {}
_breakers: dict[str, pybreaker.CircuitBreaker] = {}


@dataclass(frozen=True)
class Answer:
    status: int
    data: object
    headers: dict


def _session(verbinding: Verbinding, *, idempotent: bool) -> requests.Session:
    key = (verbinding.url, verbinding.client_cert, verbinding.client_key, verbinding.ca_bundle,
           verbinding.retries, idempotent)
    with _lock:
        session = _sessions.get(key)
        if session is None:
            session = requests.Session()
            if idempotent:
                retry = Retry(total=verbinding.retries, backoff_factor=0.2, status_forcelist=RETRY_STATUSES,
                              allowed_methods=None, raise_on_status=False, respect_retry_after_header=False)
            else:  # only a connection that was never made may be tried again
                retry = Retry(total=verbinding.retries, connect=verbinding.retries, read=0, status=0,
                              other=0, allowed_methods=None, raise_on_status=False)
            session.mount("http://", HTTPAdapter(max_retries=retry))
            session.mount("https://", HTTPAdapter(max_retries=retry))
            if settings.MOCK_REGISTERS_INPROCESS and verbinding.is_mock:
                from .inprocess import InProcessAdapter

                session.mount(settings.MOCK_REGISTERS_URL + "/", InProcessAdapter())
            if verbinding.client_cert:
                session.cert = (verbinding.client_cert, verbinding.client_key or None)
            if verbinding.ca_bundle:
                session.verify = verbinding.ca_bundle
            _sessions[key] = session
        return session


def _breaker(verbinding: Verbinding) -> pybreaker.CircuitBreaker:
    with _lock:
        breaker = _breakers.get(verbinding.url)
        if breaker is None:
            breaker = pybreaker.CircuitBreaker(
                fail_max=settings.REGISTER_BREAKER_FAILURES, reset_timeout=settings.REGISTER_BREAKER_SECONDS,
                exclude=[lambda error: not isinstance(error, Unavailable)], name=verbinding.kind,
                throw_new_error_on_trip=False)
            _breakers[verbinding.url] = breaker
        return breaker


def reset_breakers() -> None:
    """Close every circuit (tests; a register that was down in one test is up in the next)."""
    with _lock:
        _breakers.clear()


def _error_for(status: int, data, kind: str, log_path: str) -> IntegrationError:
    code = data.get("code", "") if isinstance(data, dict) else ""
    if status == 400:
        # Haal Centraal spells it invalidParams, the BAG API invalid-params.
        params = (data.get("invalidParams") or data.get("invalid-params") or []) if isinstance(data, dict) else []
        names = tuple(p.get("name", "") for p in params if isinstance(p, dict))
        return Rejected(f"{kind} {log_path}: 400 {code}", invalid_params=names)
    if status == 404:
        return NotFound(f"{kind} {log_path}: 404 {code}")
    if status in (401, 403):
        log.error("%s refused our credentials (%s) on %s: check its registerkoppeling", kind, status, log_path)
        return Misconfigured(f"{kind} {log_path}: {status} {code}")
    return Unavailable(f"{kind} {log_path}: {status} {code}")


class RegisterClient:
    """HTTP to one register on behalf of one municipality (its Verbinding)."""

    def __init__(self, verbinding: Verbinding):
        self.verbinding = verbinding

    def get(self, path: str, *, log_path: str | None = None, params=None, headers=None,
            accept=(200,)) -> Answer:
        return self.request("GET", path, log_path=log_path, params=params, headers=headers, accept=accept)

    def post(self, path: str, *, json, idempotent: bool, log_path: str | None = None, headers=None,
             accept=(200, 201)) -> Answer:
        return self.request("POST", path, log_path=log_path, json=json, headers=headers,
                            idempotent=idempotent, accept=accept)

    def request(self, method: str, path: str, *, log_path: str | None = None, params=None, json=None,
                headers=None, idempotent: bool = True, accept=(200,)) -> Answer:
        """`path` is appended to the connection's URL; `log_path` is what the log shows (give a
        template whenever `path` holds an identifier). Raises only IntegrationError subclasses."""
        log_path = log_path or path
        try:
            return _breaker(self.verbinding).call(self._send, method, path, log_path, params, json,
                                                  headers, idempotent, accept)
        except pybreaker.CircuitBreakerError:
            log.warning("%s %s %s: circuit open, not sent", self.verbinding.kind, method, log_path)
            raise Unavailable(f"{self.verbinding.kind} circuit open") from None

    def _send(self, method, path, log_path, params, json, headers, idempotent, accept) -> Answer:
        verbinding = self.verbinding
        all_headers = {"Accept": "application/json", **(headers or {})}
        if verbinding.api_key:
            all_headers[verbinding.api_key_header] = verbinding.api_key_prefix + verbinding.api_key
        started = time.perf_counter()
        try:
            response = _session(verbinding, idempotent=idempotent).request(
                method, verbinding.url + path, params=params, json=json, headers=all_headers,
                timeout=verbinding.timeout, allow_redirects=False)
        except requests.RequestException as error:
            log.warning("%s %s %s: %s after %.0f ms", verbinding.kind, method, log_path,
                        type(error).__name__, (time.perf_counter() - started) * 1000)
            raise Unavailable(f"{verbinding.kind} {log_path}: {type(error).__name__}") from None
        elapsed = (time.perf_counter() - started) * 1000
        log.info("%s %s %s -> %s in %.0f ms", verbinding.kind, method, log_path, response.status_code, elapsed)
        try:
            data = response.json() if response.content else None
        except ValueError:
            data = None
            if response.status_code in accept:
                raise Unavailable(f"{verbinding.kind} {log_path}: answer is not JSON") from None
        if response.status_code not in accept:
            raise _error_for(response.status_code, data, verbinding.kind, log_path)
        return Answer(response.status_code, data, dict(response.headers))
