#!/usr/bin/env bash
# Lints the OpenAPI document with Redocly's recommended rules. Fails on any error or warning.
# Deliberate exceptions are listed, one location each, in .redocly.lint-ignore.yaml.
# Needs Node.js (>= 20.19) and npm; npx fetches the pinned CLI once into its cache. The CLI
# package bundles its dependencies, so the version pin fixes the whole tool.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly REDOCLY_CLI_VERSION=2.77.0
readonly SPEC=api-spec/src/main/resources/dev/apikeys/api/openapi.yaml

export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true

redocly() {
  npx --yes "@redocly/cli@${REDOCLY_CLI_VERSION}" "$@"
}

# Readable report; exits non-zero on errors (Redocly itself does not fail on warnings).
redocly lint --extends=recommended "$SPEC"

# Warnings fail too: read the totals from the JSON report.
totals=$(redocly lint --extends=recommended --format=json "$SPEC" 2>/dev/null \
  | node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      const t = JSON.parse(s).totals; console.log(`${t.errors} ${t.warnings}`); });')
read -r errors warnings <<<"$totals"
if [[ "$errors" != 0 || "$warnings" != 0 ]]; then
  echo "lint-spec: $errors error(s), $warnings warning(s) in $SPEC" >&2
  exit 1
fi
echo "lint-spec: $SPEC has no problems (Redocly CLI $REDOCLY_CLI_VERSION, recommended rules)"
