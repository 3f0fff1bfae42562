"""Extract the facts our contract tests check from a VNG ZGW OpenAPI file.

Usage (the spec is read from a fetched copy, never stored in this repository):

    git -C <zaken-api clone> show 1.5.1:src/openapi.yaml > /tmp/zrc.yaml
    .venv/bin/python scripts/zgw_reference.py zaken /tmp/zrc.yaml \
        --repository VNG-Realisatie/zaken-api --tag 1.5.1 --commit <sha> > tests/zgw/vng/zaken.json

Only paths, methods, parameter names, required fields, property types/formats/enums,
status codes and error schema names are kept; no descriptions or examples.
"""

import argparse
import json
import sys
from pathlib import Path

import yaml

# Run from the repository root: the extractor lives with the tests that use its output.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.zgw.openapi_facts import SCOPE, extract  # noqa: E402


def main(argv=None):
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
