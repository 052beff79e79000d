package dev.apikeys.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A missing server skips the interop tests, or fails them when they are required. */
class PrerequisitesTest {

  private static final String MISSING = "interop tests need real servers: /usr/sbin/nginx is"
      + " missing. Install with: apt-get install -y nginx-light";

  @Test
  void aMissingServerSkipsWithTheCommandThatInstallsIt() {
    TestAbortedException skipped = assertThrows(TestAbortedException.class, () ->
        Prerequisites.require(false, "/usr/sbin/nginx is missing", "apt-get install -y"
            + " nginx-light", false));

    assertEquals(MISSING + " (skipped; APIKEYS_INTEROP_REQUIRED=true fails instead)",
        skipped.getMessage());
  }

  @Test
  void aMissingServerFailsWhenTheServersAreRequired() {
    IllegalStateException failed = assertThrows(IllegalStateException.class, () ->
        Prerequisites.require(false, "/usr/sbin/nginx is missing", "apt-get install -y"
            + " nginx-light", true));

    assertEquals(MISSING + " (APIKEYS_INTEROP_REQUIRED=true: failing)", failed.getMessage());
  }

  @Test
  void aPresentServerIsNeitherSkippedNorFailed() {
    Prerequisites.require(true, "nothing", "nothing", true);
    Prerequisites.require(true, "nothing", "nothing", false);
  }
}
