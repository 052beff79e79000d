/**
 * The API Keys Java SDK on Apache HttpClient 5: {@link dev.apikeys.transport.apache5.ApacheTransport}.
 */
module dev.apikeys.transport.apache5 {
  requires transitive dev.apikeys.sdk;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires org.apache.httpcomponents.core5.httpcore5.h2;

  exports dev.apikeys.transport.apache5;
}
