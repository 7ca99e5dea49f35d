#!/usr/bin/env python3
"""Derives Capstan's compact strategic-merge metadata from a Kubernetes OpenAPI v2 spec.

Usage: patch_metadata.py SWAGGER_JSON SOURCE_LABEL > OUTPUT.tsv

Reads the definitions of a swagger.json (k8s.io/kubernetes api/openapi-spec/swagger.json) and
writes only what a strategic merge patch needs, as tab-separated lines:

  K <tab> group <tab> version <tab> kind <tab> definition
      a top-level kind (x-kubernetes-group-version-kind) and the definition describing it
  S <tab> group <tab> version <tab> kind
      a cluster-scoped kind: one whose GET paths never contain namespaces/{namespace}
  F <tab> definition <tab> field <tab> shape <tab> strategy <tab> keys
      a property of a definition; shape is "D:<definition>" (a reference), "A:<shape>" (an array
      of shape), "M:<shape>" (a map of shape) or "-" (anything else); strategy is the
      x-kubernetes-patch-strategy ("" when absent); keys are the comma-joined
      x-kubernetes-list-map-keys when present, else the x-kubernetes-patch-merge-key.

Only definitions from which a patch strategy is reachable are kept: a field that leads to no
strategy behaves the same whether or not its schema is known (lists replace, maps merge). A
property written as allOf of a single $ref is treated as that $ref, which is what it means.
"""
import json
import sys

PREFIX = "#/definitions/"


def ref_of(schema):
    if "$ref" in schema:
        return schema["$ref"][len(PREFIX):]
    all_of = schema.get("allOf")
    if isinstance(all_of, list) and len(all_of) == 1 and "$ref" in all_of[0]:
        return all_of[0]["$ref"][len(PREFIX):]
    return None


def shape_of(schema):
    ref = ref_of(schema)
    if ref is not None:
        return "D:" + ref
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        return "A:" + shape_of(schema["items"])
    if isinstance(schema.get("additionalProperties"), dict):
        return "M:" + shape_of(schema["additionalProperties"])
    return "-"


def referenced(shape):
    while shape.startswith("A:") or shape.startswith("M:"):
        shape = shape[2:]
    return shape[2:] if shape.startswith("D:") else None


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    label = sys.argv[2]
    defs = spec["definitions"]
    fields = {}
    for name, d in defs.items():
        rows = []
        for field, ps in sorted((d.get("properties") or {}).items()):
            strategy = ps.get("x-kubernetes-patch-strategy", "")
            keys = ps.get("x-kubernetes-list-map-keys")
            if keys is None:
                mk = ps.get("x-kubernetes-patch-merge-key")
                keys = [mk] if mk else []
            rows.append((field, shape_of(ps), strategy, ",".join(keys)))
        fields[name] = rows
    # Fixpoint: a definition matters when one of its fields has a strategy or leads to one.
    matters = {n for n, rows in fields.items() if any(r[2] for r in rows)}
    changed = True
    while changed:
        changed = False
        for n, rows in fields.items():
            if n not in matters and any(referenced(r[1]) in matters for r in rows):
                matters.add(n)
                changed = True
    namespaced = {}
    for path, info in (spec.get("paths") or {}).items():
        gvk = (info.get("get") or {}).get("x-kubernetes-group-version-kind")
        if not gvk:
            continue
        key = (gvk.get("group", ""), gvk["version"], gvk["kind"])
        if "namespaces/{namespace}" in path:
            namespaced[key] = True
        else:
            namespaced.setdefault(key, False)
    out = sys.stdout
    out.write("# Strategic-merge metadata derived from %s by src/build/openapi/patch_metadata.py\n" % label)
    for name in sorted(defs):
        for gvk in defs[name].get("x-kubernetes-group-version-kind", []):
            if name in matters:
                out.write("K\t%s\t%s\t%s\t%s\n" % (gvk.get("group", ""), gvk["version"], gvk["kind"], name))
    for key in sorted(k for k, v in namespaced.items() if not v):
        out.write("S\t%s\t%s\t%s\n" % key)
    for name in sorted(matters):
        for field, shape, strategy, keys in fields[name]:
            target = referenced(shape)
            if strategy or (target is not None and target in matters):
                out.write("F\t%s\t%s\t%s\t%s\t%s\n" % (name, field, shape, strategy, keys))


if __name__ == "__main__":
    main()
