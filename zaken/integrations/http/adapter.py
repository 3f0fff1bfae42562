"""Base of the adapters that reach a register over HTTP: bound to a municipality's connection."""

from __future__ import annotations

import copy

from ..registry import BaseAdapter
from .client import RegisterClient
from .verbinding import default_verbinding, verbinding


class HttpAdapter(BaseAdapter):
    """Subclasses set `register` (a key of settings.REGISTERS) and call `self.client`."""

    register = ""
    extra_registers: tuple[str, ...] = ()  # other connections the adapter uses (the BRP's bijhouding)
    gemeente = None

    def bind(self, gemeente):
        bound = copy.copy(self)
        bound.gemeente = gemeente
        return bound

    @property
    def client(self) -> RegisterClient:
        return RegisterClient(verbinding(self.register, self.gemeente))

    @property
    def is_mock(self) -> bool:  # a real client pointed at our mock registers is a mock to `check --deploy`
        return any(default_verbinding(kind).is_mock for kind in (self.register, *self.extra_registers))
