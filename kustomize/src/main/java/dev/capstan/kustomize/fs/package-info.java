/**
 * The file system seam ({@link dev.capstan.kustomize.fs.FileTree}: disk or memory) and the {@link
 * dev.capstan.kustomize.fs.Loader} that reads files relative to a kustomization root under the load
 * restrictor.
 */
package dev.capstan.kustomize.fs;
