#!/usr/bin/env bash
# Checks the example consumer, Examples/SeedLibrary, as a user of the plugins would see it:
#  1. a clean build generates SeedLibraryAPI's client with the build-tool plugin (timed);
#  2. its tests call that client against apigen-mock (APIGEN_MOCK, the first argument);
#  3. an added page reruns generation, and so do an edit and its removal;
#  4. a misspelt apigen.json key stops the build with a message naming the file;
#  5. the command plugin's output equals the committed SeedLibraryCommitted/Generated.
# Run from the repository root: `make example`.
set -euo pipefail
SWIFT=${SWIFT:-swift}
export APIGEN_MOCK=$(realpath "$1")
EXAMPLE=Examples/SeedLibrary
ADDED=$EXAMPLE/Sources/SeedLibraryAPI/docs/zz-added-page.md
CONFIG=$EXAMPLE/Sources/SeedLibraryAPI/apigen.json
restore() {
  rm -f "$ADDED"
  git checkout --quiet -- "$CONFIG"
}
trap restore EXIT

fail() { echo "example: FAILED: $*" >&2; exit 1; }

rm -rf "$EXAMPLE/.build"
start=$(date +%s.%N)
$SWIFT build --package-path "$EXAMPLE" --build-tests
echo "example: clean build of the consumer and its tests: $(printf '%.0f' "$(echo "$(date +%s.%N) - $start" | bc)") s"

# The plugin writes exactly the files it declared.
outputs=$(find "$EXAMPLE/.build/plugins/outputs" -path '*SeedLibraryAPI*APIGenPlugin*/Swift' -type d)
[ -n "$outputs" ] || fail "no output folder of the build-tool plugin"
parts=$(cd "$outputs" && ls | tr '\n' ' ')
[ "$parts" = "$(printf 'APIGen+Part%d.swift ' 1 2 3 4 5 6 7 8)" ] || fail "unexpected outputs: $parts"

$SWIFT test --package-path "$EXAMPLE" --skip-build

# A new page reruns generation, and so do its removal and an edit.
cat > "$ADDED" <<'PAGE'
# Compost

API path: `/compost`.

### turn

Turns the heap.

#### response

```json
{ "success": true }
```
PAGE
$SWIFT build --package-path "$EXAMPLE" --target SeedLibraryAPI
grep -q 'func turn()' "$outputs"/*.swift || fail "the added page did not reach the client"
sed -i 's/Turns the heap\./Turns the heap over./' "$ADDED"
$SWIFT build --package-path "$EXAMPLE" --target SeedLibraryAPI
grep -q 'Turns the heap over\.' "$outputs"/*.swift || fail "the edited page did not reach the client"
rm "$ADDED"
$SWIFT build --package-path "$EXAMPLE" --target SeedLibraryAPI
! grep -q 'func turn()' "$outputs"/*.swift || fail "the removed page is still in the client"

# A misspelt key in apigen.json: the build stops and says which file and key.
sed -i 's/"clientName"/"clientname"/' "$CONFIG"
if log=$($SWIFT build --package-path "$EXAMPLE" --target SeedLibraryAPI 2>&1); then
  fail "a misspelt key did not stop the build"
fi
grep -q "$CONFIG: unknown key 'clientname'" <<<"$log" || fail "no message about the key: $log"
git checkout --quiet -- "$CONFIG"

# The command plugin regenerates the committed client: nothing may change.
$SWIFT package --package-path "$EXAMPLE" --allow-writing-to-package-directory \
  apigen-generate --target SeedLibraryCommitted
changes=$(git status --porcelain -- "$EXAMPLE/Sources/SeedLibraryCommitted")
[ -z "$changes" ] || fail "the committed client differs from the command plugin's output: $changes"
echo "example: passed"
