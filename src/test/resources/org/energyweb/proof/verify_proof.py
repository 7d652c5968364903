"""An independent verifier of Energyweb proof files (version 1), from docs/field-proofs.md,
docs/transparency-log.md, RFC 9162, c2sp.org/tlog-checkpoint and c2sp.org/signed-note, with the Python
standard library and, for the Ed25519 signatures of log checkpoints only, Debian's python3-cryptography
(OpenSSL's Ed25519, not the Java side's Bouncy Castle). It checks the hashes, a log proof's checkpoint and
what its anchor says of that checkpoint, not the chain anchor itself.

Usage: python3 verify_proof.py [--log-key VKEY] proof.json...   prints "valid" or "invalid: <reason>" per file.
VKEY is the log's verifier key as `energyweb log key` prints it (name+hex key ID+base64(0x01 || public key));
without it a log proof's checkpoint is checked against the proof's tree, but its signature is not.
"""
import base64
import hashlib
import json
import re
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


ED25519 = b"\x01"  # signed-note "Signature types"


def key_id(name, public_key):
    """signed-note "Ed25519 signatures": SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4]."""
    return sha256(name.encode("utf-8") + b"\n" + ED25519 + public_key)[:4]


def parse_verifier_key(text):
    """The name+hex(key ID)+base64(0x01 || public key) form of golang.org/x/mod/sumdb/note; (name, key ID, key)."""
    match = re.fullmatch(r"([^+\s]+)\+([0-9a-fA-F]{8})\+([A-Za-z0-9+/=]+)", text.strip())
    if not match:
        raise ValueError("not a verifier key (name+hash+key)")
    name, key = match.group(1), base64.b64decode(match.group(3), validate=True)
    if len(key) != 33 or key[:1] != ED25519:
        raise ValueError("verifier key " + name + " is not an Ed25519 key")
    if bytes.fromhex(match.group(2)) != key_id(name, key[1:]):
        raise ValueError("the key ID of verifier key " + name + " is not its key's")
    return name, bytes.fromhex(match.group(2)), key[1:]


def parse_note(note):
    """signed-note "Format": (text, [(key name, key ID, signature)]), or ValueError naming what is malformed."""
    if any(c < " " and c != "\n" for c in note):
        raise ValueError("a signed note has no control characters other than newline")
    # The text includes its final newline; it is separated from the signatures by the last empty line.
    split = note.rfind("\n\n")
    if split < 0 or not note.endswith("\n"):
        raise ValueError("a signed note is a text, a blank line and signature lines, each ending in a newline")
    signatures = []
    for line in note[split + 2:-1].split("\n"):
        parts = line[2:].split(" ") if line.startswith("\u2014 ") else []
        if len(parts) != 2 or not parts[0] or "+" in parts[0]:
            raise ValueError("a signature line is an em dash, a space, a key name, a space and a base64 signature")
        signed = base64.b64decode(parts[1], validate=True)
        if len(signed) < 5:
            raise ValueError("a signature is a 4-byte key ID and the signature bytes")
        signatures.append((parts[0], signed[:4], signed[4:]))
    return note[:split + 1], signatures


def parse_checkpoint(text):
    """tlog-checkpoint "Note text": origin, tree size (decimal, no leading zeroes), base64 root, extension lines."""
    lines = text[:-1].split("\n")
    if len(lines) < 3 or not all(lines):
        raise ValueError("a checkpoint is at least three non-empty lines: origin, size, root")
    if not re.fullmatch(r"0|[1-9][0-9]*", lines[1]):
        raise ValueError("its size is not a decimal number without leading zeroes")
    root = base64.b64decode(lines[2], validate=True)
    if len(root) != 32:
        raise ValueError("its root is not a 32-byte SHA-256 hash")
    return lines[0], int(lines[1]), root


def ed25519_verifies(public_key, signature, message):
    """RFC 8032 verification by OpenSSL, imported here so that batch proofs need only the standard library."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
        return True
    except InvalidSignature:
        return False


def checkpoint_problem(proof, log_key):
    try:
        text, signatures = parse_note(proof["checkpoint"])
        origin, size, root = parse_checkpoint(text)
    except ValueError as e:
        return "checkpoint: " + str(e)
    if size != proof["size"]:
        return "checkpoint: its tree size is %d, the proof's %d" % (size, proof["size"])
    if root.hex() != proof["root"]:
        return "checkpoint: its root is not the proof's"
    if log_key is None:
        return None
    name, kid, public_key = log_key
    # tlog-checkpoint "Signatures": the log's key name matches the origin line.
    if origin != name:
        return "checkpoint: it is of the log " + origin + ", not of " + name
    # signed-note "Signatures": a signature of another key (name or key ID differ) is ignored; one of
    # the known key that fails rejects the note; without a verified one of the known key, it is rejected.
    known = [s for n, k, s in signatures if n == name and k == kid]
    if not known:
        return "checkpoint: the note carries no signature of the log key"
    if not all(ed25519_verifies(public_key, s, text.encode("utf-8")) for s in known):
        return "checkpoint: the log key's signature on the note does not verify"
    return None


def raw_cid(data):
    """CIDv1, codec raw (0x55), sha2-256 multihash (0x12, 32 bytes), multibase base32 lower case without padding."""
    cid = b"\x01\x55\x12\x20" + sha256(data)
    return "b" + base64.b32encode(cid).decode("ascii").rstrip("=").lower()


def anchor_problem(proof):
    """docs/transparency-log.md, verify-proof step 3: the anchor names the proof's size, the checkpoint's origin and
    the CID of the note's exact bytes (a note this small is one raw block: CIDv1, raw leaves)."""
    anchor, checkpoint = proof.get("anchor"), proof.get("checkpoint")
    names_checkpoint = anchor is not None and any(m in anchor for m in ("submitter", "origin", "size", "cid"))
    if anchor is None or checkpoint is None:
        return "anchor names a log checkpoint, but the proof carries none" if names_checkpoint else None
    if not names_checkpoint:
        return "anchor names no anchored checkpoint for the proof's log checkpoint"
    if anchor["size"] != proof["size"]:
        return "anchor names size %d, the proof's tree has size %d" % (anchor["size"], proof["size"])
    origin = parse_checkpoint(parse_note(checkpoint)[0])[0]
    if anchor["origin"] != origin:
        return "anchor names origin " + anchor["origin"] + ", the proof's checkpoint is of " + origin
    if anchor["cid"] != raw_cid(checkpoint.encode("utf-8")):
        return "anchor names CID " + anchor["cid"] + ", which is not the CID of the proof's checkpoint"
    return None


def verify(proof, log_key):
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
    if proof.get("checkpoint") is not None:
        problem = checkpoint_problem(proof, log_key)
        if problem is not None:
            return problem
    return anchor_problem(proof)


arguments = sys.argv[1:]
verifier_key = None
if arguments[:1] == ["--log-key"]:
    try:
        verifier_key = parse_verifier_key(arguments[1])
    except (ValueError, IndexError) as e:
        sys.exit("verify_proof.py: --log-key: " + str(e))
    arguments = arguments[2:]
for name in arguments:
    with open(name, encoding="utf-8") as f:
        problem = verify(json.load(f), verifier_key)
    print("valid" if problem is None else "invalid: " + problem)
