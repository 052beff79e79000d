#!/usr/bin/env bash
# Consumer check: applications outside the build that depend on the SDK as installed in the
# local Maven repository, built and run as a user would:
#  1. installs the published modules' artifacts (tests skipped; CI has run them) with Java 17;
#  2. consumer-check/ (imports the BOM, a module-info that requires dev.apikeys.sdk and the
#     Apache transport's module, the testkit in its tests): compiled with Java 17 (--release
#     17), its testkit test run, then run on the class path and on the module path, on the JDK
#     transport and on the Apache one, on Java 17 and on Java 25; all of it on the
#     newest Jackson 2 (the SDK's own, from the root pom.xml) and again on the oldest
#     jackson-databind the SDK supports (JACKSON_OLDEST);
#  3. the same application on the Jackson just before that one: building a client must fail
#     at once with the message that names both versions;
#  4. consumer-check-spring-boot/ (on spring-boot-starter-parent, made as the README's Spring
#     Boot section says, no version pins): its tests, the README's SampleApplicationTest and
#     the timers in /actuator/metrics over HTTP, on the testkit, on Java 17 and on Java 25,
#     each time as the README makes it and again with apikeys-transport-apache5 added (at the
#     httpclient5 version Spring Boot manages), which the starter then sends with.
#  5. consumer-check-kotlin/ (kotlin-maven-plugin, JSpecify strict): its tests on the testkit,
#     on Java 17 and on Java 25, and its profile null-misuse (a token(null)), which must fail
#     to compile with Kotlin's "Null cannot be a value of a non-null type".
# With the argument kotlin, only steps 1 and 5 run.
# Each run checks requests and results; the script stops at the first failure. JDK17_HOME and
# JDK25_HOME say where the JDKs are.
set -euo pipefail
cd "$(dirname "$0")/.."
readonly JDK17_HOME=${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
readonly JDK25_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# Keep in step with JacksonVersionCheck.OLDEST_SUPPORTED (sdk-core) and the README.
readonly JACKSON_OLDEST=2.15.0
readonly JACKSON_TOO_OLD=2.14.3
version=$(sed -n 's:^ *<revision>\(.*\)</revision>.*:\1:p' pom.xml)
readonly version
jackson_newest=$(sed -n 's:^ *<jackson.version>\(.*\)</jackson.version>.*:\1:p' pom.xml)
readonly jackson_newest

modules=.,api-spec,sdk-core,sdk-testkit,sdk-micrometer,transport-apache5
modules+=,spring-boot-autoconfigure,spring-boot-starter,bom
readonly modules
JAVA_HOME=$JDK17_HOME timeout 1200 ./mvnw -B -q install -DskipTests -Dmaven.javadoc.skip=true \
  -Dmaven.source.skip=true -pl "$modules"

kotlin_check() {
  for jdk in "$JDK17_HOME" "$JDK25_HOME"; do
    echo "consumer-check-kotlin: tests on $jdk (at ${SECONDS}s)"
    (cd consumer-check-kotlin && JAVA_HOME=$jdk timeout 900 ../mvnw -B -q clean verify \
      -Dapikeys.version="$version" -Dsurefire.redirectTestOutputToFile=true)
    echo "consumer-check-kotlin: token(null) must not compile on $jdk (at ${SECONDS}s)"
    local output expected="Null cannot be a value of a non-null type"
    if output=$(cd consumer-check-kotlin && JAVA_HOME=$jdk timeout 900 ../mvnw -B clean compile \
      -Pnull-misuse -Dapikeys.version="$version" 2>&1); then
      echo "consumer-check-kotlin: src/misuse compiled; expected: $expected" >&2
      exit 1
    fi
    if [[ $output != *"$expected"* || $output != *Misuse.kt* ]]; then
      printf 'consumer-check-kotlin: expected "%s" in Misuse.kt, got:\n%s\n' "$expected" \
        "$output" >&2
      exit 1
    fi
  done
}
if [[ ${1:-} == kotlin ]]; then
  kotlin_check
  echo "consumer-check: Kotlin passed in ${SECONDS}s"
  exit 0
fi

readonly APP=consumer-check/target/classes
build_consumer() { # jackson-version [maven options...]
  local jackson=$1
  shift
  (cd consumer-check && JAVA_HOME=$JDK17_HOME ../mvnw -B -q clean package \
    -Dapikeys.version="$version" -Djackson.version="$jackson" "$@")
}

for jackson in "$jackson_newest" "$JACKSON_OLDEST"; do
  echo "consumer-check: jackson-databind $jackson (at ${SECONDS}s)"
  build_consumer "$jackson"
  runtime_path=$(cat consumer-check/target/runtime-path.txt)
  for jdk in "$JDK17_HOME" "$JDK25_HOME"; do
    for transport in jdk apache; do
      timeout 120 "$jdk/bin/java" -cp "$APP:$runtime_path" dev.apikeys.consumer.Main "$transport"
      timeout 120 "$jdk/bin/java" -p "$APP:$runtime_path" \
        -m com.example.apikeys.consumer/dev.apikeys.consumer.Main "$transport"
    done
  done
done

echo "consumer-check: jackson-databind $JACKSON_TOO_OLD is refused (at ${SECONDS}s)"
build_consumer "$JACKSON_TOO_OLD" -DskipTests
runtime_path=$(cat consumer-check/target/runtime-path.txt)
expected="apikeys-sdk-core needs jackson-databind $JACKSON_OLDEST or newer;"
expected+=" found $JACKSON_TOO_OLD on the class path"
if output=$("$JDK17_HOME/bin/java" -cp "$APP:$runtime_path" dev.apikeys.consumer.Main 2>&1); then
  echo "consumer-check: ran on jackson-databind $JACKSON_TOO_OLD; expected: $expected" >&2
  exit 1
fi
if [[ $output != *"IllegalStateException: $expected"* ]]; then
  printf 'consumer-check: expected "%s", got:\n%s\n' "$expected" "$output" >&2
  exit 1
fi

for jdk in "$JDK17_HOME" "$JDK25_HOME"; do
  for profile in default apache-transport; do
    echo "consumer-check-spring-boot: tests on $jdk, $profile (at ${SECONDS}s)"
    (cd consumer-check-spring-boot && JAVA_HOME=$jdk ../mvnw -B -q clean verify \
      -Dapikeys.version="$version" -Dsurefire.redirectTestOutputToFile=true \
      $([[ $profile == default ]] || echo "-P$profile"))
  done
done
kotlin_check
echo "consumer-check: all passed in ${SECONDS}s"
