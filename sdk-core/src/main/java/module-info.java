/**
 * The API Keys Java SDK. Start at {@link dev.apikeys.sdk.ApiKeysClient#builder()}.
 *
 * <p>Exports the client and its generated services ({@code dev.apikeys.sdk}), the models
 * ({@code dev.apikeys.sdk.models}), the exceptions ({@code dev.apikeys.sdk.errors}), the
 * extension point ({@code dev.apikeys.sdk.interceptors}) and the transport SPI
 * ({@code dev.apikeys.sdk.transport}); the engine in
 * {@code dev.apikeys.sdk.internal} and its packages is not exported.
 */
module dev.apikeys.sdk {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive java.net.http;
  requires transitive org.jspecify;

  exports dev.apikeys.sdk;
  exports dev.apikeys.sdk.models;
  exports dev.apikeys.sdk.errors;
  exports dev.apikeys.sdk.interceptors;
  exports dev.apikeys.sdk.transport;

  opens dev.apikeys.sdk.models to com.fasterxml.jackson.databind;
}
