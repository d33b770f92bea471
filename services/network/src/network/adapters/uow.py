from antena_common.db import UnitOfWork

from ..domain import model
from .repository import (ConnectionRepository, DriftRepository, IpPoolRepository, NapBoxRepository, TelemetryRepository,
                         _Entities)


class NetworkUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        self.sites = _Entities(session, model.Site, "site")
        self.routers = _Entities(session, model.Router, "router")
        self.zones = _Entities(session, model.Zone, "zone")
        self.olts = _Entities(session, model.Olt, "OLT")
        self.nap_boxes = NapBoxRepository(session, model.NapBox, "NAP box")
        self.ip_pools = IpPoolRepository(session, model.IpPool, "IP pool")
        self.connections = ConnectionRepository(session, model.Connection, "connection")
        self.drift = DriftRepository(session)
        self.telemetry = TelemetryRepository(session)
