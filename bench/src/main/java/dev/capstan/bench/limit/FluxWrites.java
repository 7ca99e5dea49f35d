package dev.capstan.bench.limit;

import dev.capstan.controller.api.Condition;
import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.api.flux.KustomizationSpec;
import dev.capstan.controller.api.flux.KustomizationStatus;
import dev.capstan.controller.api.flux.KustomizationStatus.InventoryEntry;
import dev.capstan.controller.runtime.EventDraft;
import dev.capstan.engine.health.GroupKind;
import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The writes Flux's contract adds to one unit's four applies, sent by a bare client with no
 * reconciler behind it: create the unit's Kustomization (as the benchmark does in scale-flux), add
 * Flux's finalizer (one JSON patch), write its Ready status with the four objects' inventory (one
 * PUT of the status), and record the two Events of a first apply (the change set, and {@code
 * ReconciliationSucceeded}). The objects sent have the shape Capstan's Flux dialect sends, built
 * from the same API classes. What a unit costs with them is the floor for any controller that keeps
 * Flux's contract; no controller runs while they are sent, so nothing reconciles these
 * Kustomizations.
 */
final class FluxWrites {
  static final String COMPONENT = "capstan-flux-controller";
  static final String REVISION = "main@sha1:4d1b0c6f2e8a7d3b9c5e1f0a2b4c6d8e0f1a3b5c";

  private FluxWrites() {}

  /** The unit's Kustomization, with scale-flux's spec, its objects in {@code namespace}. */
  static Kustomization kustomization(String namespace, String name) {
    Kustomization k = new Kustomization();
    k.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    k.setSpec(
        new KustomizationSpec(
            new KustomizationSpec.SourceReference("", "GitRepository", "bench", ""),
            "./units/" + name,
            "1h",
            "",
            "5m",
            true,
            true,
            false,
            false,
            null,
            null,
            null,
            namespace,
            "",
            "",
            null,
            null,
            null,
            false,
            null,
            null,
            "",
            null,
            null,
            "",
            null));
    return k;
  }

  /** The JSON patch Capstan sends to add the finalizer to an object that has none. */
  static String finalizerPatch() {
    return "[{\"op\":\"add\",\"path\":\"/metadata/finalizers\",\"value\":[\""
        + Kustomization.FINALIZER
        + "\"]}]";
  }

  /** The JSON patch that takes the finalizers off again, after the clock. */
  static String releasePatch() {
    return "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]";
  }

  /** The status of a first successful, healthy apply of {@code objects}. */
  static KustomizationStatus status(
      long generation, List<? extends HasMetadata> objects, Instant now) {
    String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
    String applied = "Applied revision: " + REVISION;
    List<Condition> conditions =
        List.of(
            new Condition(
                "Ready", Condition.TRUE, generation, at, "ReconciliationSucceeded", applied),
            new Condition(
                "Healthy",
                Condition.TRUE,
                generation,
                at,
                "Succeeded",
                "Health check passed in 1.2s"));
    List<InventoryEntry> entries =
        objects.stream()
            .map(
                o ->
                    InventoryEntry.of(
                        o.getMetadata().getNamespace(),
                        o.getMetadata().getName(),
                        GroupKind.groupOf(o.getApiVersion()),
                        o.getKind(),
                        Gvk.of(o.getApiVersion(), o.getKind()).version()))
            .toList();
    return new KustomizationStatus(
        generation,
        conditions,
        REVISION,
        "",
        REVISION,
        "",
        new KustomizationStatus.ResourceInventory(entries),
        List.of());
  }

  /** The two Events of a first apply on {@code k}: the change set, then the success. */
  static List<Event> events(Kustomization k, List<? extends HasMetadata> objects, Instant now) {
    String changes =
        objects.stream()
            .map(
                o ->
                    o.getKind()
                        + "/"
                        + o.getMetadata().getNamespace()
                        + "/"
                        + o.getMetadata().getName()
                        + " Created")
            .collect(Collectors.joining("\n"));
    return List.of(
        event(k, "Progressing", changes, now),
        event(k, "ReconciliationSucceeded", "Applied revision: " + REVISION, now));
  }

  private static Event event(Kustomization k, String reason, String message, Instant now) {
    EventDraft draft = EventDraft.about(k, "Normal", reason, message);
    return draft.toBuilder(COMPONENT, now).withReportingComponent(COMPONENT).build();
  }

  /**
   * Sends one unit: the Kustomization, its finalizer, the four applies one after another (as one
   * Kustomization's objects are), the status and the Events.
   */
  static void sendUnit(KubernetesClient client, String namespace, List<HasMetadata> objects) {
    String name = objects.get(0).getMetadata().getName();
    var ks = client.resources(Kustomization.class).inNamespace(namespace);
    Kustomization k = ks.resource(kustomization(namespace, name)).create();
    k = ks.withName(name).patch(PatchContext.of(PatchType.JSON), finalizerPatch());
    for (HasMetadata o : objects) {
      LimitCommand.apply(client, o);
    }
    Instant now = Instant.now();
    long generation = k.getMetadata().getGeneration() == null ? 1 : k.getMetadata().getGeneration();
    k.setStatus(status(generation, objects, now));
    k = ks.resource(k).updateStatus();
    for (Event e : events(k, objects, now)) {
      client.v1().events().inNamespace(namespace).resource(e).create();
    }
  }
}
