"""gunicorn settings of the served site (scripts/serve.sh: `--config python:config.gunicorn`).

The access log names the path, never the query string or the referer: ZGW list filters carry personal data
in the query (`?betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=…`), and a logged URL keeps it for good.
"""

access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s"'
