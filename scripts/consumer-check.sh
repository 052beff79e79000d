#!/usr/bin/env bash
# Consumer check: an application outside the build (consumer-check/) that imports the BOM and
# depends on apikeys-sdk-core as installed in the local Maven repository, run as a user would:
#  1. installs the published modules' artifacts (tests skipped; CI has run them) with Java 17;
#  2. compiles the application with Java 17 (--release 17, a module-info that requires
#     dev.apikeys.sdk);
#  3. runs it on the class path and on the module path, on Java 17 and on Java 25.
# Each run calls the SDK against a small JDK HttpServer and checks requests and results; the
# script stops at the first failure. JDK17_HOME and JDK25_HOME say where the JDKs are.
set -euo pipefail
cd "$(dirname "$0")/.."
readonly JDK17_HOME=${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
readonly JDK25_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
version=$(sed -n 's:^ *<revision>\(.*\)</revision>.*:\1:p' pom.xml)
readonly version

JAVA_HOME=$JDK17_HOME ./mvnw -B -q install -DskipTests -Dmaven.javadoc.skip=true \
  -Dmaven.source.skip=true -pl .,api-spec,sdk-core,bom
(cd consumer-check && JAVA_HOME=$JDK17_HOME ../mvnw -B -q clean package \
  -Dapikeys.version="$version")

readonly APP=consumer-check/target/classes
runtime_path=$(cat consumer-check/target/runtime-path.txt)
readonly runtime_path
for jdk in "$JDK17_HOME" "$JDK25_HOME"; do
  "$jdk/bin/java" -cp "$APP:$runtime_path" dev.apikeys.consumer.Main
  "$jdk/bin/java" -p "$APP:$runtime_path" \
    -m com.example.apikeys.consumer/dev.apikeys.consumer.Main
done
