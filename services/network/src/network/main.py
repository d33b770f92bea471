"""Composition root of the network service."""
from __future__ import annotations

from pathlib import Path

from antena_common.runtime import Database, PeriodicJob, ServiceRuntime
from antena_common.settings import PlatformSettings

from .adapters import orm
from .adapters.billing import BillingPlans
from .adapters.mikrotik import MikroTikDriver
from .adapters.snmp import SnmpPoller
from .adapters.uow import NetworkUnitOfWork
from .app import monitoring, reconcile
from .app.provisioning import Provisioner
from .domain.credentials import CredentialRules
from .domain.monitoring import Thresholds
from .entrypoints import events, grpc_api
from .settings import Settings


def build_drivers(settings: Settings) -> dict:
    drivers: dict = {"mikrotik": MikroTikDriver(timeout=settings.router_timeout_seconds,
                                                suspended_list=settings.suspended_address_list)}
    if settings.radius_database_url:
        from .adapters.radius import RadiusDriver

        drivers["radius"] = RadiusDriver(settings.radius_database_url)
    return drivers


def build_runtime(settings: Settings | None = None, platform: PlatformSettings | None = None) -> ServiceRuntime:
    settings = settings or Settings()
    platform = platform or PlatformSettings()
    orm.start_mappers()
    database = Database(settings.database_url, orm.metadata, Path(__file__).parent / "migrations", "network")

    def uow_factory() -> NetworkUnitOfWork:
        return database.uow(NetworkUnitOfWork)

    rules = CredentialRules(pppoe_username=settings.pppoe_username_rule, pppoe_password=settings.pppoe_password_rule,
                            wifi_ssid=settings.wifi_ssid_rule, wifi_password=settings.wifi_password_rule)
    rules.validate()
    drivers = build_drivers(settings)
    plans = BillingPlans(platform.grpc_target("billing"))
    provisioner = Provisioner(uow_factory, drivers, retry_base=settings.retry_base_seconds,
                              retry_max=settings.retry_max_seconds, rates=plans.rates,
                              default_rates=(settings.default_download_rate, settings.default_upload_rate))
    thresholds = Thresholds(settings.optical_power_min_dbm, settings.optical_power_max_dbm)
    poller = SnmpPoller(settings.snmp_timeout_seconds)
    runtime = ServiceRuntime(
        name="network",
        settings=settings,
        platform=platform,
        database=database,
        servicers=[grpc_api.register(uow_factory, settings, mikrotik=drivers["mikrotik"], radius=drivers.get("radius"),
                                     poller=poller, thresholds=thresholds, billing=plans)],
        subscriptions=events.subscriptions(uow_factory, rules=rules, radius_m=settings.coverage_radius_m,
                                           thresholds=thresholds),
        jobs=[
            PeriodicJob("provisioning", settings.provisioning_poll_seconds, provisioner.run_due),
            PeriodicJob("reconciliation", settings.reconcile_every_seconds,
                        lambda: reconcile.reconcile_all(uow_factory, drivers["mikrotik"], drivers.get("radius"))),
            PeriodicJob("billing-reconciliation", settings.reconcile_every_seconds,
                        lambda: reconcile.reconcile_billing(uow_factory, plans.contract_states)),
            PeriodicJob("snmp-poll", settings.snmp_poll_every_seconds,
                        lambda: monitoring.poll_devices(uow_factory, poller, thresholds, settings.telemetry_keep)),
        ],
    )
    runtime.provisioner = provisioner
    runtime.drivers = drivers
    return runtime
