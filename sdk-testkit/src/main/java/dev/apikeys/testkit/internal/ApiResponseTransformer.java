package dev.apikeys.testkit.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Computes the answer of the stub that carries this transformer from the in-memory store.
 * Applies only to that stub, so that users' own stubs answer as they were written.
 */
final class ApiResponseTransformer implements ResponseDefinitionTransformerV2 {

  private final ApiKeysEndpoint endpoint;

  ApiResponseTransformer(ApiKeysEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Reply reply = endpoint.handle(serveEvent.getRequest());
    ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
        .withStatus(reply.status());
    reply.headers().forEach(response::withHeader);
    if (reply.body() != null) {
      response.withHeader("Content-Type", "application/json").withBody(reply.body());
    }
    return response.build();
  }

  @Override
  public String getName() {
    return ApiKeysBackend.TRANSFORMER_NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }
}
