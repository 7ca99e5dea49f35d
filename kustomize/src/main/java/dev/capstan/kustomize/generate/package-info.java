/** Generators: ConfigMap and Secret generators and the other builtin generator plugins. */
package dev.capstan.kustomize.generate;
