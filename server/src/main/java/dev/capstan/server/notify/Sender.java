package dev.capstan.server.notify;

import java.util.Map;

/** The seam to the outside: posts a JSON body to a service and says how it went. */
@FunctionalInterface
public interface Sender {
  /** Posts {@code body}; returns {@code sent} or a short reason. Never throws. */
  String send(NotificationConfig.Service service, Map<String, Object> body);
}
