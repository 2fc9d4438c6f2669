"""The embedded default's cache: Django's FileBasedCache, counting its files less often.

Django's FileBasedCache lists every file of its folder on each `set`, to decide whether to cull. Measured
on the demo's start page with the page cache missing: with 2,000 files that listing took 6 ms of each of
the two sets a stored page costs, a third of the whole request, and it grows with the files (a county's
portal keeps up to MAX_ENTRIES pages and fragments). This backend lists them at most every
`CULL_INTERVAL` seconds in each process; until then a folder may grow past MAX_ENTRIES by what the
processes store in that time. With REDIS_URL set, Redis is used instead and evicts on its own.
"""

import time

from django.core.cache.backends import filebased

CULL_INTERVAL = 30.0


class FileBasedCache(filebased.FileBasedCache):
    _last_count = None

    def _cull(self):
        now = time.monotonic()
        if self._last_count is not None and now - self._last_count < CULL_INTERVAL:
            return
        self._last_count = now
        super()._cull()
