/**
 * Replacements ({@link dev.capstan.kustomize.replace.ReplacementTransformer}) with kustomize's
 * field paths ({@link dev.capstan.kustomize.replace.FieldPath}).
 */
package dev.capstan.kustomize.replace;
