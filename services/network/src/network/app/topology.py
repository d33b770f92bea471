"""Use cases on the network's topology: sites, routers, zones, OLTs, NAP boxes, IP pools."""
from __future__ import annotations

from antena_common.errors import Conflict, InvalidArgument
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain import addressing, model


def _page(fetch, limit, cursor):
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    items = fetch(after[0] if after else None, limit + 1)
    next_cursor = encode_cursor(items[limit - 1].id) if len(items) > limit else ""
    return items[:limit], next_cursor


def create_site(uow, *, name: str, address: str = "", lat=None, lon=None) -> model.Site:
    site = model.Site.register(name=name, address=address, lat=lat, lon=lon)
    with uow:
        uow.sites.add(site)
        uow.commit()
    return site


def list_sites(uow, limit=None, cursor=None):
    with uow:
        return _page(lambda a, n: uow.sites.list(after_id=a, limit=n), limit, cursor)


def create_router(uow, **fields) -> model.Router:
    router = model.Router.register(**fields)
    with uow:
        if router.site_id:
            uow.sites.get(router.site_id)
        uow.routers.add(router)
        uow.commit()
    return router


def update_router(uow, router_id: str, **changes) -> model.Router:
    with uow:
        router = uow.routers.get(router_id, lock=True)
        model.update_router(router, **changes)
        uow.routers.flush()
        uow.commit()
    return router


def get_router(uow, router_id: str) -> model.Router:
    with uow:
        return uow.routers.get(router_id)


def list_routers(uow, limit=None, cursor=None):
    with uow:
        return _page(lambda a, n: uow.routers.list(after_id=a, limit=n), limit, cursor)


def create_zone(uow, *, name: str, router_id: str, billing_day: int, drivers=(), pppoe_profile: str = "",
                default_drivers=("mikrotik",)) -> model.Zone:
    zone = model.Zone.register(name=name, router_id=router_id, billing_day=billing_day, drivers=drivers,
                               pppoe_profile=pppoe_profile, default_drivers=tuple(default_drivers))
    with uow:
        uow.routers.get(router_id)
        uow.zones.add(zone)
        uow.commit()
    return zone


def get_zone(uow, zone_id: str) -> model.Zone:
    with uow:
        return uow.zones.get(zone_id)


def list_zones(uow, router_id: str = "", limit=None, cursor=None):
    with uow:
        return _page(lambda a, n: uow.zones.list(after_id=a, limit=n, router_id=router_id), limit, cursor)


def create_olt(uow, *, name: str, host: str = "", site_id: str = "") -> model.Olt:
    olt = model.Olt.register(name=name, host=host, site_id=site_id)
    with uow:
        if olt.site_id:
            uow.sites.get(olt.site_id)
        uow.olts.add(olt)
        uow.commit()
    return olt


def list_olts(uow, limit=None, cursor=None):
    with uow:
        return _page(lambda a, n: uow.olts.list(after_id=a, limit=n), limit, cursor)


def create_nap_box(uow, *, code: str, olt_id: str, ports: int, lat: float, lon: float, zone_id: str = "") -> model.NapBox:
    box = model.NapBox.register(code=code, olt_id=olt_id, ports=ports, lat=lat, lon=lon, zone_id=zone_id)
    with uow:
        if box.olt_id:
            uow.olts.get(box.olt_id)
        if box.zone_id:
            uow.zones.get(box.zone_id)
        uow.nap_boxes.add(box)
        uow.commit()
    return box


def get_nap_box(uow, box_id: str) -> tuple[model.NapBox, dict[int, str]]:
    with uow:
        box = uow.nap_boxes.get(box_id)
        return box, uow.nap_boxes.used_ports(box_id)


def list_nap_boxes(uow, olt_id: str = "", limit=None, cursor=None):
    with uow:
        return _page(lambda a, n: uow.nap_boxes.list(after_id=a, limit=n, olt_id=olt_id), limit, cursor)


def create_ip_pool(uow, *, name: str, cidr: str, zone_id: str, gateway: str = "", excluded=()) -> model.IpPool:
    name = (name or "").strip() or (cidr or "").strip()
    if not zone_id:
        raise InvalidArgument("zone_id: is required", field_errors={"zone_id": "is required"})
    if len(name) > 120:
        raise InvalidArgument("name: at most 120 characters", field_errors={"name": "at most 120 characters"})
    plan = addressing.plan_pool(cidr, gateway, list(excluded or ()))
    pool = model.IpPool(name=name, cidr=str(plan.network), zone_id=zone_id, gateway=addressing.int_to_ip(plan.gateway),
                        excluded=[str(x).strip() for x in excluded or ()], size=plan.usable)
    with uow:
        uow.zones.get(zone_id)
        clash = addressing.overlapping(pool.cidr, uow.ip_pools.all_cidrs())
        if clash:
            raise Conflict(f"cidr {pool.cidr} overlaps the pool {clash}")
        uow.ip_pools.add(pool)
        uow.ip_pools.reserve_fixed(pool.id, plan.reserved)
        pool.next_hint = plan.first + 1
        uow.commit()
    return pool


def get_ip_pool(uow, pool_id: str) -> model.IpPool:
    with uow:
        return uow.ip_pools.get(pool_id)


def list_ip_pools(uow, zone_id: str = "", limit=None, cursor=None):
    with uow:
        return _page(lambda a, n: uow.ip_pools.list(after_id=a, limit=n, zone_id=zone_id), limit, cursor)
