"""Login throttling: too many failed logins for one username from one address
within a window -> refuse for a while."""
from __future__ import annotations

import threading
import time
from collections import deque
from typing import Callable


class LoginThrottle:
    def __init__(self, max_failures: int = 10, window_seconds: float = 300, clock: Callable[[], float] = time.monotonic):
        self.max_failures = max_failures
        self.window = window_seconds
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        q = self._failures.get(key)
        if q is None:
            return deque()
        while q and q[0] <= now - self.window:
            q.popleft()
        if not q:
            del self._failures[key]
        return q

    def retry_after(self, username: str, address: str) -> int:
        """Seconds to wait before trying again; 0 if a login attempt is allowed now."""
        key = (username.lower(), address)
        with self._lock:
            now = self.clock()
            q = self._recent(key, now)
            if len(q) < self.max_failures:
                return 0
            return max(1, int(q[0] + self.window - now + 0.999))

    def failed(self, username: str, address: str) -> None:
        key = (username.lower(), address)
        with self._lock:
            now = self.clock()
            self._recent(key, now)
            self._failures.setdefault(key, deque()).append(now)
            if len(self._failures) > 100_000:  # bound memory under a spray of usernames
                self._prune(now)

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._failures.pop((username.lower(), address), None)

    def _prune(self, now: float) -> None:
        for key in list(self._failures):
            self._recent(key, now)
