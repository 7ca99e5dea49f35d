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
    // A Kubernetes API call that no handler translated: most often the API server cannot be
    // reached (the cluster went away while the UI was open). 503, never a stack trace.
    routing.error(
        io.fabric8.kubernetes.client.KubernetesClientException.class,
        (req, res, e) -> {
          LOG.log(
              System.Logger.Level.WARNING,
              req.prologue().method().text()
                  + " "
                  + req.path().path()
                  + ": Kubernetes API call failed: "
                  + e.getMessage());
          ApiException mapped = ApplicationService.cluster("calling the Kubernetes API", e);
          Json.send(res, mapped.httpStatus(), Json.error(mapped));
        });
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
