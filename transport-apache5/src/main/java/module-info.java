/**
 * The API Keys Java SDK on Apache HttpClient 5: {@link dev.apikeys.transport.apache5.ApacheTransport}.
 */
module dev.apikeys.transport.apache5 {
  requires transitive dev.apikeys.sdk;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires org.apache.httpcomponents.core5.httpcore5.h2;
  // httpclient5, an automatic module, sets socket options through jdk.net.Sockets: without
  // this, an application on the module path would not resolve jdk.net.
  requires jdk.net;

  exports dev.apikeys.transport.apache5;
}
