"""Use cases of Idempotency-Key: claim a key, store the answer, replay it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from antena_common.db import utcnow
from antena_common.ids import new_id

from ..domain.idempotency import Outcome, StoredRequest, decide


@dataclass
class Policy:
    ttl: dt.timedelta = dt.timedelta(hours=24)
    lock: dt.timedelta = dt.timedelta(minutes=5)


def begin(uow, *, user_id: str, key: str, method: str, path: str, request_hash: str, policy: Policy,
          now: dt.datetime | None = None) -> tuple[Outcome, StoredRequest | None]:
    """Decide what to do with a request carrying an Idempotency-Key. On EXECUTE the
    key is claimed (returned with its attempt id); on REPLAY the stored answer is returned."""
    now = now or utcnow()
    mine = StoredRequest(user_id=user_id, key=key, method=method, path=path, request_hash=request_hash,
                         created_at=now, attempt=new_id())
    for _ in range(3):
        with uow:
            stored = uow.idempotency.get(user_id, key)
            outcome = decide(stored, method=method, path=path, request_hash=request_hash, now=now,
                             ttl=policy.ttl, lock=policy.lock)
            if outcome is not Outcome.EXECUTE:
                return outcome, stored
            if stored is None:
                claimed = uow.idempotency.insert(mine)
            else:
                expired = now - stored.created_at >= policy.ttl
                claimed = uow.idempotency.reclaim(mine, seen_attempt=stored.attempt, unfinished_only=not expired)
            if claimed:
                uow.commit()
                return Outcome.EXECUTE, mine
        # someone else claimed it between our read and write: look again
    return Outcome.IN_FLIGHT, None


def finish(uow, claim: StoredRequest, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
    with uow:
        uow.idempotency.finish(claim.user_id, claim.key, claim.attempt, status, headers, body)
        uow.commit()


def release(uow, claim: StoredRequest) -> None:
    """Forget the claim (the answer is not stored): a retry runs the request again."""
    with uow:
        uow.idempotency.release(claim.user_id, claim.key, claim.attempt)
        uow.commit()


def cleanup(uow, policy: Policy, now: dt.datetime | None = None) -> int:
    with uow:
        n = uow.idempotency.delete_older_than((now or utcnow()) - policy.ttl)
        uow.commit()
    return n
