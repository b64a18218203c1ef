# One image for the API and the worker (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
# argon2 is compiled from source at install.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npx nx run-many -t build --output-style=stream

FROM node:20-bookworm-slim
# Memory settings: see API_PROCESS in scripts/lib/api-process.ts. NODE_OPTIONS
# can be raised at run time (docker run -e NODE_OPTIONS=..., both flags) with the container's memory.
ENV NODE_ENV=production HOST=0.0.0.0 MALLOC_ARENA_MAX=2 NODE_OPTIONS="--max-old-space-size=160 --max-semi-space-size=8"
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]
