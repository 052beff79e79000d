package dev.apikeys.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A missing server skips the interop tests, or fails them when they are required. */
class PrerequisitesTest {

  private static final String INSTALL = "Install them with: apt-get install -y python3-fastapi"
      + " python3-uvicorn python3-hypercorn nginx-light openssl";

  @Test
  void aMissingServerSkipsWithTheCommandThatInstallsIt() {
    TestAbortedException skipped = assertThrows(TestAbortedException.class,
        () -> Prerequisites.require(false, "/usr/sbin/nginx is missing", false));

    assertEquals("interop tests need real servers: /usr/sbin/nginx is"
        + " missing. " + INSTALL + " (skipped; APIKEYS_INTEROP_REQUIRED=true fails instead)",
        skipped.getMessage());
  }

  @Test
  void aMissingServerFailsWhenTheServersAreRequired() {
    IllegalStateException failed = assertThrows(IllegalStateException.class,
        () -> Prerequisites.require(false, "/usr/sbin/nginx is missing", true));

    assertEquals("interop tests need real servers: /usr/sbin/nginx is missing. " + INSTALL
        + " (APIKEYS_INTEROP_REQUIRED=true: failing)", failed.getMessage());
  }

  @Test
  void aPresentServerIsNeitherSkippedNorFailed() {
    Prerequisites.require(true, "nothing", true);
    Prerequisites.require(true, "nothing", false);
  }
}
