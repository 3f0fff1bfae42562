from zaken.identity import AuthContext


def digid(bsn: str, level: str = "midden") -> AuthContext:
    return AuthContext.now(means="digid", level=level, bsn=bsn, display_name="Test")
