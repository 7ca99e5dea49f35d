package dev.capstan.kustomize;

import dev.capstan.kustomize.alias.ValueAliases;
import dev.capstan.kustomize.fieldspec.FieldSpecConfig;
import dev.capstan.kustomize.openapi.OpenApiSettings;
import dev.capstan.kustomize.resource.OriginContext;
import dev.capstan.kustomize.resource.ResourceList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The state carried while a kustomization and its bases are accumulated (kustomize's
 * ResAccumulator): the resources, the merged field-spec configuration, and the declared vars.
 * Mutable; belongs to one build.
 */
public final class Accumulation {
  private final ResourceList resources = new ResourceList();
  private FieldSpecConfig config = FieldSpecConfig.defaults();
  private final List<Object> vars = new ArrayList<>();
  private final OpenApiSettings openapi;
  private Optional<OriginContext> origins = Optional.empty();
  private boolean transformations;
  private ValueAliases aliases = new ValueAliases();

  /** A build's first accumulation, patching with kustomize's default schema. */
  public Accumulation() {
    this(OpenApiSettings.defaults());
  }

  /** An accumulation sharing the build's schema choice (for bases). */
  public Accumulation(OpenApiSettings openapi) {
    this.openapi = openapi;
  }

  /**
   * An empty accumulation for a base (or plugin configs) of this one: it shares the build's schema
   * choice and origin tracking.
   */
  public Accumulation child() {
    Accumulation c = new Accumulation(openapi);
    c.origins = origins;
    c.transformations = transformations;
    c.aliases = aliases;
    return c;
  }

  /**
   * An empty accumulation for a remote base fetched to {@code dir}: like {@link #child()}, with
   * origins recorded relative to the repository root, naming the repository and ref.
   */
  public Accumulation remoteChild(Path repoRoot, String repo, String ref) {
    Accumulation c = child();
    c.origins = origins.map(o -> o.remote(repoRoot, repo, ref));
    return c;
  }

  /**
   * Where origins are recorded when {@code buildMetadata} asks for origin or transformer
   * annotations; empty when off.
   */
  public Optional<OriginContext> origins() {
    return origins;
  }

  /** Replaces where origins are recorded (a remote component's, for its duration). */
  public void setOrigins(Optional<OriginContext> context) {
    origins = context;
  }

  /** Turns origin annotations on for this build, relative to {@code root}. */
  public void trackOrigins(Path root) {
    origins = Optional.of(new OriginContext(root, "", ""));
  }

  /** The build's shared-value groups (kustomize's shared YAML nodes); shared with bases. */
  public ValueAliases aliases() {
    return aliases;
  }

  /** Whether each transformer run is recorded on the resources ({@code transformerAnnotations}). */
  public boolean transformationsTracked() {
    return transformations;
  }

  /** Records transformer runs for this build (origins must be tracked too). */
  public void trackTransformations() {
    transformations = true;
  }

  /** The build's {@code openapi:} schema choice (engineer B, .openapi); shared with bases. */
  public OpenApiSettings openapi() {
    return openapi;
  }

  public ResourceList resources() {
    return resources;
  }

  public FieldSpecConfig config() {
    return config;
  }

  public void mergeConfig(FieldSpecConfig other) {
    config = config.merge(other);
  }

  /** Applies custom {@code configurations}: they take precedence over what is there. */
  public void overrideConfig(FieldSpecConfig custom) {
    config = config.withCustom(custom);
  }

  /** The raw {@code vars} entries of this kustomization and its bases, in accumulation order. */
  public List<Object> vars() {
    return vars;
  }

  /** Absorbs a fully accumulated base: its resources (conflict-checked), config and vars. */
  public void absorb(Accumulation base) {
    resources.addAll(base.resources);
    mergeConfig(base.config);
    vars.addAll(base.vars);
  }
}
