"""Extract the facts our contract tests check from a VNG ZGW OpenAPI file.

Usage (the spec is read from a fetched copy, never stored in this repository):

    git -C <zaken-api clone> show 1.5.1:src/openapi.yaml > /tmp/zrc.yaml
    .venv/bin/python scripts/zgw_reference.py zaken /tmp/zrc.yaml \
        --repository VNG-Realisatie/zaken-api --tag 1.5.1 --commit <sha> > tests/zgw/vng/zaken.json

Only paths, methods, parameter names, required fields, property types/formats/enums,
status codes and error schema names are kept; no descriptions or examples.

(Re)write the known differences of our generated schema from those facts, one file per component
(tests/zgw/vng/known_differences_<component>.json), e.g. after merging a component's endpoints:

    .venv/bin/python scripts/zgw_reference.py known-differences            # every component
    .venv/bin/python scripts/zgw_reference.py known-differences zaken besluiten

A component without paths in our schema gets no file (an old one is removed). Explain what remains
in docs/zgw.md ("What is left").
"""

import argparse
import json
import os
import sys
from pathlib import Path

import yaml

# Run from the repository root: the extractor lives with the tests that use its output.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.zgw.openapi_facts import SCOPE, extract  # noqa: E402


VNG_DIR = Path(__file__).resolve().parent.parent / "tests" / "zgw" / "vng"
WHY = ("Known differences of our {component} schema from the VNG reference, written by "
       "scripts/zgw_reference.py known-differences. The list may only shrink: fix a difference, then "
       "remove it here (or rerun the script); docs/zgw.md explains what remains.")


def our_schema() -> dict:
    """Our generated OpenAPI document, as /api/schema/?format=json serves it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from drf_spectacular.generators import SchemaGenerator

    return json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True), default=str))


def write_known_differences(components) -> None:
    from tests.zgw.reference import COMPONENTS, compare, load_reference

    schema = our_schema()
    for component in components or COMPONENTS:
        path = VNG_DIR / f"known_differences_{component}.json"
        prefix = load_reference(component)["prefix"] + "/"
        if not any(p.startswith(prefix) for p in schema.get("paths", {})):
            path.unlink(missing_ok=True)
            print(f"{component}: no paths under {prefix} in our schema; no file", file=sys.stderr)
            continue
        differences = sorted(set(compare(schema, component)))
        data = {"component": component, "why": WHY.format(component=component), "differences": differences}
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{component}: {len(differences)} differences -> {path.name}", file=sys.stderr)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["known-differences"]:
        return write_known_differences(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("component", choices=sorted(SCOPE))
    parser.add_argument("spec", help="path to a fetched src/openapi.yaml")
    parser.add_argument("--repository", required=True)
    parser.add_argument("--tag", required=True)
    parser.add_argument("--commit", required=True)
    args = parser.parse_args(argv)
    with open(args.spec, encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    data = {
        "source": {
            "repository": args.repository,
            "tag": args.tag,
            "commit": args.commit,
            "file": "src/openapi.yaml",
            "api_version": str(spec["info"]["version"]),
            "note": "Extracted facts for our contract tests, not a copy of the specification.",
        },
        "component": args.component,
        **extract(spec, args.component),
    }
    json.dump(data, sys.stdout, indent=1, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
