"""Facts of a ZGW OpenAPI document that our contract tests compare.

Used on both sides: `scripts/zgw_reference.py` extracts them from a VNG specification into
tests/zgw/vng/<component>.json, and `tests.zgw.reference.compare` extracts them from our own
schema (drf-spectacular) and diffs the two. Only paths, methods, parameter names, required
fields, property types/formats/enums, status codes and error schema names are kept.
"""

# What Samenloket exposes, per component: resources (first path literal), the nested or
# action literals we serve below them, the HTTP methods, and our own URL prefix.
SCOPE = {
    "zaken": {
        "prefix": "/api/zaken/v1",
        "resources": [
            ("zaken",),
            ("zaken", "_zoek"),
            ("statussen",),
            ("rollen",),
            ("resultaten",),
            ("zaakinformatieobjecten",),
            ("zaakobjecten",),
            ("zaken", "zaakeigenschappen"),
            ("zaken", "audittrail"),
        ],
        "methods": ["get", "head", "post", "put", "patch", "delete"],
    },
    "catalogi": {
        "prefix": "/api/catalogi/v1",
        "resources": [
            ("catalogussen",),
            ("zaaktypen",),
            ("statustypen",),
            ("roltypen",),
            ("resultaattypen",),
            ("informatieobjecttypen",),
            ("besluittypen",),
            ("eigenschappen",),
        ],
        # Read only (issue 13): the catalogue is derived from our ProcessDefinitions.
        "methods": ["get", "head"],
    },
    "besluiten": {
        "prefix": "/api/besluiten/v1",
        "resources": [("besluiten",), ("besluitinformatieobjecten",)],
        "methods": ["get", "head", "post", "put", "patch", "delete"],
    },
    "documenten": {
        "prefix": "/api/documenten/v1",
        "resources": [
            ("enkelvoudiginformatieobjecten",),
            ("enkelvoudiginformatieobjecten", "download"),
        ],
        # Read only over our private documents until the issue asks for writes.
        "methods": ["get", "head"],
    },
    "notificaties": {
        "prefix": "/api/notificaties/v1",
        # 1.0.x spells the resources in the singular: /kanaal, /abonnement.
        "resources": [("kanaal",), ("abonnement",), ("notificaties",)],
        "methods": ["get", "head", "post", "put", "patch", "delete"],
    },
}

METHODS = ("get", "head", "post", "put", "patch", "delete")
PROPERTY_KEYS = ("type", "format", "enum", "nullable", "readOnly")


def literals(path):
    return tuple(s for s in path.strip("/").split("/") if s and not s.startswith("{"))


def resolve(spec, schema):
    """Follow $ref and merge allOf, oneOf and anyOf into one flat schema (top level only)."""
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    for key in ("oneOf", "anyOf"):
        if key in schema:
            # drf-spectacular's choice fields: [XEnum, BlankEnum, NullEnum]; polymorphic
            # objects: their properties, and the fields every variant requires.
            merged = {k: v for k, v in schema.items() if k != key}
            values, parts = [], [resolve(spec, part) for part in schema[key]]
            objects = [part for part in parts if "properties" in part]
            if objects:
                merged["properties"] = {}
                for part in objects:
                    merged["properties"].update(part["properties"])
                merged["required"] = sorted(set.intersection(*(set(p.get("required", [])) for p in objects)))
            for part in parts:
                values += [v for v in part.get("enum", []) if v not in ("", None)]
                if None in part.get("enum", []) or part.get("nullable"):
                    merged["nullable"] = True
                for attr in ("type", "format"):
                    if attr in part and part.get("enum") != [None]:
                        merged.setdefault(attr, part[attr])
            if values:
                merged["enum"] = values
            return merged
    if "allOf" in schema:
        merged = {"properties": {}, "required": []}
        for part in [*schema["allOf"], {k: v for k, v in schema.items() if k != "allOf"}]:
            part = resolve(spec, part)
            merged["properties"].update(part.get("properties", {}))
            merged["required"] += part.get("required", [])
            for key in ("type", "format", "enum", "nullable", "readOnly"):
                if key in part:
                    merged[key] = part[key]
        return merged
    return schema


def ref_name(schema):
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if len(schema.get("allOf", [])) == 1:
        return ref_name(schema["allOf"][0])
    return None


def property_facts(spec, prop):
    resolved = resolve(spec, prop)
    facts = {k: resolved[k] for k in PROPERTY_KEYS if k in resolved}
    for key in ("nullable", "readOnly"):
        if key in prop:
            facts[key] = prop[key]
    if resolved.get("type") == "array" and "items" in resolved:
        items = resolve(spec, resolved["items"])
        facts["items"] = {k: items[k] for k in ("type", "format", "enum") if k in items}
    if "type" not in facts and "properties" in resolved:
        facts["type"] = "object"
    return facts


def schema_facts(spec, schema):
    resolved = resolve(spec, schema)
    return {
        "required": sorted(set(resolved.get("required", []))),
        "properties": {
            name: property_facts(spec, prop)
            for name, prop in sorted(resolved.get("properties", {}).items())
        },
    }


def body_schema(content):
    for media in ("application/json", "application/problem+json"):
        if media in (content or {}):
            return content[media].get("schema")
    if content:
        return next(iter(content.values())).get("schema")
    return None


def response_facts(spec, responses, schemas):
    out = {}
    for code, response in sorted(responses.items()):
        if "$ref" in response:
            response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
        schema = body_schema(response.get("content"))
        entry = {}
        if schema is not None:
            resolved = resolve(spec, schema)
            results = resolved.get("properties", {}).get("results")
            if results is not None and resolved.get("type", "object") == "object":
                entry["paginated"] = True
                schema = results.get("items", {})
            elif resolved.get("type") == "array":
                entry["array"] = True
                schema = resolved.get("items", {})
            name = ref_name(schema)
            if name:
                entry["schema"] = name
                schemas.setdefault(name, schema_facts(spec, schema))
            else:
                plain = resolve(spec, schema)
                entry["body"] = plain.get("format") or plain.get("type")
        out[str(code)] = entry
    return out


def extract(spec, component, prefix=""):
    """The facts of `component` in an OpenAPI dict; paths are taken relative to `prefix`."""
    scope = SCOPE[component]
    wanted = set(scope["resources"])
    operations, schemas = {}, {}
    for full_path, item in sorted(spec["paths"].items()):
        if not full_path.startswith(prefix):
            continue
        path = full_path[len(prefix):] or "/"
        if literals(path) not in wanted:
            continue
        shared = item.get("parameters", [])
        for method in METHODS:
            if method not in item or method not in scope["methods"]:
                continue
            op = item[method]
            params = shared + op.get("parameters", [])
            op_facts = {
                "query": sorted(p["name"] for p in params if p.get("in") == "query"),
                "query_required": sorted(
                    p["name"] for p in params if p.get("in") == "query" and p.get("required")
                ),
                "headers_required": sorted(
                    p["name"] for p in params if p.get("in") == "header" and p.get("required")
                ),
                "responses": response_facts(spec, op.get("responses", {}), schemas),
            }
            request = op.get("requestBody") or {}
            if "$ref" in request:
                request = spec["components"]["requestBodies"][request["$ref"].rsplit("/", 1)[-1]]
            body = body_schema(request.get("content"))
            if body is not None:
                name = ref_name(body)
                resolved = resolve(spec, body)
                op_facts["request"] = {
                    "schema": name,
                    "required": sorted(
                        r
                        for r in resolved.get("required", [])
                        if not resolved.get("properties", {}).get(r, {}).get("readOnly")
                    ),
                }
            operations.setdefault(path, {})[method] = op_facts
    # Catalogi 1.3.1 leaves some GET bodies unspecified; the HEAD of the same resource names it.
    named = {}
    for path, ops in operations.items():
        for op in ops.values():
            for code, entry in op["responses"].items():
                if code.startswith("2") and "schema" in entry and not entry.get("paginated") and not entry.get("array"):
                    named.setdefault(literals(path), entry["schema"])
    for path, ops in operations.items():
        for op in ops.values():
            for code, entry in op["responses"].items():
                if code.startswith("2") and entry.get("body") == "object" and literals(path) in named:
                    del entry["body"]
                    entry["schema"] = named[literals(path)]
                    entry["inferred"] = True
    for name in ("Fout", "ValidatieFout"):
        if name in spec["components"]["schemas"]:
            schemas.setdefault(name, schema_facts(spec, {"$ref": f"#/components/schemas/{name}"}))
    return {
        "prefix": scope["prefix"],
        "operations": operations,
        "schemas": dict(sorted(schemas.items())),
    }


