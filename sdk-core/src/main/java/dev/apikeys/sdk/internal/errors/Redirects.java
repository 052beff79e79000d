package dev.apikeys.sdk.internal.errors;

import dev.apikeys.sdk.internal.transport.HttpResult;
import dev.apikeys.sdk.internal.transport.RedirectingTransport;
import java.net.URI;
import java.util.Optional;

/** Explains a redirect that reached the caller: the SDK follows only safe ones. */
final class Redirects {

  private Redirects() {
  }

  static String explain(HttpResult result, URI request, String serverMessage) {
    Optional<String> location = result.header("location");
    if (location.isEmpty()) {
      return serverMessage;
    }
    URI target;
    try {
      target = request.resolve(location.get().trim());
    } catch (IllegalArgumentException e) {
      return "redirect to an unreadable location, not followed";
    }
    // Only the origin and path: a query may carry anything.
    String where = target.getScheme() + "://" + target.getRawAuthority() + target.getRawPath();
    if (!RedirectingTransport.sameOrigin(request, target)) {
      return "redirect to another origin (" + where + ") not followed: the SDK never sends"
          + " credentials outside its base URL's origin; set the base URL to the new address";
    }
    return "redirect to " + where + " not followed (a " + result.status() + " for a method"
        + " that could lose its effect, or too many redirects in a row)";
  }
}
