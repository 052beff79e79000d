package dev.apikeys.reliability;

import java.util.Locale;

/** Which API makes a call: the blocking one and the async one retry on paths of their own. */
enum ClientApi {
  BLOCKING, ASYNC;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
