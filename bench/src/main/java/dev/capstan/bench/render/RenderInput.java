package dev.capstan.bench.render;

import java.nio.file.Path;

/**
 * One kustomization to build in the render benchmark.
 *
 * @param label name in the report (a conformance case or a generated tree)
 * @param dir the kustomization directory
 * @param loadRestrictionsNone whether files outside the root may be loaded
 * @param group the report group: {@code corpus} or {@code generated-<n>}
 */
public record RenderInput(String label, Path dir, boolean loadRestrictionsNone, String group) {}
