/** A user's application that requires the SDK's module by name. */
module com.example.apikeys.consumer {
  requires dev.apikeys.sdk;
  requires dev.apikeys.transport.apache5;
  requires jdk.httpserver;
}
