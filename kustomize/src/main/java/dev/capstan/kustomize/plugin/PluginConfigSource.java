package dev.capstan.kustomize.plugin;

import dev.capstan.kustomize.resource.ResourceList;
import java.util.List;

/**
 * Accumulates the plugin config objects named by paths in {@code generators:} or {@code
 * transformers:} (files, or kustomization directories built fully) exactly as {@code resources:}
 * entries are accumulated. The build pipeline supplies it.
 */
@FunctionalInterface
public interface PluginConfigSource {
  ResourceList accumulate(List<String> paths);
}
