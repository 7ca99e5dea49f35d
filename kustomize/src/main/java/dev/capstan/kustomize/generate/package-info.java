/**
 * Generators: the ConfigMap and Secret generators ({@code configMapGenerator}, {@code
 * secretGenerator} and their plugin forms) and the IAMPolicyGenerator plugin, with kustomize
 * v5.5.0's exact semantics.
 *
 * <p>Flow within one kustomization: {@link dev.capstan.kustomize.generate.KustomizationGenerators}
 * reads the entries (strictly, like kubectl) into {@link
 * dev.capstan.kustomize.generate.GeneratorArgs}; each generator loads its pairs ({@link
 * dev.capstan.kustomize.generate.KvLoader}: env files, then literals, then files) and builds one
 * object whose build annotations ask for a behavior and a hash suffix; {@link
 * dev.capstan.kustomize.generate.GeneratorAbsorber} adds it to the accumulated resources (create,
 * merge or replace). Once per build, after every transformer, {@link
 * dev.capstan.kustomize.generate.HashTransformer} appends {@link
 * dev.capstan.kustomize.generate.ContentHash}'s suffix and records the previous name for the
 * name-reference step.
 *
 * <p>Everything here is stateless or per-build; files are read only through a {@link
 * dev.capstan.kustomize.generate.KvFileReader} supplied by the loader (load restrictions apply).
 */
package dev.capstan.kustomize.generate;
