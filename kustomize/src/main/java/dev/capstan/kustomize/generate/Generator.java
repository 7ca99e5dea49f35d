package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.resource.ResourceList;

/**
 * A builtin generator (configMapGenerator, secretGenerator, IAMPolicyGenerator, ...), built from
 * its configuration record. It returns new resources; the build absorbs them into the accumulated
 * list. A generated resource asks for merge or replace of an existing one through the build
 * annotation {@link #BEHAVIOR} ({@code create}, {@code merge}, {@code replace}; absent means
 * create), and for a name hash suffix through {@link #NEEDS_HASH} ({@code "true"}).
 */
@FunctionalInterface
public interface Generator {
  /** Build-annotation key for the generator behavior. */
  String BEHAVIOR = "behavior";

  /** Build-annotation key: "true" when the name gets kustomize's content hash suffix. */
  String NEEDS_HASH = "needsHash";

  ResourceList generate();
}
