"""An independent verifier of Energyweb proof files (version 1), from docs/field-proofs.md and
RFC 9162 with nothing but the Python standard library. It checks the hashes, not the chain anchor.

Usage: python3 verify_proof.py proof.json...   prints "valid" or "invalid: <reason>" per file.
"""
import base64
import hashlib
import json
import sys


def sha256(data):
    return hashlib.sha256(data).digest()


def root_from_path(leaf_hash, index, size, path):
    """RFC 9162 section 2.1.3.2; None when the path has the wrong shape."""
    if index >= size:
        return None
    fn, sn, r = index, size - 1, leaf_hash
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = sha256(b"\x01" + p + r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = sha256(b"\x01" + r + p)
        fn, sn = fn >> 1, sn >> 1
    return r if sn == 0 else None


def jcs(value):
    """RFC 8785 for the flat values of reading documents: strings, integers, booleans, null."""
    if isinstance(value, float):
        raise ValueError("this verifier handles integer values only")
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def field_root(proof):
    field, schema = proof["field"], proof["schema"]
    if not schema or any(a >= b for a, b in zip(schema, schema[1:])):
        return None
    if schema[field["index"]] != field["name"]:
        return None
    leaf_input = jcs(field["name"]) + jcs(field["value"]) + bytes.fromhex(field["salt"])
    tree_root = root_from_path(sha256(b"\x00" + leaf_input), field["index"], len(schema),
                               [bytes.fromhex(h) for h in proof["fieldPath"]])
    if tree_root is None:
        return None
    return sha256(b"\x02" + sha256(jcs(schema)) + tree_root)


def verify(proof):
    if "field" in proof:
        leaf_input = field_root(proof)
        if leaf_input is None or leaf_input.hex() != proof["fieldRoot"]:
            return "field does not lead to the field root"
    else:
        leaf_input = sha256(base64.b64decode(proof["document"]))
        if leaf_input.hex() != proof["leaf"]:
            return "document hash does not match leaf"
    root = root_from_path(sha256(b"\x00" + leaf_input), proof["index"], proof["size"],
                          [bytes.fromhex(h) for h in proof["path"]])
    if root is None or root.hex() != proof["root"]:
        return "inclusion path does not lead to root"
    return None


for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as f:
        problem = verify(json.load(f))
    print("valid" if problem is None else "invalid: " + problem)
