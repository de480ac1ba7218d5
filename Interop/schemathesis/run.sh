#!/usr/bin/env bash
# schemathesis against the mock: serves DOCS with the mock command given after them, then runs
# every operation of OPENAPI_JSON (the same docs' document) against it with the checks of
# schemathesis.toml beside this script. Fails on any failure or error schemathesis reports.
# Usage: run.sh OPENAPI_JSON DOCS MOCK_COMMAND...  (e.g. `.build/debug/apigen-mock`)
# SCHEMATHESIS_ARGS adds options (`--max-examples 20`, another `--seed`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
document=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
docs=$2
shift 2

output=$(mktemp)
log=$(mktemp)
# schemathesis keeps the failures it finds under its working folder and replays them in the
# next run there: each run gets a folder of its own, so that it stands alone, as in CI.
work=$(mktemp -d)
"$@" --docs "$docs" --port 0 --idle-timeout 300 >"$output" 2>"$log" &
mock=$!
trap 'kill "$mock" 2>/dev/null || true; wait "$mock" 2>/dev/null || true; rm -rf "$output" "$log" "$work"' EXIT

# The mock prints `listening on http://127.0.0.1:PORT …` once it accepts connections.
for _ in $(seq 1 600); do
  grep -q '^listening on ' "$output" && break
  kill -0 "$mock" 2>/dev/null || { cat "$log"; echo "the mock stopped before it listened"; exit 1; }
  sleep 0.1
done
url=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$output")
[ -n "$url" ] || { echo "the mock did not say where it listens"; exit 1; }

# Any 32 hexadecimal digits are a session to the mock; the session travels as the docs say.
start=$(date +%s)
status=0
(cd "$work" && st --config-file "$here/schemathesis.toml" run "$document" --url "$url" \
  --header "Authorization: NVX 0123456789abcdef0123456789abcdef" \
  --seed 1 --no-color ${SCHEMATHESIS_ARGS:-}) || status=$?
echo "schemathesis $(st --version | sed 's/.* //'): $(( $(date +%s) - start )) s," \
  "mock log $(wc -l <"$log") requests"
exit $status
