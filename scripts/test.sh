#!/usr/bin/env bash
# `npm test`: every test, in the order that fails fastest. Types; the fences between layers and
# dead code (static, seconds); unit tests; the integration suite on a fresh Postgres database
# and again on PGlite; then the browser tests against the production build. Databases made here
# are dropped on the way out.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

section() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

section "Types"
npx tsc --noEmit

# docs/decisions/0008-fences.md: what each fence keeps apart, and why these tools.
section "Fences: imports between layers (dependency-cruiser); process.env and words outside the message files (ESLint)"
fences=ok
npm run --silent check:imports || fences=crossed
npm run --silent check:env || fences=crossed
if [ "$fences" != ok ]; then
  echo "A fence was crossed (above). docs/decisions/0008-fences.md says what each one keeps apart." >&2
  exit 1
fi

section "Dead code (knip)"
npm run --silent check:dead-code

section "Unit tests"
npx vitest run --project unit

if npx tsx scripts/test-db.ts reachable; then
  postgres=yes
  section "Integration tests on Postgres (a fresh database)"
  # The two-node tests start production servers: they run after the build, below.
  npx vitest run --project integration --exclude tests/integration/nodes.test.ts --exclude tests/integration/production-posts.test.ts
else
  postgres=no
  if [ -n "${CI:-}" ]; then
    echo "CI needs the Postgres server at 127.0.0.1:5432 and it did not answer." >&2
    exit 1
  fi
  echo "No Postgres server answered at 127.0.0.1:5432: the database tests run on PGlite only."
fi

section "Integration tests on PGlite"
TEST_DB=pglite npx vitest run --project integration --exclude tests/integration/nodes.test.ts --exclude tests/integration/production-posts.test.ts

section "Production build (Next, then server.ts bundled by esbuild)"
npm run --silent build

if [ "$postgres" = yes ]; then
  section "Two app nodes on one Postgres, and posting on the production server (integration)"
  npx vitest run --project integration tests/integration/nodes.test.ts tests/integration/production-posts.test.ts
fi

section "Browser tests (Playwright, production server)"
e2e_db=""
e2e_dir=""
cleanup() {
  if [ -n "$e2e_db" ]; then npx tsx scripts/test-db.ts drop "$e2e_db" || true; fi
  if [ -n "$e2e_dir" ]; then rm -rf "$e2e_dir"; fi
}
trap cleanup EXIT
if [ "$postgres" = yes ]; then
  e2e_db=$(npx tsx scripts/test-db.ts create chapterhouse_e2e)
  E2E_DATABASE_URL="$e2e_db" npx playwright test
else
  e2e_dir=$(mktemp -d -t chapterhouse-e2e-XXXXXX)
  E2E_PGLITE_DIR="$e2e_dir/pglite" npx playwright test
fi
