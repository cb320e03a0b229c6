#!/usr/bin/env bash
# Type-checks, builds, runs every suite and prints one closing line "N passed, N failed" summed over them all.
set -uo pipefail
cd "$(dirname "$0")/.."
reports=.reports
rm -rf "$reports" && mkdir -p "$reports"
status=0

echo "== type check"
if npm run --silent typecheck; then echo '{"passed":1,"failed":0}' >"$reports/typecheck.json"
else echo '{"passed":0,"failed":1}' >"$reports/typecheck.json"; status=1; fi

echo "== lint (eslint: layers, import cycles, hooks)"
npx eslint . --max-warnings 0 -f json -o "$reports/eslint.json" || { npx eslint . --max-warnings 0 || true; status=1; }

echo "== build"
if ! npx electron-vite build >"$reports/build.log" 2>&1; then cat "$reports/build.log"; status=1; fi

echo "== static security scan (electronegativity)"
node --import tsx scripts/security-scan.ts "$reports/electronegativity.json" || status=1

echo "== unit and integration (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile="$reports/vitest.json" || status=1

echo "== end to end (playwright)"
COS_DESK_SKIP_BUILD=1 PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" \
  npx playwright test --reporter=list,json || status=1

node --import tsx scripts/test-summary.ts "$reports" || status=1
exit $status
