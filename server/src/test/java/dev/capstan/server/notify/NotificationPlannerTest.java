package dev.capstan.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationPlannerTest {
  private static final NotificationConfig CONFIG =
      NotificationConfig.parse(
          Map.of(
              "service.webhook.ops",
                  "url: http://127.0.0.1:9/hook\nheaders:\n- name: X-Token\n  value: t\n",
              "service.slack", "url: https://hooks.example.invalid/services/x\n",
              "subscriptions",
                  "- recipients: [webhook:ops, slack]\n  triggers: [on-sync-succeeded, on-deployed]\n- recipients: [slack]\n  triggers: [on-health-degraded]\n  selector: team=web\n"));

  private static GenericKubernetesResource app(
      String phase, String revision, String health, Map<String, String> labels) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("argoproj.io/v1alpha1")
        .withKind("Application")
        .withNewMetadata()
        .withNamespace("capstan")
        .withName("web")
        .withLabels(labels)
        .endMetadata()
        .addToAdditionalProperties(
            "status",
            Map.of(
                "operationState",
                    Map.of("phase", phase, "syncResult", Map.of("revision", revision)),
                "health", Map.of("status", health)))
        .build();
  }

  @Test
  void parsesServicesAndSubscriptions() {
    assertThat(CONFIG.services()).containsOnlyKeys("webhook:ops", "slack");
    assertThat(CONFIG.services().get("webhook:ops").headers()).containsEntry("X-Token", "t");
    assertThat(CONFIG.services().get("slack").slack()).isTrue();
    assertThat(CONFIG.subscriptions()).hasSize(2);
  }

  @Test
  void sameAppTriggerAndRevisionIsSentOnce() {
    NotificationPlanner planner = new NotificationPlanner(new Deduplicator(100));
    List<Delivery> first = planner.plan(app("Succeeded", "abc", "Progressing", Map.of()), CONFIG);
    assertThat(first)
        .extracting(d -> d.trigger().id() + "->" + d.service())
        .containsExactly("on-sync-succeeded->webhook:ops", "on-sync-succeeded->slack");
    assertThat(planner.plan(app("Succeeded", "abc", "Progressing", Map.of()), CONFIG)).isEmpty();
    assertThat(planner.plan(app("Succeeded", "abc", "Healthy", Map.of()), CONFIG))
        .extracting(d -> d.trigger().id())
        .containsOnly("on-deployed");
    assertThat(planner.plan(app("Succeeded", "def", "Healthy", Map.of()), CONFIG)).hasSize(4);
  }

  @Test
  void selectorLimitsASubscription() {
    NotificationPlanner planner = new NotificationPlanner(new Deduplicator(100));
    assertThat(planner.plan(app("Running", "abc", "Degraded", Map.of("team", "db")), CONFIG))
        .isEmpty();
    assertThat(planner.plan(app("Running", "abc", "Degraded", Map.of("team", "web")), CONFIG))
        .extracting(Delivery::service)
        .containsExactly("slack");
  }

  @Test
  void annotationSubscribes() {
    NotificationPlanner planner = new NotificationPlanner(new Deduplicator(100));
    GenericKubernetesResource a = app("Failed", "abc", "Healthy", Map.of());
    a.getMetadata()
        .setAnnotations(Map.of("notifications.argoproj.io/subscribe.on-sync-failed.ops", ""));
    assertThat(planner.plan(a, CONFIG))
        .extracting(d -> d.trigger().id() + "->" + d.service())
        .containsExactly("on-sync-failed->webhook:ops");
  }

  @Test
  void primedStatesAreNotSentAgain() {
    NotificationPlanner planner = new NotificationPlanner(new Deduplicator(100));
    planner.prime(app("Succeeded", "abc", "Healthy", Map.of()));
    assertThat(planner.plan(app("Succeeded", "abc", "Healthy", Map.of()), CONFIG)).isEmpty();
  }

  @Test
  void dedupIsBounded() {
    Deduplicator d = new Deduplicator(2);
    assertThat(d.firstTime("a", Trigger.ON_DEPLOYED, "1")).isTrue();
    assertThat(d.firstTime("b", Trigger.ON_DEPLOYED, "1")).isTrue();
    assertThat(d.firstTime("c", Trigger.ON_DEPLOYED, "1")).isTrue();
    assertThat(d.firstTime("a", Trigger.ON_DEPLOYED, "1")).isTrue();
    assertThat(d.firstTime("c", Trigger.ON_DEPLOYED, "1")).isFalse();
  }

  @Test
  void badConfigNamesTheKey() {
    assertThatThrownBy(() -> NotificationConfig.parse(Map.of("service.webhook.x", "url: ftp://x/")))
        .hasMessageContaining("service.webhook.x");
    assertThatThrownBy(
            () ->
                NotificationConfig.parse(
                    Map.of("subscriptions", "- recipients: [slack]\n  triggers: [on-nothing]\n")))
        .hasMessageContaining("on-nothing");
  }
}
