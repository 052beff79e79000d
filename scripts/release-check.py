#!/usr/bin/env python3
"""Checks a Central Portal bundle against Maven Central's rules; used by release-dry-run.sh.

  release-check.py modules ROOT
      Prints "dir artifactId packaging" for every module of the reactor at ROOT that is
      published, i.e. whose maven.deploy.skip is not true (set in its own pom.xml or inherited
      from the aggregator above it). The root itself is "." .
  release-check.py bundle ROOT BUNDLE VERSION FINGERPRINT
      Checks the unpacked bundle BUNDLE (a Maven repository layout) of release VERSION, made
      from the reactor at ROOT and signed with the key FINGERPRINT (gpg finds it in GNUPGHOME).
  release-check.py same BUNDLE REBUILT
      Checks that a second build gave the same bytes: every file but the signatures.

Each check stops at the first rule broken, printing the rule and the file, and exits 1.
Standard library only.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

POM_NS = "{http://maven.apache.org/POM/4.0.0}"
CHECKSUMS = {"md5": hashlib.md5, "sha1": hashlib.sha1, "sha256": hashlib.sha256,
             "sha512": hashlib.sha512}
REQUIRED_CHECKSUMS = ("md5", "sha1")  # Central: .md5 and .sha1 required, the others optional
SIGNATURE = ".asc"
# 1.0-SNAPSHOT, a bare SNAPSHOT, or a deployed snapshot's 1.0-20260101.120000-1.
SNAPSHOT_VERSION = re.compile(r"(?i)(^\s*|-)SNAPSHOT\b|-\d{8}\.\d{6}-\d+\b")


class Miss(Exception):
    """A broken rule: what Central (or reproducibility) wants, and where it is missing."""


def fail(rule, where, detail=""):
    raise Miss(f"{rule}: {where}" + (f": {detail}" if detail else ""))


# ---------------------------------------------------------------------------------------------
# The reactor: which modules are published.

def child(element, name):
    return element.find(POM_NS + name)


def text(element, path):
    node = element.find("/".join(POM_NS + part for part in path.split("/")))
    return None if node is None or node.text is None else node.text.strip()


def published_modules(root):
    """(dir, artifactId, packaging) of each module whose maven.deploy.skip is not true."""
    found = []

    def walk(directory, inherited_skip):
        pom = ET.parse(os.path.join(root, directory, "pom.xml")).getroot()
        skip = text(pom, "properties/maven.deploy.skip") or inherited_skip
        if skip not in ("true", "false"):
            fail("maven.deploy.skip must be true or false", f"{directory}/pom.xml", skip)
        if skip == "false":
            found.append((directory, text(pom, "artifactId"), text(pom, "packaging") or "jar"))
        for module in pom.iterfind(f"{POM_NS}modules/{POM_NS}module"):
            walk(os.path.normpath(os.path.join(directory, module.text.strip())), skip)

    walk(".", "false")
    return found


# ---------------------------------------------------------------------------------------------
# The bundle: one directory per artifact, group/artifact/version/files.

def sha(path, algorithm="sha256"):
    digest = CHECKSUMS[algorithm]()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def is_primary(name):
    """An artifact file (jar, pom, SBOM), as opposed to its signature or checksums."""
    return not name.endswith(SIGNATURE) and not any(
        name.endswith("." + algorithm) for algorithm in CHECKSUMS)


def artifact_dirs(bundle):
    """{artifactId: (groupId, directory)} for every artifact in the bundle."""
    result = {}
    for directory, subdirs, files in os.walk(bundle):
        if files:
            relative = os.path.relpath(directory, bundle).split(os.sep)
            if len(relative) < 3:
                fail("bundle layout is group/artifact/version/file", directory)
            group, artifact = ".".join(relative[:-2]), relative[-2]
            if artifact in result:
                fail("one version of each artifact", artifact)
            result[artifact] = (group, directory)
    return result


def check_pom_text(pom_path):
    content = open(pom_path, encoding="utf-8").read()
    pom = ET.fromstring(content)  # without its comments
    for element in pom.iter():
        for value in [element.text or ""] + list(element.attrib.values()):
            if SNAPSHOT_VERSION.search(value):
                fail("no SNAPSHOT in a release POM", pom_path,
                     f"<{element.tag.replace(POM_NS, '')}>{value.strip()}")
    placeholder = re.search(r"\$\{(revision|sha1|changelist)\}", content)
    if placeholder:
        fail("the version placeholders are resolved in a release POM", pom_path,
             placeholder.group(0))
    return pom


def effective(poms, artifact, path):
    """The value of path in artifact's POM, else in its parent's (as Maven inherits it)."""
    pom = poms[artifact]
    node = pom.find("/".join(POM_NS + part for part in path.split("/")))
    if node is not None:
        return node
    parent = child(pom, "parent")
    if parent is None:
        return None
    parent_id = text(parent, "artifactId")
    if parent_id not in poms:
        fail("the parent POM is published too", artifact, f"parent {parent_id} is not in the bundle")
    return effective(poms, parent_id, path)


def check_metadata(poms, artifact, pom_file, version, group):
    pom = poms[artifact]
    own = {"name": text(pom, "name"), "description": text(pom, "description")}
    for element, value in own.items():
        if not value:
            fail(f"POM has <{element}>", pom_file)
    coordinates = (text(pom, "groupId") or text(pom, "parent/groupId"),
                   text(pom, "artifactId"),
                   text(pom, "version") or text(pom, "parent/version"))
    if coordinates != (group, artifact, version):
        fail("POM coordinates match its place in the bundle", pom_file, ":".join(
            str(part) for part in coordinates))
    url = effective(poms, artifact, "url")
    if url is None or not (url.text or "").strip().startswith("https://"):
        fail("POM has <url> (https)", pom_file)
    licenses = effective(poms, artifact, "licenses")
    entries = [] if licenses is None else licenses.findall(POM_NS + "license")
    if not entries or not all(text(e, "name") and text(e, "url") for e in entries):
        fail("POM has <licenses> with a name and url each", pom_file)
    scm = effective(poms, artifact, "scm")
    if scm is None or not text(scm, "url") or not text(scm, "connection"):
        fail("POM has <scm> with <url> and <connection>", pom_file)
    developers = effective(poms, artifact, "developers")
    people = [] if developers is None else developers.findall(POM_NS + "developer")
    if not people or not all(text(d, "name") for d in people):
        fail("POM has <developers>, each with a <name>", pom_file)


def check_signature(path, fingerprint):
    signature = path + SIGNATURE
    if not os.path.isfile(signature):
        fail("every file is signed (.asc)", path)
    result = subprocess.run(
        ["gpg", "--batch", "--status-fd", "1", "--verify", signature, path],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    status = re.findall(r"^\[GNUPG:\] VALIDSIG (\S+)", result.stdout, re.M)
    if result.returncode != 0 or fingerprint.upper() not in (s.upper() for s in status):
        why = re.findall(r"^\[GNUPG:\] ((?:BADSIG|ERRSIG|NO_PUBKEY|NODATA|VALIDSIG) .*)$",
                         result.stdout, re.M)
        fail("the signature verifies with the release key", signature,
             "; ".join(why) or result.stdout.strip().splitlines()[-1:])


def check_checksums(path):
    for algorithm in CHECKSUMS:
        checksum_file = f"{path}.{algorithm}"
        if not os.path.isfile(checksum_file):
            if algorithm in REQUIRED_CHECKSUMS:
                fail(f"every file has a .{algorithm} checksum", path)
            continue
        written = open(checksum_file, encoding="ascii").read().split()
        if not written or written[0].lower() != sha(path, algorithm):
            fail(f"the .{algorithm} checksum matches the file", checksum_file)


def check_jar(path, rule):
    if not os.path.isfile(path):
        fail(rule, path)
    # Central takes placeholder jars (a README) where there is nothing to put; it wants a jar.
    try:
        with zipfile.ZipFile(path) as jar:
            bad = jar.testzip()
    except zipfile.BadZipFile as error:
        fail(rule + " (a valid jar)", path, str(error))
    if bad is not None:
        fail(rule + " (a valid jar)", path, f"corrupt entry {bad}")


def check_sbom(base, group, artifact, version, packaging):
    purl = f"pkg:maven/{group}/{artifact}@{version}?type={packaging}"
    json_path, xml_path = base + "-cyclonedx.json", base + "-cyclonedx.xml"
    for path in (json_path, xml_path):
        if not os.path.isfile(path):
            fail("every published module has its CycloneDX SBOM", path)
    try:
        sbom = json.load(open(json_path, encoding="utf-8"))
    except ValueError as error:
        fail("the SBOM is valid JSON", json_path, str(error))
    component = sbom.get("metadata", {}).get("component", {})
    if sbom.get("bomFormat") != "CycloneDX" or component.get("purl") != purl:
        fail("the SBOM describes this artifact", json_path,
             f"bomFormat {sbom.get('bomFormat')}, purl {component.get('purl')}, want {purl}")
    for part in sbom.get("components", []):
        if SNAPSHOT_VERSION.search(str(part.get("version", ""))):
            fail("no SNAPSHOT in a release's SBOM", json_path, part.get("purl", ""))
    ET.parse(xml_path)


def check_bom(poms, artifact, jars, pom_file):
    """The BOM manages exactly the published jars, at this version, and inherits nothing."""
    pom = poms[artifact]
    if child(pom, "parent") is not None:
        fail("the BOM has no <parent> (it would pass the parent's dependencyManagement on)",
             pom_file)
    managed = pom.findall(f"{POM_NS}dependencyManagement/{POM_NS}dependencies/{POM_NS}dependency")
    listed = {text(d, "artifactId"): (text(d, "groupId"), text(d, "version"), text(d, "scope"))
              for d in managed}
    for name, (group, version, scope) in listed.items():
        if name not in jars or scope == "import":
            fail("the BOM manages only the SDK's own published jars", pom_file,
                 f"{group}:{name}:{version}")
        if (group, version) != jars[name]:
            fail("the BOM's versions are the release's", pom_file, f"{group}:{name}:{version}")
    missing = sorted(set(jars) - set(listed))
    if missing:
        fail("the BOM manages every published jar", pom_file, ", ".join(missing))


def check_bundle(root, bundle, version, fingerprint):
    expected = {artifact: (directory, packaging)
                for directory, artifact, packaging in published_modules(root)}
    found = artifact_dirs(bundle)
    if set(found) != set(expected):
        fail("the bundle holds exactly the published modules", bundle,
             f"missing {sorted(set(expected) - set(found))}, "
             f"unexpected {sorted(set(found) - set(expected))}")

    poms = {}
    for artifact, (group, directory) in sorted(found.items()):
        if os.path.basename(directory) != version:
            fail(f"every artifact has version {version}", directory)
        pom_file = os.path.join(directory, f"{artifact}-{version}.pom")
        if not os.path.isfile(pom_file):
            fail("every module has its POM", pom_file)
        poms[artifact] = check_pom_text(pom_file)

    jars = {a: (found[a][0], version) for a, (_, p) in expected.items() if p != "pom"}
    for artifact, (group, directory) in sorted(found.items()):
        base = os.path.join(directory, f"{artifact}-{version}")
        packaging = expected[artifact][1]
        check_metadata(poms, artifact, base + ".pom", version, group)
        if packaging != "pom":
            check_jar(base + ".jar", "every jar module has its main jar")
            check_jar(base + "-sources.jar", "every jar has a sources jar")
            check_jar(base + "-javadoc.jar", "every jar has a Javadoc jar")
        check_sbom(base, group, artifact, version, packaging)
        if "bom" in artifact.split("-") and packaging == "pom":
            check_bom(poms, artifact, jars, base + ".pom")
        for name in sorted(os.listdir(directory)):
            path = os.path.join(directory, name)
            if is_primary(name):
                check_signature(path, fingerprint)
                check_checksums(path)
            elif name.endswith(SIGNATURE) and not os.path.isfile(path[:-len(SIGNATURE)]):
                fail("every signature has its file", path)
    files = sum(len(os.listdir(d)) for _, d in found.values())
    print(f"release-check: {len(found)} artifacts, {files} files: POMs (name, description, url, "
          "licenses, scm, developers), sources and Javadoc jars, SBOMs, signatures, checksums, "
          "no SNAPSHOT, the BOM: all as Central wants")


# ---------------------------------------------------------------------------------------------
# Reproducibility: two builds, the same bytes.

def primary_files(bundle):
    result = {}
    for directory, _, files in os.walk(bundle):
        for name in files:
            if is_primary(name):
                path = os.path.join(directory, name)
                result[os.path.relpath(path, bundle)] = path
    return result


def jar_differences(first, second):
    def entries(path):
        with zipfile.ZipFile(path) as jar:
            return {i.filename: (i.date_time, i.external_attr, jar.read(i.filename))
                    for i in jar.infolist()}
    a, b = entries(first), entries(second)
    names = sorted(set(a) | set(b))
    return [n for n in names if a.get(n) != b.get(n)] or ["(same entries; the archive differs)"]


def check_same(bundle, rebuilt):
    first, second = primary_files(bundle), primary_files(rebuilt)
    if set(first) != set(second):
        fail("two builds give the same files", rebuilt,
             f"only in one: {sorted(set(first) ^ set(second))}")
    for name in sorted(first):
        if sha(first[name]) != sha(second[name]):
            detail = ""
            if name.endswith(".jar"):
                detail = "entries that differ: " + ", ".join(
                    jar_differences(first[name], second[name])[:10])
            fail("two builds give byte-identical files (reproducible build)", name, detail)
    print(f"release-check: two clean builds in different directories gave {len(first)} "
          "identical files (SHA-256)")


def main(argv):
    try:
        if len(argv) == 3 and argv[1] == "modules":
            for directory, artifact, packaging in published_modules(argv[2]):
                print(directory, artifact, packaging)
        elif len(argv) == 6 and argv[1] == "bundle":
            check_bundle(*argv[2:])
        elif len(argv) == 4 and argv[1] == "same":
            check_same(*argv[2:])
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except Miss as miss:
        message = str(miss)
        for bundle in argv[3:4] if argv[1] == "bundle" else argv[2:4]:
            message = message.replace(os.path.join(bundle, ""), "")  # paths inside the bundle
        print(f"release-check: FAILED: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
