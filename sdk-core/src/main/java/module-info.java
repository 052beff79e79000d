/**
 * The API Keys Java SDK. Start at {@link dev.apikeys.sdk.ApiKeysClient#builder()}.
 *
 * <p>Exports the client ({@code dev.apikeys.sdk}), the models ({@code dev.apikeys.sdk.models})
 * and the exceptions ({@code dev.apikeys.sdk.errors}); the engine in
 * {@code dev.apikeys.sdk.internal} is not exported.
 */
module dev.apikeys.sdk {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires transitive java.net.http;

  exports dev.apikeys.sdk;
  exports dev.apikeys.sdk.models;
  exports dev.apikeys.sdk.errors;

  opens dev.apikeys.sdk.models to com.fasterxml.jackson.databind;
}
