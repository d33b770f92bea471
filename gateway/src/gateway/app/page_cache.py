"""Rendered list pages kept in memory between changes of what they list.

A page is served from here only while (1) nothing it could list has changed
since it was rendered: any change makes a new generation, and pages of an older
one are never served; (2) the process is listening for those changes (after a
lost subscription nothing is trusted until it is back, and then the cache
starts empty); (3) it is younger than `max_age`, a bound for a change whose
event is late. A page rendered while a change happened is not stored: its
generation was read before it was rendered.

Concurrent misses of one page share a single load (`get_or_load`): after a
change, the many screens polling the same list cost the service one query, not
one each."""
from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from typing import Awaitable, Callable, Hashable


class PageCache:
    def __init__(self, max_age: float, max_entries: int = 512, max_bytes: int = 32 * 1024 * 1024,
                 clock: Callable[[], float] = time.monotonic):
        self.max_age = max_age
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._bytes = 0
        self._clock = clock
        self._pages: OrderedDict[Hashable, tuple[int, float, bytes]] = OrderedDict()
        self._generation = 0
        self._live = False
        self._lock = threading.Lock()
        self._loads: dict[Hashable, tuple[int, asyncio.Future]] = {}  # pages being loaded, by key

    @property
    def enabled(self) -> bool:
        return self.max_age > 0

    def generation(self) -> int:
        """Read before rendering a page; give it back to `put`."""
        return self._generation

    def get(self, key: Hashable) -> bytes | None:
        if not self._live or not self.enabled:
            return None
        page = self._pages.get(key)
        if page is None:
            return None
        generation, stored_at, body = page
        if generation != self._generation or self._clock() - stored_at >= self.max_age:
            return None
        return body

    def put(self, key: Hashable, generation: int, body: bytes) -> bool:
        """Store a page rendered at `generation`; refused if anything changed since."""
        if not self._live or not self.enabled:
            return False
        with self._lock:
            if generation != self._generation:
                return False
            old = self._pages.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._pages[key] = (generation, self._clock(), body)
            self._bytes += len(body)
            while len(self._pages) > self.max_entries or (self._bytes > self.max_bytes and len(self._pages) > 1):
                self._bytes -= len(self._pages.popitem(last=False)[1][2])
        return True

    async def get_or_load(self, key: Hashable, load: Callable[[], Awaitable[bytes]]) -> tuple[bytes, str]:
        """The page and how it was had: "hit", "shared" (joined a load already under way
        since the last change), "miss" (loaded and stored) or "bypass" (loaded, not stored)."""
        body = self.get(key)
        if body is not None:
            return body, "hit"
        loop = asyncio.get_running_loop()
        generation = self._generation
        under_way = self._loads.get(key)
        if under_way and under_way[0] == generation and under_way[1].get_loop() is loop:
            return await asyncio.shield(under_way[1]), "shared"
        future = loop.create_future()
        self._loads[key] = (generation, future)
        try:
            body = await load()
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: no "never retrieved" warning when nobody shared it
            raise
        else:
            future.set_result(body)
        finally:
            if self._loads.get(key, (0, None))[1] is future:
                del self._loads[key]
        return body, "miss" if self.put(key, generation, body) else "bypass"

    def changed(self, _what: str = "") -> None:
        """Something listed may have changed: every page stored so far is dead."""
        with self._lock:
            self._generation += 1
            self._pages.clear()
            self._bytes = 0

    def set_live(self, live: bool) -> None:
        """The change subscription came up (True) or was lost (False)."""
        with self._lock:
            self._live = live
            self._generation += 1
            self._pages.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._pages)
