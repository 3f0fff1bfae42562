"""Keep personal data out of the logs: anything shaped like a BSN is masked."""

import logging
import re

from .validators import is_valid_bsn

_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def redact(text: str) -> str:
    return _NINE_DIGITS.sub(lambda m: "*********" if is_valid_bsn(m.group()) else m.group(), text)


# The query string of a logged request line ("GET /api/zaken/v1/rollen?...inpBsn=... HTTP/1.1").
_QUERY = re.compile(r'(?P<path>"[A-Z]+ [^\s?"]*)\?[^\s"]*')


class StripQueryFilter(logging.Filter):
    """runserver's request log (django.server) without query strings: a filter value such as a BSN or a
    name in a ZGW list's query would otherwise be written as it is (a name has no shape to mask)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        stripped = _QUERY.sub(lambda m: m.group("path"), message)
        if stripped != message:
            record.msg, record.args = stripped, None
        return True


class RedactBsnFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True
