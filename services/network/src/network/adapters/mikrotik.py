"""MikroTik RouterOS driver over the RouterOS API (librouteros).

Per subscriber: a PPPoE secret (/ppp/secret, profile and remote address), a
simple queue with the plan's rate (/queue/simple) and, while suspended, an
entry in the suspended address list (/ip/firewall/address-list). Every entry
carries the comment "antena:<connection id>", which is how the driver finds
them again. apply() and remove() are idempotent."""
from __future__ import annotations

import socket
import threading
from contextlib import contextmanager

import librouteros
from librouteros.exceptions import LibRouterosError, TrapError
from librouteros.query import Key

from ..domain.provisioning import (Lease, ListEntry, norm_rate, ProvisioningError, Queue, RouterAccess, RouterState, Secret,
                                   SubscriberSpec)

SECRETS = ("ppp", "secret")
QUEUES = ("queue", "simple")
ADDRESS_LIST = ("ip", "firewall", "address-list")
LEASES = ("ip", "dhcp-server", "lease")


def _s(value) -> str:
    """librouteros turns numeric strings into ints (a phone as PPPoE user): back to text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def _b(value) -> bool:
    return value is True or _s(value) in ("true", "yes")


def _same(key: str, have, want) -> bool:
    if key == "max-limit":
        return norm_rate(_s(have)) == norm_rate(_s(want))
    return _s(have) == _s(want)


class MikroTikDriver:
    name = "mikrotik"

    def __init__(self, *, timeout: float = 5.0, suspended_list: str = "antena-suspended"):
        self.timeout = timeout
        self.suspended_list = suspended_list
        self._local = threading.local()

    @contextmanager
    def batch(self, router: RouterAccess):
        """Reuse one API session for every call on this router inside the block (this thread)."""
        key = (router.host, router.api_port, router.username, router.password)
        self._local.batches = getattr(self._local, "batches", {})
        if key in self._local.batches:
            yield
            return
        self._local.batches[key] = None  # opened lazily by the first call
        try:
            yield
        finally:
            api = self._local.batches.pop(key, None)
            if api is not None:
                try:
                    api.close()
                except Exception:  # already broken
                    pass

    @contextmanager
    def session(self, router: RouterAccess):
        key = (router.host, router.api_port, router.username, router.password)
        batches = getattr(self._local, "batches", {})
        if key in batches:
            if batches[key] is None:
                batches[key] = self._connect(router)
            try:
                yield batches[key]
            except TrapError:
                raise  # the router refused one command: the session itself is fine
            except BaseException:
                broken = batches.pop(key)
                batches[key] = None  # the next call reconnects
                try:
                    broken.close()
                except Exception:
                    pass
                raise
            return
        api = self._connect(router)
        try:
            yield api
        finally:
            try:
                api.close()
            except Exception:  # already broken
                pass

    def _connect(self, router: RouterAccess):
        try:
            api = librouteros.connect(router.host, router.username, router.password, port=router.api_port,
                                      timeout=self.timeout)
        except TrapError as exc:
            raise ProvisioningError(self.name, f"router {router.name} refused the login: {exc.message}", "auth") from None
        except (socket.timeout, TimeoutError):
            raise ProvisioningError(self.name, f"router {router.name} ({router.host}:{router.api_port}) timed out",
                                    "timeout") from None
        except (OSError, LibRouterosError) as exc:
            raise ProvisioningError(self.name, f"cannot reach router {router.name} ({router.host}:{router.api_port}): "
                                               f"{exc}", "unreachable") from None
        return api

    @contextmanager
    def _errors(self, router: RouterAccess):
        try:
            yield
        except TrapError as exc:
            raise ProvisioningError(self.name, f"router {router.name} refused a command: {exc.message}",
                                    "refused") from None
        except (socket.timeout, TimeoutError):
            raise ProvisioningError(self.name, f"router {router.name} stopped answering (timeout)", "timeout") from None
        except (OSError, LibRouterosError) as exc:
            raise ProvisioningError(self.name, f"router {router.name}: {exc}", "unreachable") from None

    # ---- reading -------------------------------------------------------------
    @staticmethod
    def _mine(api, path, comment: str) -> list[dict]:
        return list(api.path(*path).select(Key(".id"), *(Key(k) for k in _KEYS[path])).where(Key("comment") == comment))

    def read_state(self, router: RouterAccess) -> RouterState:
        with self._errors(router), self.session(router) as api:
            return self._read(api)

    def _read(self, api) -> RouterState:
        state = RouterState()
        for row in api.path(*SECRETS):
            state.secrets.append(Secret(id=_s(row.get(".id")), name=_s(row.get("name")), password=_s(row.get("password")),
                                        profile=_s(row.get("profile")), remote_address=_s(row.get("remote-address")),
                                        comment=_s(row.get("comment")), disabled=_b(row.get("disabled"))))
        for row in api.path(*QUEUES):
            state.queues.append(Queue(id=_s(row.get(".id")), name=_s(row.get("name")), target=_s(row.get("target")),
                                      max_limit=_s(row.get("max-limit")), comment=_s(row.get("comment")),
                                      disabled=_b(row.get("disabled"))))
        for row in api.path(*ADDRESS_LIST).select(Key(".id"), Key("list"), Key("address"), Key("comment"),
                                                  Key("disabled")).where(Key("list") == self.suspended_list):
            state.address_list.append(ListEntry(id=_s(row.get(".id")), list=_s(row.get("list")),
                                                address=_s(row.get("address")), comment=_s(row.get("comment")),
                                                disabled=_b(row.get("disabled"))))
        for row in api.path(*LEASES).select(Key(".id"), Key("address"), Key("mac-address"), Key("comment"),
                                            Key("disabled")).where(Key("comment") != ""):
            state.leases.append(Lease(id=_s(row.get(".id")), address=_s(row.get("address")),
                                      mac=_s(row.get("mac-address")), comment=_s(row.get("comment")),
                                      disabled=_b(row.get("disabled"))))
        return state

    # ---- writing -------------------------------------------------------------
    def apply(self, router: RouterAccess, spec: SubscriberSpec) -> list[str]:
        with self._errors(router), self.session(router) as api:
            return self._apply(api, spec)

    def _upsert(self, api, path, comment: str, wanted: dict, what: str, changes: list[str]) -> None:
        rows = self._mine(api, path, comment)
        p = api.path(*path)
        if not rows:
            # an entry made by hand (or by another system) with the same natural key: adopt it
            natural = {k: wanted[k] for k in _NATURAL_KEYS[path]}
            rows = list(p.select(Key(".id"), *(Key(k) for k in _KEYS[path])).where(
                *(Key(k) == v for k, v in natural.items())))
            if rows:
                wanted = {**wanted, "comment": comment}
                changes.append(f"adopted {what}")
            else:
                p.add(**wanted, comment=comment)
                changes.append(f"added {what}")
                return
        first, extra = rows[0], rows[1:]
        diff = {k: v for k, v in wanted.items() if _same(k, first.get(k), v) is False}
        if _b(first.get("disabled")):
            diff["disabled"] = "no"
        if diff:
            p.update(**{".id": first[".id"]}, **diff)
            changes.append(f"updated {what} ({', '.join(sorted(diff))})")
        if extra:
            p.remove(*[_s(r[".id"]) for r in extra])
            changes.append(f"removed {len(extra)} duplicate {what}")

    def _delete(self, api, path, comment: str, what: str, changes: list[str]) -> None:
        rows = self._mine(api, path, comment)
        if rows:
            api.path(*path).remove(*[_s(r[".id"]) for r in rows])
            changes.append(f"removed {what}")

    def _apply(self, api, spec: SubscriberSpec) -> list[str]:
        changes: list[str] = []
        c = spec.comment
        if spec.mode == "pppoe":
            self._upsert(api, SECRETS, c, {"name": spec.username, "password": spec.password, "service": "pppoe",
                                           "profile": spec.profile, "remote-address": spec.ip}, "secret", changes)
        else:
            self._delete(api, SECRETS, c, "secret", changes)
        if spec.rate_limit:
            self._upsert(api, QUEUES, c, {"name": spec.queue_name, "target": f"{spec.ip}/32",
                                          "max-limit": spec.rate_limit}, "queue", changes)
        else:
            self._delete(api, QUEUES, c, "queue", changes)
        if spec.mode == "dhcp" and spec.mac:
            self._upsert(api, LEASES, c, {"address": spec.ip, "mac-address": spec.mac.upper()}, "lease", changes)
        else:
            self._delete(api, LEASES, c, "lease", changes)
        if spec.suspended:
            self._upsert(api, ADDRESS_LIST, c, {"list": self.suspended_list, "address": spec.ip},
                         "suspension", changes)
        else:
            self._delete(api, ADDRESS_LIST, c, "suspension", changes)
        return changes

    def remove(self, router: RouterAccess, spec: SubscriberSpec) -> list[str]:
        with self._errors(router), self.session(router) as api:
            return self._remove(api, spec.comment)

    def remove_connection(self, router: RouterAccess, connection_id: str) -> list[str]:
        from ..domain.provisioning import comment_for

        with self._errors(router), self.session(router) as api:
            return self._remove(api, comment_for(connection_id))

    def _remove(self, api, comment: str) -> list[str]:
        changes: list[str] = []
        self._delete(api, SECRETS, comment, "secret", changes)
        self._delete(api, QUEUES, comment, "queue", changes)
        self._delete(api, ADDRESS_LIST, comment, "suspension", changes)
        self._delete(api, LEASES, comment, "lease", changes)
        return changes

    def apply_many(self, router: RouterAccess, specs: list[SubscriberSpec], orphans: list[str] = ()) -> list[str]:
        """Repair several subscribers in one session (reconciliation)."""
        from ..domain.provisioning import comment_for

        changes: list[str] = []
        with self._errors(router), self.session(router) as api:
            for spec in specs:
                changes += self._apply(api, spec)
            for cid in orphans:
                changes += self._remove(api, comment_for(cid))
        return changes


# what RouterOS itself keeps unique (a second add with these is a !trap)
_NATURAL_KEYS = {
    SECRETS: ("name",),
    QUEUES: ("name",),
    ADDRESS_LIST: ("list", "address"),
    LEASES: ("mac-address",),
}

_KEYS = {
    LEASES: ("address", "mac-address", "disabled", "comment"),
    SECRETS: ("name", "password", "service", "profile", "remote-address", "disabled", "comment"),
    QUEUES: ("name", "target", "max-limit", "disabled", "comment"),
    ADDRESS_LIST: ("list", "address", "disabled", "comment"),
}
