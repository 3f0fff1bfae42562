"""PEM text from the database as files, because xmlsec1 (pysaml2's signer) reads keys from disk."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from django.conf import settings


def pem_file(pem: str, suffix: str) -> str:
    """The path of a private file holding `pem`, named by its hash, written once."""
    directory = Path(settings.SAML_KEY_DIR)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    text = pem.strip().replace("\r\n", "\n") + "\n"
    path = directory / f"{hashlib.sha256(text.encode()).hexdigest()[:32]}.{suffix}"
    if not path.exists():
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        os.replace(tmp, path)  # atomic: another process never reads half a key
    return str(path)
