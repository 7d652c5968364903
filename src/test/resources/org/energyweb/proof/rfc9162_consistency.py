"""An independent RFC 9162 section 2.1 implementation (MTH, PATH, PROOF/SUBPROOF), written from the
RFC's recursive definitions over the leaves with nothing but hashlib, to cross-check the Java
proofs that are computed from stored subtree hashes instead.

stdin: the first line is the leaf count N; leaf i's input is SHA-256 of i as 4 big-endian bytes.
Every next line is a request, answered by one line:
  "r n"    -> "r n <MTH(D[0:n])>"
  "p m n"  -> "p m n <PATH(m, D[0:n])...>"
  "c m n"  -> "c m n <PROOF(m, D[0:n])...>"   (0 < m < n; section 2.1.4.1)
"""
import functools
import hashlib
import sys

lines = sys.stdin.read().split("\n")
count = int(lines[0])
leaves = [hashlib.sha256(b"\x00" + hashlib.sha256(i.to_bytes(4, "big")).digest()).digest() for i in range(count)]


def split(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


@functools.lru_cache(maxsize=None)
def mth(start, end):
    n = end - start
    if n == 1:
        return leaves[start]
    k = split(n)
    return hashlib.sha256(b"\x01" + mth(start, start + k) + mth(start + k, end)).digest()


def path(m, start, end):
    n = end - start
    if n == 1:
        return []
    k = split(n)
    if m < k:
        return path(m, start, start + k) + [mth(start + k, end)]
    return path(m - k, start + k, end) + [mth(start, start + k)]


def subproof(m, start, end, b):
    n = end - start
    if m == n:
        return [] if b else [mth(start, end)]
    k = split(n)
    if m <= k:
        return subproof(m, start, start + k, b) + [mth(start + k, end)]
    return subproof(m - k, start + k, end, False) + [mth(start, start + k)]


out = []
for line in lines[1:]:
    if not line.strip():
        continue
    kind, *args = line.split()
    args = [int(a) for a in args]
    if kind == "r":
        hashes = [mth(0, args[0])]
    elif kind == "p":
        hashes = path(args[0], 0, args[1])
    else:
        hashes = subproof(args[0], 0, args[1], True)
    out.append(" ".join([line.strip()] + [h.hex() for h in hashes]))
print("\n".join(out))
