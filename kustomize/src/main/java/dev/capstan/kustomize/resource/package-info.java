/**
 * The resource model of the Kustomize engine.
 *
 * <p>A resource's content is a JSON-like tree, the same shape that {@code encoding/json} produces
 * in Go and that kustomize emits through its map form:
 *
 * <ul>
 *   <li>a mapping is a {@code Map<String, Object>} (a {@link java.util.LinkedHashMap}, keeping
 *       input order; the emitter sorts keys as kubectl does);
 *   <li>a sequence is a {@code List<Object>} (an {@link java.util.ArrayList});
 *   <li>a scalar is a {@code String}, {@code Long}, {@code java.math.BigInteger}, {@code Double},
 *       {@code Boolean}, or {@code null} for an explicit YAML null (kept as a map entry).
 * </ul>
 *
 * <p>Trees are mutable while a build runs (transformers edit resources in place, as kustomize's do)
 * and are never shared between resources: copy with {@link
 * dev.capstan.kustomize.resource.Tree#deepCopy}.
 */
package dev.capstan.kustomize.resource;
