"""Hold our OpenAPI schema to the VNG reference facts in tests/zgw/vng/<component>.json.

`compare(our_schema, component)` returns human-readable differences (an empty list means
our schema has every path, method, query parameter, required field, enum, format and status
code the VNG specification has for what we expose). Extra fields or parameters of ours are
not differences; extra or missing status codes are.
"""

import json
import re
from pathlib import Path

from tests.zgw.openapi_facts import extract

REFERENCE_DIR = Path(__file__).parent / "vng"
COMPONENTS = ("zaken", "catalogi", "besluiten", "documenten", "notificaties")
ERROR_SCHEMAS = ("Fout", "ValidatieFout")
# drf-spectacular never declares these; DRF answers them (415) without a parameter.
IGNORED_HEADERS = {"Content-Type"}
COMPARED_PROPERTY_KEYS = ("type", "format")


def load_reference(component):
    with open(REFERENCE_DIR / f"{component}.json", encoding="utf-8") as fh:
        return json.load(fh)


def load_rules(applies=None):
    """The numbered VNG business rules (tests/zgw/vng/regels.json), optionally by applicability."""
    with open(REFERENCE_DIR / "regels.json", encoding="utf-8") as fh:
        rules = json.load(fh)["rules"]
    return [r for r in rules if applies is None or r["applies"] == applies]


def normalise(path):
    """Path parameter names are ours to choose: /zaken/{uuid} == /zaken/{zaak_uuid}."""
    return re.sub(r"\{[^}]+\}", "{}", path)


def _by_normalised_path(operations):
    return {normalise(path): ops for path, ops in operations.items()}


def compare(our_schema, component, prefix=None, reference=None):
    reference = reference or load_reference(component)
    prefix = reference["prefix"] if prefix is None else prefix
    ours = extract(our_schema, component, prefix=prefix)
    our_ops = _by_normalised_path(ours["operations"])
    differences, compared_schemas = [], set()

    for path, ops in reference["operations"].items():
        for method, ref_op in ops.items():
            where = f"{method.upper()} {path}"
            our_op = our_ops.get(normalise(path), {}).get(method)
            if our_op is None:
                differences.append(f"{where}: missing operation")
                continue
            differences += _compare_operation(where, method, ref_op, our_op)
            for code, ref_entry in ref_op["responses"].items():
                our_entry = our_op["responses"].get(code)
                if our_entry is None:
                    continue
                differences += _compare_body(where, code, ref_entry, our_entry)
                pair = (ref_entry.get("schema"), our_entry.get("schema"))
                if pair[0] and pair[1] and pair not in compared_schemas:
                    compared_schemas.add(pair)
                    differences += _compare_schema(
                        f"{pair[0]} (ours: {pair[1]})",
                        reference["schemas"][pair[0]],
                        ours["schemas"][pair[1]],
                        error=pair[0] in ERROR_SCHEMAS,
                    )
    return differences


def _missing(where, what, expected, actual):
    return [f"{where}: {what} {name!r}" for name in sorted(set(expected) - set(actual))]


def _compare_operation(where, method, ref_op, our_op):
    diffs = _missing(where, "missing query parameter", ref_op["query"], our_op["query"])
    diffs += _missing(
        where, "query parameter not required", ref_op["query_required"], our_op["query_required"]
    )
    diffs += _missing(
        where,
        "header not required",
        set(ref_op["headers_required"]) - IGNORED_HEADERS,
        our_op["headers_required"],
    )
    # A PATCH is partial by definition, whatever the reference's body schema requires.
    if "request" in ref_op and method != "patch":
        our_required = our_op.get("request", {}).get("required", [])
        diffs += _missing(
            where, "request field not required", ref_op["request"]["required"], our_required
        )
    ref_codes, our_codes = set(ref_op["responses"]), set(our_op["responses"])
    diffs += [f"{where}: missing status code {c}" for c in sorted(ref_codes - our_codes)]
    diffs += [f"{where}: status code {c} not in the standard" for c in sorted(our_codes - ref_codes)]
    return diffs


def _compare_body(where, code, ref_entry, our_entry):
    diffs = []
    for flag in ("paginated", "array"):
        if bool(ref_entry.get(flag)) != bool(our_entry.get(flag)):
            diffs.append(f"{where} {code}: {flag} should be {bool(ref_entry.get(flag))}")
    if ref_entry.get("schema") and not our_entry.get("schema"):
        diffs.append(f"{where} {code}: no body schema (standard: {ref_entry['schema']})")
    if ref_entry.get("body") and ref_entry.get("body") != our_entry.get("body"):
        diffs.append(f"{where} {code}: body {our_entry.get('body')!r}, standard {ref_entry['body']!r}")
    return diffs


def _compare_schema(name, ref_schema, our_schema, error=False):
    diffs = _missing(name, "field not required", ref_schema["required"], our_schema["required"])
    our_props = our_schema["properties"]
    for prop, ref_facts in ref_schema["properties"].items():
        if prop not in our_props:
            diffs.append(f"{name}: missing property {prop!r}")
            continue
        if error:
            continue
        facts = our_props[prop]
        for key in COMPARED_PROPERTY_KEYS:
            if key in ref_facts and facts.get(key) != ref_facts[key]:
                diffs.append(f"{name}.{prop}: {key} {facts.get(key)!r}, standard {ref_facts[key]!r}")
        for label, ref_enum, our_enum in (
            ("enum", ref_facts.get("enum"), facts.get("enum")),
            ("items enum", ref_facts.get("items", {}).get("enum"), facts.get("items", {}).get("enum")),
        ):
            if ref_enum is not None and set(ref_enum) != set(our_enum or []):
                diffs.append(f"{name}.{prop}: {label} {sorted(our_enum or [])}, standard {sorted(ref_enum)}")
    return diffs
