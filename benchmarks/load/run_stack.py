"""The load benchmark's stack: the served checkout's environment and manage.py, and the processes it runs
(gunicorn, the hello world ceiling, the Celery worker), each stopped with its whole process group."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import time
from hashlib import sha1
from pathlib import Path

import journey

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VENV_BIN = ROOT / ".venv" / "bin"


class Stack:
    """The processes this run started; `stop` ends each (its whole process group), once."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.procs: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, cmd: list[str], *, cwd: Path, env: dict) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "ab")
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.procs.append((name, proc))
        return proc

    def check(self):
        for name, proc in self.procs:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} ended (exit {proc.returncode}); see {self.log_dir / name}.log")

    def stop(self):
        for _, proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 25
        for _, proc in self.procs:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.procs = []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, stack: Stack, timeout: float = 90) -> None:
    """Until the server answers anything at all over HTTP."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stack.check()
        try:
            status, _, _ = journey.Browser(url).request("/gezond/")
            if status:
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def manage(app_dir: Path, env: dict, *args: str, code: str | None = None, extra_env: dict | None = None) -> str:
    """A manage.py command of the served checkout, with this checkout's venv; its stdout."""
    cmd = [str(VENV_BIN / "python"), "manage.py", *args]
    if code is not None:
        cmd += ["-v", "0", "-c", code]
    done = subprocess.run(cmd, cwd=app_dir, env={**env, **(extra_env or {})}, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def shell_json(app_dir: Path, env: dict, code: str, **extra_env) -> dict:
    out = manage(app_dir, env, "shell", code=code, extra_env=extra_env)
    found = re.search(r"^LOADJSON (.*)$", out, re.MULTILINE)
    if not found:
        raise RuntimeError(f"no result from manage.py shell: {out[-1000:]}")
    return json.loads(found.group(1))


def environment(args, manifest: dict, var_dir: Path) -> dict:
    """What the served checkout runs with: staging with the mocks, the manifest's database, our own Redis databases."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_SETTINGS")}
    redis = args.redis_url.rstrip("/")
    env.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.staging",
        "SAMENLOKET_ALLOW_MOCKS": "true",
        "SAMENLOKET_STAGING_INSECURE_HTTP": "true",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "SAMENLOKET_VAR_DIR": str(var_dir),
        "DATABASE_URL": args.database_server.rstrip("/") + "/" + manifest["database"],
        "CELERY_BROKER_URL": f"{redis}/{args.broker_db}",
        "DJANGO_CACHE_URL": f"{redis}/{args.cache_db}",
        "PYTHONDONTWRITEBYTECODE": "1",
        # One API client drives the ZGW measurements: its per-client rate limit would answer 429s.
        "SAMENLOKET_ZGW_THROTTLE": "",
    })
    return env


def commit_of(app_dir: Path) -> str:
    done = subprocess.run(["git", "-C", str(app_dir), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return done.stdout.strip() or "?"


def source_state(app_dir: Path) -> str:
    """The commit and uncommitted changes of a git checkout; '' when it is not one (always collect then)."""
    head = subprocess.run(["git", "-C", str(app_dir), "rev-parse", "HEAD"], capture_output=True, text=True)
    if head.returncode:
        return ""
    dirty = subprocess.run(["git", "-C", str(app_dir), "status", "--porcelain"], capture_output=True, text=True)
    return f"{app_dir} {head.stdout.strip()} {sha1(dirty.stdout.encode()).hexdigest()}"


def collectstatic(app_dir: Path, env: dict, var_dir: Path) -> None:
    """collectstatic (minutes: it hashes and compresses every file), skipped when the same source was collected."""
    stamp = var_dir / "static" / ".load-benchmark-source"
    state = source_state(app_dir)
    if state and stamp.exists() and stamp.read_text() == state:
        return
    manage(app_dir, env, "collectstatic", "--noinput", "-v", "0")
    if state:
        stamp.write_text(state)


def serve(stack: Stack, args, app_dir: Path, env: dict) -> tuple[str, str]:
    """gunicorn on the served checkout, hello.py beside it with the same settings, the worker when there is a
    journey; the base URLs of the project and of hello world once both answer."""
    port, hello_port = free_port(), free_port()
    gunicorn = [str(VENV_BIN / "gunicorn"), "--workers", str(args.workers), "--graceful-timeout", "20",
                "--no-control-socket"]
    if (app_dir / "config" / "wsgi_mocks.py").exists():  # checkouts since issue 12 reach the registers over HTTP
        mock_port = free_port()
        env["SAMENLOKET_MOCK_REGISTERS_URL"] = f"http://127.0.0.1:{mock_port}"  # in place: later manage.py calls too
        stack.start("mocks", [str(VENV_BIN / "gunicorn"), "--workers", "1", "--threads", "8",
                                       "--no-control-socket", "--bind", f"127.0.0.1:{mock_port}",
                                       "config.wsgi_mocks:application"], cwd=app_dir, env=env)
    served = gunicorn + (["--config", "python:config.gunicorn"] if (app_dir / "config" / "gunicorn.py").exists() else [])
    stack.start("gunicorn", [*served, "--bind", f"127.0.0.1:{port}", "config.wsgi:application"],
                cwd=app_dir, env=env)
    hello_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    stack.start("hello", [*gunicorn, "--bind", f"127.0.0.1:{hello_port}", "hello:application"],
                cwd=HERE, env=hello_env)
    if args.journey_users:
        stack.start("celery", [str(VENV_BIN / "celery"), "-A", "config", "worker", "-l", "warning",
                               "--concurrency", str(args.celery_concurrency), "--without-gossip",
                               "--without-mingle"], cwd=app_dir, env=env)
    base, hello = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{hello_port}"
    wait_http(base, stack)
    wait_http(hello, stack)
    return base, hello
