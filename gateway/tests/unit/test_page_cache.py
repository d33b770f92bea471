"""PageCache: a page is served only if nothing changed since it was rendered,
the process is listening for changes, and it is younger than max_age."""
from gateway.app.page_cache import PageCache


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def live_cache(**kw) -> PageCache:
    cache = PageCache(**{"max_age": 5.0, **kw})
    cache.set_live(True)
    return cache


def test_a_stored_page_is_served_until_something_changes():
    cache = live_cache()
    g = cache.generation()
    assert cache.get("p") is None
    assert cache.put("p", g, b"page")
    assert cache.get("p") == b"page"
    cache.changed("sales.ticket_changed")
    assert cache.get("p") is None and len(cache) == 0


def test_a_page_rendered_across_a_change_is_not_stored():
    cache = live_cache()
    g = cache.generation()  # read before asking the service
    cache.changed()  # a ticket changed while the page was being rendered
    assert not cache.put("p", g, b"maybe stale")
    assert cache.get("p") is None


def test_nothing_is_trusted_while_not_listening_and_reconnecting_starts_empty():
    cache = PageCache(max_age=5.0)
    assert not cache.put("p", cache.generation(), b"page")  # never connected yet
    cache.set_live(True)
    assert cache.put("p", cache.generation(), b"page")
    cache.set_live(False)  # the subscription was lost: changes may be passing by
    assert cache.get("p") is None
    cache.set_live(True)
    assert cache.get("p") is None


def test_pages_expire_after_max_age_and_the_oldest_go_first():
    clock = Clock()
    cache = live_cache(clock=clock, max_entries=2)
    for key in ("a", "b"):
        cache.put(key, cache.generation(), key.encode())
    clock.now += 4.9
    assert cache.get("a") == b"a"
    clock.now += 0.1
    assert cache.get("a") is None
    cache.put("c", cache.generation(), b"c")
    cache.put("d", cache.generation(), b"d")
    assert len(cache) == 2 and cache.get("d") == b"d"


def test_the_byte_budget_bounds_memory():
    cache = live_cache(max_bytes=250)
    for key in "abc":
        cache.put(key, cache.generation(), b"x" * 100)
    assert len(cache) == 2 and cache.get("a") is None and cache.get("c")
    cache.put("c", cache.generation(), b"y" * 100)  # replaced, not counted twice
    assert len(cache) == 2 and cache.get("b")


def test_max_age_zero_turns_it_off():
    cache = live_cache(max_age=0)
    assert not cache.enabled
    assert not cache.put("p", cache.generation(), b"page") and cache.get("p") is None


def test_concurrent_misses_share_one_load_but_not_across_a_change():
    import asyncio

    cache = live_cache()
    loads = []

    async def scenario():
        release = asyncio.Event()

        async def load():
            loads.append(cache.generation())
            await release.wait()
            return f"page@{len(loads)}".encode()

        first = [asyncio.create_task(cache.get_or_load("p", load)) for _ in range(5)]
        await asyncio.sleep(0)
        cache.changed()  # a ticket changed while the first load was under way
        after = asyncio.create_task(cache.get_or_load("p", load))
        await asyncio.sleep(0)
        release.set()
        return await asyncio.gather(*first), await after

    first, after = asyncio.run(scenario())
    assert len(loads) == 2, "five concurrent misses, one load; the request after the change, its own"
    assert sorted(how for _, how in first) == ["bypass"] + ["shared"] * 4  # rendered across the change: not kept
    assert after == (b"page@2", "miss") and cache.get("p") == b"page@2"


def test_a_failed_load_fails_every_request_that_shared_it_and_is_not_kept():
    import asyncio

    cache = live_cache()

    async def failing():
        await asyncio.sleep(0)
        raise RuntimeError("sales unavailable")

    async def scenario():
        return await asyncio.gather(*(cache.get_or_load("p", failing) for _ in range(3)), return_exceptions=True)

    results = asyncio.run(scenario())
    assert all(isinstance(r, RuntimeError) for r in results)
    assert cache.get("p") is None
