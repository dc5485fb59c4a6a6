"""SHA-256 and BLAKE2b from CPython's built-in modules, without loading OpenSSL.

``import hashlib`` loads OpenSSL's ``_hashlib`` for its other algorithms, about 4 ms of every
start (``docs/performance.md``); the two hashes used here have built-in implementations with
identical output. Where a Python has no such module, ``hashlib`` is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the built-in modules have hashlib's interface (and no type stubs)
    from hashlib import blake2b, sha256
else:
    try:  # Python 3.12+
        from _sha2 import sha256
    except ImportError:  # pragma: no cover - depends on the Python version
        try:  # Python 3.11
            from _sha256 import sha256
        except ImportError:
            from hashlib import sha256

    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b

__all__ = ["blake2b", "sha256"]
