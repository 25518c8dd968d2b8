# Handoff's container image. The build and start steps are scripts/image.ts, which npm test also
# runs (scripts/image-check.ts), since the machines that test Handoff cannot build images.
# README, "Deploy with Docker".

# Node.js 24, the current LTS line, on Debian's slim image.
FROM node:24-bookworm-slim AS build
WORKDIR /src
# better-sqlite3 compiles its native module when no prebuilt one fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# npm ci's postinstall generates the Prisma clients from the project's files: copy them all first.
COPY . .
RUN npm ci
ENV NEXT_TELEMETRY_DISABLED=1
RUN node_modules/.bin/tsx scripts/image.ts build /app

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=file:/data/handoff.db \
    DOCUMENTS_DIR=/data/documents
WORKDIR /app
COPY --from=build --chown=node:node /app ./
RUN mkdir -p /data && chown node:node /data
# The unprivileged user the Node.js images provide.
USER node
VOLUME /data
EXPOSE 3000
# /api/health: the process answers (no database, no session). Node's fetch, no curl in slim.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Migrations as npm start applies them, then the standalone server; SIGTERM drains sends in
# flight (HANDOFF_SHUTDOWN_TIMEOUT_MS, default 30 s): give `docker stop` longer (compose.yaml).
CMD ["node", "--import", "tsx", "scripts/image.ts", "start"]
