from gateway.domain.throttle import LoginThrottle


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_ten_failures_within_the_window_block_that_username_from_that_address():
    clock = Clock()
    t = LoginThrottle(max_failures=10, window_seconds=300, clock=clock)
    for _ in range(9):
        t.failed("ana", "10.0.0.1")
        clock.now += 1
    assert t.retry_after("ana", "10.0.0.1") == 0
    t.failed("Ana", "10.0.0.1")  # usernames compare case-insensitively
    wait = t.retry_after("ana", "10.0.0.1")
    assert 0 < wait <= 300
    assert t.retry_after("ana", "10.0.0.2") == 0  # another address
    assert t.retry_after("bob", "10.0.0.1") == 0  # another user
    clock.now += wait
    assert t.retry_after("ana", "10.0.0.1") == 0  # the oldest failure left the window


def test_old_failures_do_not_count_and_success_clears():
    clock = Clock()
    t = LoginThrottle(max_failures=3, window_seconds=60, clock=clock)
    t.failed("ana", "ip")
    t.failed("ana", "ip")
    clock.now += 61
    t.failed("ana", "ip")
    assert t.retry_after("ana", "ip") == 0
    t.failed("ana", "ip")
    t.failed("ana", "ip")
    assert t.retry_after("ana", "ip") > 0
    t.succeeded("ana", "ip")
    assert t.retry_after("ana", "ip") == 0
