"""A BSN in a ZGW query string (the spec's inpBsn filter) never reaches a log line."""

import logging
from datetime import timedelta
from types import SimpleNamespace

from gunicorn.config import Config
from gunicorn.glogging import Logger

from config import gunicorn as gunicorn_settings

from ..conftest import auth

# 123456782 fails the elfproef: the BSN mask (RedactBsnFilter) would let it through.
QUERY = "betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=123456782&page=1"


def gunicorn_line(access_log_format: str) -> str:
    cfg = Config()
    cfg.set("access_log_format", access_log_format)
    log = Logger(cfg)
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": f"/api/zaken/v1/rollen?{QUERY}", "PATH_INFO": "/api/zaken/v1/rollen",
               "QUERY_STRING": QUERY, "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1",
               "HTTP_REFERER": f"https://zac.example/zoek?{QUERY}"}
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    atoms = log.atoms_wrapper_class(log.atoms(response, SimpleNamespace(headers=[]), environ, timedelta(seconds=0)))
    return cfg.access_log_format % atoms


def test_gunicorn_access_log_has_no_query_string():
    assert "123456782" in gunicorn_line(Config().access_log_format)  # gunicorn's default writes it
    line = gunicorn_line(gunicorn_settings.access_log_format)
    assert "123456782" not in line
    assert '"GET /api/zaken/v1/rollen HTTP/1.1" 200' in line


def test_runserver_request_log_has_no_query_string():
    logger = logging.getLogger("django.server")
    record = logger.makeRecord("django.server", logging.INFO, __file__, 1, '"%s" %s %s',
                               (f"GET /api/zaken/v1/rollen?{QUERY} HTTP/1.1", "200", "10"), None)
    for handler_filter in logger.filters:
        handler_filter.filter(record)
    assert record.getMessage() == '"GET /api/zaken/v1/rollen HTTP/1.1" 200 10'


def test_no_bsn_in_any_log_of_a_filtered_list(client, zrc_client, maak_zaak, caplog):
    maak_zaak()
    zrc_client()
    with caplog.at_level(logging.DEBUG):
        for query in (QUERY, "betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=999993653", "zaak=x&" + QUERY):
            client.get(f"/api/zaken/v1/rollen?{query}", **auth("zac"))
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "123456782" not in logged and "999993653" not in logged
