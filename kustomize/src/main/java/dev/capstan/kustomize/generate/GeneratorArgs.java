package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@code configMapGenerator} or {@code secretGenerator} (or the body of a
 * ConfigMapGenerator / SecretGenerator plugin config).
 *
 * @param name the object's name (required)
 * @param namespace the object's namespace, empty for none
 * @param behavior create, merge or replace
 * @param sources where the keys and values come from
 * @param options local options (already merged with the global ones when built by the loader)
 * @param type the Secret type; empty means {@code Opaque} (ignored for ConfigMaps)
 */
public record GeneratorArgs(
    String name,
    String namespace,
    Behavior behavior,
    KvSources sources,
    GeneratorOptions options,
    String type) {

  private static final Set<String> CONFIG_MAP_FIELDS =
      Set.of("name", "namespace", "behavior", "literals", "files", "envs", "env", "options");
  private static final Set<String> SECRET_FIELDS =
      Set.of(
          "name", "namespace", "behavior", "literals", "files", "envs", "env", "options", "type");

  public GeneratorArgs {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(behavior, "behavior");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(type, "type");
  }

  /**
   * Reads one {@code configMapGenerator} (secret = false) or {@code secretGenerator} entry.
   *
   * @param reader the entry; strict for a kustomization file
   * @param secret whether it is a secretGenerator entry (which also has {@code type})
   */
  public static GeneratorArgs read(ArgsReader reader, boolean secret) {
    reader.allow(secret ? SECRET_FIELDS : CONFIG_MAP_FIELDS);
    List<String> envs = new ArrayList<>(reader.strings("envs"));
    String env = reader.string("env");
    if (!env.isEmpty()) {
      envs.add(env); // kustomize appends the deprecated single env file to envs
    }
    return new GeneratorArgs(
        reader.string("name"),
        reader.string("namespace"),
        Behavior.parse(reader.string("behavior")),
        new KvSources(reader.strings("literals"), reader.strings("files"), envs),
        GeneratorOptions.read(reader.nested("options", "GeneratorOptions")),
        secret ? reader.string("type") : "");
  }

  /** These arguments with the global generatorOptions merged into the local ones. */
  public GeneratorArgs withGlobalOptions(GeneratorOptions global) {
    return new GeneratorArgs(name, namespace, behavior, sources, options.withGlobal(global), type);
  }

  void requireName(String kind) {
    if (name.isEmpty()) {
      throw new KustomizeException("a " + kind + " must have a name");
    }
  }
}
