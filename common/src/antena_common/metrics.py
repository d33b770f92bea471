"""Prometheus metrics shared by the plumbing (services add their own)."""
from prometheus_client import Counter, Gauge, Histogram

EVENTS_HANDLED = Counter("antena_events_handled_total", "Events handled by consumers", ["consumer", "type", "outcome"])
EVENT_HANDLING_SECONDS = Histogram("antena_event_handling_seconds", "Time to handle one event", ["consumer", "type"])
EVENTS_DEAD = Counter("antena_events_dead_lettered_total", "Events sent to the dead letters", ["consumer", "type"])
OUTBOX_PUBLISHED = Counter("antena_outbox_published_total", "Outbox rows published", ["service"])
OUTBOX_BACKLOG = Gauge("antena_outbox_backlog", "Unpublished outbox rows seen by the relay", ["service"])
GRPC_REQUESTS = Counter("antena_grpc_requests_total", "gRPC requests served", ["service", "method", "code"])
GRPC_SECONDS = Histogram("antena_grpc_request_seconds", "gRPC request latency", ["service", "method"])
