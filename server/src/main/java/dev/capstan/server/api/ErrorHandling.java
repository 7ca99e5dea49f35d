package dev.capstan.server.api;

import io.helidon.webserver.http.HttpRouting;

/**
 * Maps every failure to Argo's JSON error shape; unexpected ones become a 500 without a stack trace
 * (which goes to the log).
 */
public final class ErrorHandling {
  private static final System.Logger LOG = System.getLogger(ErrorHandling.class.getName());

  private ErrorHandling() {}

  /** Registers the handlers on {@code routing}. */
  public static void register(HttpRouting.Builder routing) {
    routing.error(
        ApiException.class, (req, res, e) -> Json.send(res, e.httpStatus(), Json.error(e)));
    routing.error(
        Exception.class,
        (req, res, e) -> {
          LOG.log(
              System.Logger.Level.ERROR,
              req.prologue().method().text() + " " + req.path().path() + " failed",
              e);
          ApiException internal = new ApiException(500, 13, "internal error");
          Json.send(res, 500, Json.error(internal));
        });
  }
}
