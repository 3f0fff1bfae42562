"""Keep personal data out of the logs: anything shaped like a BSN is masked."""

import logging
import re

from .validators import is_valid_bsn

_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def redact(text: str) -> str:
    return _NINE_DIGITS.sub(lambda m: "*********" if is_valid_bsn(m.group()) else m.group(), text)


class RedactBsnFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True
