package dev.capstan.controller.flux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.ResourceChange;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftFilterTest {

  private static final DriftFilter FILTER = new DriftFilter("capstan");
  private static final Gvk CM = new Gvk("", "v1", "ConfigMap");
  private static final ResourceKey KEY = new ResourceKey("", "ConfigMap", "ns", "web");

  private static ManagedFieldsEntry entry(
      String manager, String operation, String time, Map<String, Object> fields) {
    FieldsV1 f = new FieldsV1();
    fields.forEach(f::setAdditionalProperty);
    return new ManagedFieldsEntryBuilder()
        .withManager(manager)
        .withOperation(operation)
        .withTime(time)
        .withFieldsType("FieldsV1")
        .withFieldsV1(f)
        .build();
  }

  private static GenericKubernetesResource object(ManagedFieldsEntry... entries) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("v1")
        .withKind("ConfigMap")
        .withNewMetadata()
        .withName("web")
        .withNamespace("ns")
        .withManagedFields(List.of(entries))
        .endMetadata()
        .build();
  }

  private static ResourceChange added(GenericKubernetesResource after) {
    return new ResourceChange(
        ResourceChange.Type.ADDED, CM, KEY, Optional.empty(), Optional.of(after), true);
  }

  private static ResourceChange updated(
      GenericKubernetesResource before, GenericKubernetesResource after) {
    return new ResourceChange(
        ResourceChange.Type.UPDATED, CM, KEY, Optional.of(before), Optional.of(after), true);
  }

  private static final Map<String, Object> DATA_KEY =
      Map.of("f:data", Map.of("f:key", Map.of()), "f:metadata", Map.of("f:labels", Map.of()));
  private static final Map<String, Object> LABELS_ONLY =
      Map.of("f:metadata", Map.of("f:labels", Map.of()));

  @Test
  void ownCreationIsAnEchoButAnotherWritersIsNot() {
    assertThat(
            FILTER.isDrift(
                added(object(entry("capstan", "Apply", "2026-11-26T06:00:01Z", DATA_KEY)))))
        .isFalse();
    assertThat(
            FILTER.isDrift(
                added(
                    object(
                        entry("capstan", "Apply", "2026-11-26T06:00:01Z", DATA_KEY),
                        entry("kubectl-edit", "Update", "2026-11-26T06:00:01Z", LABELS_ONLY)))))
        .as("a tie with another manager counts as drift")
        .isTrue();
    assertThat(FILTER.isDrift(added(object()))).as("no managedFields").isTrue();
  }

  @Test
  void anEditThatTakesOneOfOurFieldsIsDrift() {
    var before = object(entry("capstan", "Apply", "2026-11-26T06:00:01Z", DATA_KEY));
    var after =
        object(
            entry("capstan", "Apply", "2026-11-26T06:00:01Z", LABELS_ONLY),
            entry(
                "kubectl-edit",
                "Update",
                "2026-11-26T06:00:09Z",
                Map.of("f:data", Map.of("f:key", Map.of()))));
    assertThat(FILTER.isDrift(updated(before, after))).isTrue();
  }

  @Test
  void aChangeThatLeavesOurFieldsAloneIsNoDrift() {
    var before = object(entry("capstan", "Apply", "2026-11-26T06:00:01Z", DATA_KEY));
    var after =
        object(
            entry("capstan", "Apply", "2026-11-26T06:00:01Z", DATA_KEY),
            entry(
                "kube-controller-manager",
                "Update",
                "2026-11-26T06:00:02Z",
                Map.of("f:metadata", Map.of("f:annotations", Map.of()))));
    assertThat(FILTER.isDrift(updated(before, after))).isFalse();
  }

  @Test
  void ourOwnReapplyIsAnEchoAndADeletionIsAlwaysDrift() {
    var before =
        object(
            entry("capstan", "Apply", "2026-11-26T06:00:01Z", LABELS_ONLY),
            entry(
                "kubectl-edit",
                "Update",
                "2026-11-26T06:00:09Z",
                Map.of("f:data", Map.of("f:key", Map.of()))));
    var after = object(entry("capstan", "Apply", "2026-11-26T06:00:10Z", DATA_KEY));
    assertThat(FILTER.isDrift(updated(before, after))).isFalse();
    assertThat(
            FILTER.isDrift(
                new ResourceChange(
                    ResourceChange.Type.DELETED,
                    CM,
                    KEY,
                    Optional.of(after),
                    Optional.empty(),
                    true)))
        .isTrue();
  }
}
