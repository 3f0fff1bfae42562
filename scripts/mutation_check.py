"""Break the code in small ways the suite must notice, one at a time, and count what it catches.

Each mutation replaces one exact piece of source, runs the tests that guard it and restores the file.
A mutation whose source no longer matches is reported as STALE (update it here), never as caught.

    .venv/bin/python scripts/mutation_check.py            # all
    .venv/bin/python scripts/mutation_check.py upload     # those whose name contains "upload"
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


MUTATIONS = [
    Mutation("service accepts a funeral outside the window without the uitstel decision",
             "zaken/processes/overlijden/services.py",
             'if afwijking and "uitstel_besluit" not in aangifte.uploads:', "if False:",
             ("tests/overlijden",)),
    Mutation("service accepts a non-natural death without the OvJ document",
             "zaken/processes/overlijden/services.py",
             'if aangifte.doodsoorzaak == Overlijden.Doodsoorzaak.NIET_NATUURLIJK and "ovj_verklaring" not in '
             'aangifte.uploads:', "if False:", ("tests/overlijden",)),
    Mutation("upload: the extension check is dropped", "zaken/forms/validators.py",
             "if content_type not in allowed or not name.endswith(EXTENSIONS[content_type]):",
             "if content_type not in allowed:", ("tests/portal/test_uploads.py",)),
    Mutation("upload: only the first signature byte is sniffed", "zaken/forms/validators.py",
             "if head.startswith(prefixes):", "if any(head[:1] == p[:1] for p in prefixes):",
             ("tests/portal/test_uploads.py",)),
    Mutation("machine: the verlof without the OvJ release", "zaken/processes/overlijden/models.py",
             "source=State.AKTE_OPGEMAAKT, target=State.VERLOF_VERSTREKT,\n                conditions=[ovj_afgehandeld])",
             "source=State.AKTE_OPGEMAAKT, target=State.VERLOF_VERSTREKT,\n                conditions=[])",
             ("tests/overlijden/test_machine.py",)),
    Mutation("machine: the OvJ release guard always holds", "zaken/processes/overlijden/models.py",
             "conditions=[lambda self: self.ovj_vrijgegeven_op is not None])", "conditions=[lambda self: True])",
             ("tests/overlijden/test_machine.py",)),
    Mutation("session: activity does not slide", "portal/session.py",
             "    request.session[ACTIVITY_KEY] = time.time()\n    return AuthContext.from_session(data)",
             "    return AuthContext.from_session(data)", ("tests/portal",)),
    Mutation("letters: WeasyPrint's default fetcher", "zaken/documents/render.py",
             "return HTML(string=html, url_fetcher=fetcher).write_pdf(", "return HTML(string=html).write_pdf(",
             ("tests/documents",)),
    Mutation("drafts survive logout", "portal/session.py",
             "    draft_uploads_delete(request.session)\n    request.session.flush()",
             "    request.session.cycle_key()", ("tests/verhuizing", "tests/overlijden")),
    Mutation("the check page's fingerprint is not compared", "zaken/processes/drafts.py",
             'return constant_time_compare(request.POST.get(FINGERPRINT_FIELD, ""), fingerprint(draft))',
             "return True", ("tests/verhuizing", "tests/overlijden")),
]


def run(mutation: Mutation) -> str:
    path = ROOT / mutation.path
    source = path.read_text(encoding="utf-8")
    if source.count(mutation.old) != 1:
        return "STALE"
    path.write_text(source.replace(mutation.old, mutation.new), encoding="utf-8")
    try:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
        result = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                                 "-m", "not browser and not integration", *mutation.tests],
                                cwd=ROOT, env=env, capture_output=True, text=True)
    finally:
        path.write_text(source, encoding="utf-8")
    return "caught" if result.returncode == 1 else ("MISSED" if result.returncode == 0 else f"error {result.returncode}")


def main(argv: list[str]) -> int:
    selected = [m for m in MUTATIONS if not argv or any(a in m.name for a in argv)]
    outcomes = []
    for mutation in selected:
        started = time.monotonic()
        outcome = run(mutation)
        outcomes.append(outcome)
        print(f"{outcome:8} {time.monotonic() - started:5.1f} s  {mutation.name}", flush=True)
    caught = outcomes.count("caught")
    print(f"{caught} of {len(selected)} mutations caught")
    return 0 if caught == len(selected) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
