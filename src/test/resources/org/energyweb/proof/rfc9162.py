"""An independent RFC 9162 (section 2.1) Merkle tree, written from the RFC's recursive definitions
with nothing but hashlib, to cross-check the Java tree.

Reads one hex leaf input per line on stdin; for every tree size n from 1 to the number of leaves,
prints "n root" and, for every leaf m < n, "n m path-hash path-hash ...".
"""
import hashlib
import sys


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def mth(leaves):
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaf_hash(leaves[0])
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + mth(leaves[:k]) + mth(leaves[k:])).digest()


def path(m, leaves):
    n = len(leaves)
    if n == 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def main():
    leaves = [bytes.fromhex(line.strip()) for line in sys.stdin]
    for n in range(1, len(leaves) + 1):
        print(n, mth(leaves[:n]).hex())
        for m in range(n):
            print(n, m, *[h.hex() for h in path(m, leaves[:n])])


main()
