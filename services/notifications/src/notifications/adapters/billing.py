"""Invoice PDFs from billing over gRPC (BillingService.GetInvoicePdf)."""
from __future__ import annotations

import threading

import grpc

from antena.billing.v1 import billing_pb2, billing_pb2_grpc
from antena_common import rpc

from .channels import DeliveryError


class BillingPdfSource:
    def __init__(self, target: str):
        self.target = target
        self._channel = None
        self._lock = threading.Lock()

    def _stub(self) -> billing_pb2_grpc.BillingServiceStub:
        with self._lock:
            if self._channel is None:
                self._channel = rpc.channel(self.target)
        return billing_pb2_grpc.BillingServiceStub(self._channel)

    def fetch(self, invoice_id: str, locale: str = "es") -> bytes:
        try:
            resp = self._stub().GetInvoicePdf(billing_pb2.GetInvoiceRequest(id=invoice_id, locale=locale), timeout=30)
        except grpc.RpcError as exc:
            permanent = exc.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT)
            raise DeliveryError(f"invoice PDF from billing: {exc.code().name} {exc.details()}",
                                permanent=permanent) from None
        if not resp.content.startswith(b"%PDF"):
            raise DeliveryError("billing returned no PDF for the invoice")
        return resp.content

    def close(self) -> None:
        if self._channel is not None:
            self._channel.close()
