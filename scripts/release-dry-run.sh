#!/usr/bin/env bash
# Release dry run: everything `./mvnw -Prelease deploy` does for a release to Maven Central but
# the upload, then every rule Central applies, checked on what would have been uploaded.
#
#  1. Copies the work tree (committed and uncommitted files, not ignored ones) twice into a
#     temporary directory and sets the version there to the release version: the revision in
#     pom.xml without -SNAPSHOT (or $RELEASE_VERSION). Nothing in the work tree changes.
#  2. Makes a throwaway signing key in a temporary GNUPGHOME and hands it to Maven the way a
#     release does, through MAVEN_GPG_KEY and MAVEN_GPG_PASSPHRASE.
#  3. Builds the release twice from clean, at once, in the two copies: the published modules
#     (maven.deploy.skip false) and what they need, tests skipped (CI runs them), -Prelease (no
#     SNAPSHOT, SBOMs, signatures, checksums) and -DskipUpload=true, so that nothing is sent
#     and each build leaves the bundle it would have uploaded. The two builds run in different
#     directories, time zones, locales, umasks and start times.
#  4. Checks the first bundle (scripts/release-check.py): the published modules and only they;
#     each POM's name, description, url, licenses, scm and developers; sources and Javadoc jars;
#     the CycloneDX SBOMs; an .asc that gpg verifies and matching checksums for every file; no
#     SNAPSHOT; a BOM that manages exactly the published jars.
#  5. Checks that the second bundle is byte-for-byte the same but for the signatures
#     (reproducible builds).
# Stops at the first miss, naming the rule and the file. Needs a JDK 17, gpg and python3.
# KEEP=1 keeps the temporary directory (its path is printed) to look into.
set -euo pipefail
cd "$(dirname "$0")/.."
readonly ROOT=$PWD

die() {
  echo "release-dry-run: FAILED: $*" >&2
  exit 1
}

for tool in gpg gpgconf python3 tar; do
  command -v "$tool" >/dev/null || die "$tool is needed (apt-get install gnupg python3)"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/apikeys-release-dry-run.XXXXXX")
readonly WORK
cleanup() {
  GNUPGHOME="$WORK/gnupg" gpgconf --kill all 2>/dev/null || true
  if [[ "${KEEP:-0}" == 1 ]]; then
    echo "release-dry-run: kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

snapshot=$(sed -n 's:^ *<revision>\(.*\)</revision>.*:\1:p' pom.xml)
[[ $(wc -l <<<"$snapshot") == 1 && -n "$snapshot" ]] || die "no single <revision> in pom.xml"
readonly VERSION=${RELEASE_VERSION:-${snapshot%-SNAPSHOT}}
echo "release-dry-run: release $VERSION (the work tree is at $snapshot), in $WORK"

# The published modules, for -pl; -am adds the modules they need.
mapfile -t published < <(python3 scripts/release-check.py modules . | cut -d' ' -f1)
[[ ${#published[@]} -gt 0 ]] || die "no published module found"
projects=$(IFS=,; echo "${published[*]}")

copy_tree() {
  mkdir -p "$1"
  git ls-files -z --cached --others --exclude-standard \
    | python3 -c 'import os, sys
names = [n for n in sys.stdin.buffer.read().split(b"\0") if n and os.path.lexists(n)]
sys.stdout.buffer.write(b"\0".join(names))' \
    | tar --null -T - -cf - | tar -xf - -C "$1"
  # The release commit's one change: the version.
  python3 - "$1/pom.xml" "$snapshot" "$VERSION" <<'EOF'
import sys
path, old, new = sys.argv[1:]
text = open(path, encoding="utf-8").read()
before = f"<revision>{old}</revision>"
if text.count(before) != 1:
    sys.exit(f"release-dry-run: FAILED: {before} is not in {path} exactly once")
open(path, "w", encoding="utf-8").write(text.replace(before, f"<revision>{new}</revision>"))
EOF
}

# A throwaway key, as a release gets its real one: from the environment.
export GNUPGHOME="$WORK/gnupg"
mkdir -m 700 "$GNUPGHOME"
passphrase=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
gpg --batch --quiet --pinentry-mode loopback --passphrase "$passphrase" \
  --quick-gen-key "apikeys-java release dry run <dry-run@example.invalid>" ed25519 sign 1d \
  2>/dev/null
fingerprint=$(gpg --batch --quiet --with-colons --list-secret-keys 2>/dev/null | awk -F: '$1 == "fpr" {print $10; exit}')
[[ -n "$fingerprint" ]] || die "could not make a throwaway GPG key"
MAVEN_GPG_KEY=$(gpg --batch --pinentry-mode loopback --passphrase "$passphrase" --armor \
  --export-secret-keys "$fingerprint")
export MAVEN_GPG_KEY MAVEN_GPG_PASSPHRASE="$passphrase"

# One release build in its own copy of the tree; $2.. are the environment it runs in.
build() {
  local name=$1
  shift
  copy_tree "$WORK/$name"
  if ! (cd "$WORK/$name" && env "$@" MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=1" \
      ./mvnw -B -ntp -Prelease -Dmaven.test.skip=true -Dmaven.install.skip=true \
      -DskipUpload=true -Daether.syncContext.named.factory=file-lock \
      -Daether.syncContext.named.nameMapper=file-gav -pl "$projects" -am clean deploy) \
      >"$WORK/$name.log" 2>&1; then
    return 1
  fi
  local zip="$WORK/$name/target/central-publishing/central-bundle.zip"
  [[ -f "$zip" ]] || { echo "no bundle at $zip" >>"$WORK/$name.log"; return 1; }
  mkdir "$WORK/$name-bundle"
  python3 -m zipfile -e "$zip" "$WORK/$name-bundle"
}

report_failure() {
  local name=$1
  grep -E '^\[ERROR\]|^no bundle' "$WORK/$name.log" | head -30 >&2 || true
  die "the release build ($name) failed; its log: $WORK/$name.log (KEEP=1 keeps it)"
}

# Two clean builds at once (2 cores), in two directories and, to shake out anything that
# leaks into the output, different time zones (UTC, UTC+14), locales, umasks and start times
# (a build time stamp to the second differs). The local repository is shared, so Maven locks
# it across the two processes.
started=$SECONDS
(umask 022; build first TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8) &
first=$!
(umask 002; sleep 3; build second TZ=Pacific/Kiritimati LANG=ja_JP.UTF-8 LC_ALL= \
  JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Duser.language=ja -Duser.country=JP") &
second=$!
first_status=0 second_status=0
wait "$first" || first_status=$?
wait "$second" || second_status=$?
[[ $first_status == 0 ]] || report_failure first
[[ $second_status == 0 ]] || report_failure second
echo "release-dry-run: two release builds in $((SECONDS - started)) s"

python3 scripts/release-check.py bundle . "$WORK/first-bundle" "$VERSION" "$fingerprint" \
  || die "the bundle breaks a rule of Maven Central (above)"
python3 scripts/release-check.py same "$WORK/first-bundle" "$WORK/second-bundle" \
  || die "the build is not reproducible (above)"
echo "release-dry-run: passed: $VERSION is ready for Maven Central ($SECONDS s)"
