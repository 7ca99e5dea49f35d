/**
 * Builtin transformers of the core: namespace, name prefix/suffix, labels and annotations, images,
 * replicas, name-reference rewriting, legacy ordering and build metadata. Each is a class
 * implementing {@link dev.capstan.kustomize.transform.Transformer}, configured by a record.
 */
package dev.capstan.kustomize.transform;
