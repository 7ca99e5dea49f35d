/**
 * The kustomization file model ({@link dev.capstan.kustomize.load.Kustomization}), its reader and
 * the accumulation of resources from files, directories and bases.
 */
package dev.capstan.kustomize.load;
