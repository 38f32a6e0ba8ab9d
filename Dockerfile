# syntax=docker/dockerfile:1
# Folio: build the TypeScript and the native modules (better-sqlite3, argon2, sharp) in one stage,
# run as an unprivileged user in a slim one. What runs is `node dist/cli/main.js serve`, exactly
# what the tests and `npm start` run. See README, "Deployment".

ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Compilers only for a native module without a prebuilt binary for this platform. Debian's
# versions are not pinned: the base image's tag fixes the release.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Dependency scripts run below, for the native modules only (the dev tools' would fetch browsers).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm rebuild better-sqlite3 argon2 sharp \
 && npm run build \
 && npm prune --omit=dev --ignore-scripts \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    FOLIO_DATA_DIR=/var/lib/folio \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
# Code belongs to root and is read-only for the user that runs it; only the data dir is writable.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /var/lib/folio && chown node:node /var/lib/folio
USER node
VOLUME ["/var/lib/folio"]
EXPOSE 3000
# Ready means the database and the file storage answer (/readyz); node, since the image has no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: Folio finishes requests and jobs in flight, then exits (FOLIO_SHUTDOWN_TIMEOUT, 25 s).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["serve"]
