# One image for every Antena service; the command picks the service:
#   docker build -t antena .            then   antena run <service>
#   docker build --build-arg SERVICE=billing -t antena-billing .   (default command)

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/antena
WORKDIR /src
COPY proto/ proto/
COPY common/ common/
COPY services/ services/
COPY gateway/ gateway/
RUN /opt/antena/bin/pip install ./proto ./common ./services/sales ./services/orders ./services/network \
        ./services/billing ./services/notifications ./services/portal ./gateway

FROM python:3.11-slim-bookworm AS runtime
ARG SERVICE=gateway
# weasyprint (invoice PDFs) needs pango, harfbuzz and fonts.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b \
        libharfbuzz-subset0 libfontconfig1 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 antena \
 && useradd --system --uid 10001 --gid antena --home-dir /var/lib/antena --create-home antena
COPY --from=build /opt/antena /opt/antena
ENV PATH=/opt/antena/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    ANTENA_ENV=production \
    ANTENA_LOG_FORMAT=json \
    ANTENA_DATA_DIR=/var/lib/antena \
    ANTENA_SERVICE=${SERVICE}
USER 10001:10001
WORKDIR /var/lib/antena
EXPOSE 8000 8080 50051 50052 50053 50054 50055 50056
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 CMD ["sh", "-c", "antena health \"$ANTENA_SERVICE\""]
CMD ["sh", "-c", "exec antena run \"$ANTENA_SERVICE\""]
