package dev.capstan.kustomize;

import dev.capstan.kustomize.fieldspec.FieldSpecConfig;
import dev.capstan.kustomize.fs.Loader;
import dev.capstan.kustomize.load.Kustomization;

/**
 * What a step needs to turn one kustomization's fields into transformers or generators: the
 * kustomization, a loader rooted at its directory (files go through the load restrictor), the build
 * options, and the field-spec configuration accumulated so far (defaults, custom {@code
 * configurations} and those of every base).
 */
public record BuildContext(
    Kustomization kustomization, Loader loader, BuildOptions options, FieldSpecConfig config) {}
