# syntax=docker/dockerfile:1
# transwire: one image for every role (`run`, `web`, `worker`); docker-compose.yml runs a
# PostgreSQL server, two workers and one web process from it.
#   docker build -t transwire .
#   docker run -p 8080:8080 -v transwire-data:/var/lib/transwire transwire      (PGlite, all roles)

ARG NODE_VERSION=22

# ---- build: dev dependencies (TypeScript) and the compiled dist/ -------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# esbuild's install script is denied in package.json (allowScripts); tsc needs no install script.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/copy-build-assets.mjs scripts/
COPY src src
COPY demo demo
RUN npm run build

# ---- runtime: production dependencies, dist/, Apertium; no compiler, no sources ----------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends apertium apertium-eng-spa tini ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist dist
COPY bin bin
COPY transwire.example.yaml deploy/docker.yaml ./
# The node image's unprivileged user; data (PGlite folder, media files) in one volume it owns.
RUN mkdir -p /var/lib/transwire/db /var/lib/transwire/media && chown -R node:node /var/lib/transwire
USER node
VOLUME /var/lib/transwire
ENV HOST=0.0.0.0 PORT=8080
EXPOSE 8080
# /healthz: the process answers and reaches its database. Workers serve no HTTP: compose
# replaces this check for them.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["tini", "--", "node", "bin/transwire.js", "--config", "/app/docker.yaml"]
CMD ["run"]
