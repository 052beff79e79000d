package dev.apikeys.testkit;

import org.junit.jupiter.api.AfterEach;

/**
 * The base of tests that talk to the server over raw HTTP: after each test, every answer in
 * WireMock's journal must conform to the API document.
 */
abstract class SpecCheckedTest {

  final MockApiKeysServer server;
  final RawApi api;

  SpecCheckedTest(MockApiKeysServer server) {
    this.server = server;
    this.api = new RawApi(server);
  }

  @AfterEach
  void answersConformToTheSpec() {
    SpecContract.assertJournalConforms(server);
  }
}
