"""gRPC clients of other services the desk asks questions: network (coverage)
and billing (catalog ids). Each answers in domain terms."""
from __future__ import annotations

import grpc

from antena.billing.v1 import billing_pb2, billing_pb2_grpc
from antena.network.v1 import network_pb2, network_pb2_grpc
from antena_common import rpc
from antena_common.errors import InvalidArgument
from antena_common.logs import get_logger

from ..domain import model

log = get_logger("antena.sales")

TIMEOUT_SECONDS = 2.0


class _Lazy:
    def __init__(self, target: str, stub_class):
        self.target = target
        self.stub_class = stub_class
        self._stub = None

    @property
    def stub(self):
        if self._stub is None:
            self._stub = self.stub_class(rpc.channel(self.target))
        return self._stub


class NetworkCoverage(_Lazy):
    """network.CheckCoverage; any failure is recorded as "unknown", never raised."""

    def __init__(self, target: str):
        super().__init__(target, network_pb2_grpc.NetworkServiceStub)

    def __call__(self, lat: float, lon: float) -> model.Coverage:
        try:
            resp = self.stub.CheckCoverage(network_pb2.CheckCoverageRequest(lat=lat, lon=lon), timeout=TIMEOUT_SECONDS)
        except grpc.RpcError as exc:
            log.warning("coverage check failed", target=self.target, code=exc.code().name)
            return model.Coverage.unknown(f"network did not answer ({exc.code().name.lower()})")
        nearest = None
        if resp.candidates:
            c = resp.candidates[0]
            nearest = {"nap_box_id": c.nap_box_id, "code": c.code, "distance_m": round(c.distance_m, 1),
                       "free_ports": c.free_ports}
        return model.Coverage(status="covered" if resp.covered else "not_covered", nearest=nearest,
                              checked_at=model.now_utc().isoformat())


class BillingCatalog(_Lazy):
    """billing.ValidateCatalogIds. True when billing checked the ids, False when it
    could not be asked (they are stored as given); InvalidArgument naming bad ids."""

    def __init__(self, target: str):
        super().__init__(target, billing_pb2_grpc.BillingServiceStub)

    def __call__(self, plan_id: str, recurring_item_ids: list[str], discount_ids: list[str]) -> bool:
        if not (plan_id or recurring_item_ids or discount_ids):
            return True
        try:
            resp = self.stub.ValidateCatalogIds(billing_pb2.ValidateCatalogIdsRequest(
                plan_id=plan_id, recurring_item_ids=recurring_item_ids, discount_ids=discount_ids), timeout=TIMEOUT_SECONDS)
        except grpc.RpcError as exc:
            if exc.code() in (grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.NOT_FOUND):
                problem = rpc.problem_from_rpc_error(exc)
                errors = problem.errors or {"plan_id": problem.detail}
                raise InvalidArgument("; ".join(f"{k}: {v}" for k, v in errors.items()), field_errors=errors) from None
            log.warning("catalog check skipped", target=self.target, code=exc.code().name)
            return False
        if not resp.valid:
            errors = dict(resp.errors) or {"plan_id": "not in the catalog"}
            raise InvalidArgument("; ".join(f"{k}: {v}" for k, v in errors.items()), field_errors=errors)
        return True
