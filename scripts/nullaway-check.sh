#!/usr/bin/env bash
# Nullness check of the check: compiles sdk-core with one more class in a @NullMarked package
# that returns null from a method whose return type is not @Nullable, through the build's own
# configuration (Error Prone + NullAway on default-compile), and expects the build to fail
# with NullAway's error on that class. The class is removed again whatever happens.
# JAVA_HOME picks the JDK; extra arguments go to Maven (such as -o).
set -euo pipefail
cd "$(dirname "$0")/.."
readonly PROBE=sdk-core/src/main/java/dev/apikeys/sdk/internal/NullnessProbe.java
trap 'rm -f "$PROBE"' EXIT
cat > "$PROBE" <<'JAVA'
package dev.apikeys.sdk.internal;

final class NullnessProbe {
  static String name() {
    return null;
  }
}
JAVA
if output=$(timeout 900 ./mvnw -B compile -pl sdk-core -am "$@" 2>&1); then
  echo "nullaway-check: sdk-core compiled with a null returned as a String" >&2
  exit 1
fi
expected="NullnessProbe.java:[5,5] [NullAway] returning @Nullable expression from method"
if [[ $output != *"$expected"* ]]; then
  printf 'nullaway-check: expected "%s", got:\n%s\n' "$expected" "$output" >&2
  exit 1
fi
echo "nullaway-check: a nullness error fails the build, as it should"
