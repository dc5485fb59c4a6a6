"""The built-in hashes give exactly what hashlib gives."""

from __future__ import annotations

import hashlib

from trustone_tui.framework.digest import blake2b, sha256


def test_sha256_and_blake2b_match_hashlib():
    data = "Natuursteen Van Dijk & Zn. — 2.1.1c".encode()
    assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    ours, theirs = blake2b(digest_size=16), hashlib.blake2b(digest_size=16)
    for part in (b"a", data, b""):
        ours.update(part)
        theirs.update(part)
    assert ours.hexdigest() == theirs.hexdigest()


def test_starting_the_interview_loads_no_openssl():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import trustone_tui.tui.app, trustone_tui.tui.screens.interview\n"
        "from trustone_tui.store.bankcache import default_framework\n"
        "default_framework()\n"
        "print('_hashlib' in sys.modules)\n"
    )

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    run()  # the first start validates the bank (pydantic may load hashlib), and keeps it
    assert run() == "False"
