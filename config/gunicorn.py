"""gunicorn settings of the served site (scripts/serve.sh: `--config python:config.gunicorn`).

The access log names the path, never the query string or the referer: ZGW list filters carry personal data
in the query (`?betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=…`), and a logged URL keeps it for good.
"""

access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s"'


def post_worker_init(worker):
    """Freeze what the worker loaded (Django, the URLconf with every view and serializer, the process
    registry): it lives as long as the worker, so the collector need not walk it. Without this, every full
    collection walked ~250k objects and took 100–150 ms of a request (benchmarks/load/README.md, Garbage collection)."""
    import gc

    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view module now, not on the first request
    gc.collect()
    gc.freeze()
