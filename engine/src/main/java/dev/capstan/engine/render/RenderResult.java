package dev.capstan.engine.render;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;

/**
 * What a render produced: the desired objects in render order, the source types seen, and the
 * errors. When {@link #errors()} is not empty the objects are incomplete and must not be synced.
 *
 * @param objects desired objects, in the order the sources and their renderers gave them
 * @param types the source type of each source, in order
 * @param errors failures, empty on success
 */
public record RenderResult(
    List<GenericKubernetesResource> objects, List<SourceType> types, List<RenderError> errors) {

  public RenderResult {
    objects = List.copyOf(objects);
    types = List.copyOf(types);
    errors = List.copyOf(errors);
  }

  static RenderResult of(SourceType type, List<GenericKubernetesResource> objects) {
    return new RenderResult(objects, List.of(type), List.of());
  }

  static RenderResult failed(SourceType type, RenderError error) {
    return new RenderResult(List.of(), List.of(type), List.of(error));
  }

  /** True when nothing failed. */
  public boolean succeeded() {
    return errors.isEmpty();
  }

  /** All errors as one line each, joined by {@code "; "}. */
  public String errorMessage() {
    return String.join("; ", errors.stream().map(RenderError::toString).toList());
  }

  /** This result followed by {@code other}. */
  RenderResult plus(RenderResult other) {
    List<GenericKubernetesResource> o = new ArrayList<>(objects);
    o.addAll(other.objects);
    List<SourceType> t = new ArrayList<>(types);
    t.addAll(other.types);
    List<RenderError> e = new ArrayList<>(errors);
    e.addAll(other.errors);
    return new RenderResult(o, t, e);
  }
}
