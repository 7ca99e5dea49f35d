package dev.capstan.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notification settings of {@code capstan-notifications-cm}:
 *
 * <pre>
 * service.webhook.&lt;name&gt;: |     # generic webhook: JSON POST
 *   url: https://example.com/hook
 *   headers:
 *   - name: Authorization
 *     value: Bearer xyz
 * service.slack: |                # Slack-compatible incoming webhook ({"text": ...})
 *   url: https://hooks.slack.com/services/...
 * service.slack.&lt;name&gt;: |        # more Slack webhooks
 *   url: ...
 * subscriptions: |
 *   - recipients: [slack, webhook:ops]
 *     triggers: [on-sync-failed, on-health-degraded]
 *     selector: team=web           # optional label selector on Applications
 * </pre>
 *
 * A service is named {@code webhook:<name>}, {@code slack} or {@code slack:<name>} in recipients.
 *
 * @param services services by recipient name
 * @param subscriptions the subscriptions
 */
public record NotificationConfig(Map<String, Service> services, List<Subscription> subscriptions) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public NotificationConfig {
    services = Map.copyOf(services);
    subscriptions = List.copyOf(subscriptions);
  }

  /**
   * A destination.
   *
   * @param name recipient name
   * @param slack whether it takes Slack's {@code {"text"}} body (else the generic JSON)
   * @param url where to POST
   * @param headers extra request headers
   */
  public record Service(String name, boolean slack, URI url, Map<String, String> headers) {
    public Service {
      headers = Map.copyOf(headers);
    }
  }

  /**
   * Who hears of which triggers.
   *
   * @param recipients service names
   * @param triggers trigger names
   * @param selector label selector text (empty for every Application)
   */
  public record Subscription(List<String> recipients, List<Trigger> triggers, String selector) {
    public Subscription {
      recipients = List.copyOf(recipients);
      triggers = List.copyOf(triggers);
    }
  }

  /** No services, no subscriptions. */
  public static NotificationConfig empty() {
    return new NotificationConfig(Map.of(), List.of());
  }

  /**
   * Parses the config map's data; a broken entry is an {@link IllegalArgumentException} naming its
   * key.
   */
  public static NotificationConfig parse(Map<String, String> data) {
    Map<String, Service> services = new LinkedHashMap<>();
    for (var e : data.entrySet()) {
      String key = e.getKey();
      String name;
      boolean slack;
      if (key.startsWith("service.webhook.")) {
        name = "webhook:" + key.substring("service.webhook.".length());
        slack = false;
      } else if (key.equals("service.slack")) {
        name = "slack";
        slack = true;
      } else if (key.startsWith("service.slack.")) {
        name = "slack:" + key.substring("service.slack.".length());
        slack = true;
      } else {
        continue;
      }
      JsonNode node = yaml(key, e.getValue());
      String url = node.path("url").asText("");
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(key + ": url is not valid");
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException(key + ": url must be http or https");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (JsonNode h : node.path("headers")) {
        headers.put(h.path("name").asText(), h.path("value").asText());
      }
      services.put(name, new Service(name, slack, uri, headers));
    }
    List<Subscription> subscriptions = new ArrayList<>();
    Optional.ofNullable(data.get("subscriptions"))
        .ifPresent(
            text -> {
              for (JsonNode s : yaml("subscriptions", text)) {
                List<String> recipients = new ArrayList<>();
                s.path("recipients").forEach(r -> recipients.add(r.asText()));
                List<Trigger> triggers = new ArrayList<>();
                for (JsonNode t : s.path("triggers")) {
                  triggers.add(
                      Trigger.of(t.asText())
                          .orElseThrow(
                              () ->
                                  new IllegalArgumentException(
                                      "subscriptions: unknown trigger " + t.asText())));
                }
                subscriptions.add(
                    new Subscription(recipients, triggers, s.path("selector").asText("")));
              }
            });
    return new NotificationConfig(services, subscriptions);
  }

  private static JsonNode yaml(String key, String text) {
    try {
      JsonNode n = YAML.readTree(text);
      return n == null ? YAML.createObjectNode() : n;
    } catch (IOException e) {
      throw new IllegalArgumentException(key + ": not valid YAML");
    }
  }
}
