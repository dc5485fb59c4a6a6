"""Settings for the whole suite."""

from __future__ import annotations

import os
import tempfile

from trustone_tui.framework.cache import CACHE_DIR_ENV

# The validated-bank cache goes to a directory of this run, never the user's own cache (child
# processes started by tests inherit it).
_CACHE = tempfile.TemporaryDirectory(prefix="trustone-test-cache-")
os.environ[CACHE_DIR_ENV] = _CACHE.name
