/**
 * {@code capstan install}: puts Capstan's CRDs, namespace, configuration, default AppProject and
 * controller RBAC into a cluster, idempotently.
 *
 * <p>{@link dev.capstan.cli.install.InstallPlan} is the ordered list of manifests (read from the
 * controller's {@code crds/} and {@code install/} resources), {@link
 * dev.capstan.cli.install.Installer} carries it out with server-side apply under the field manager
 * {@code capstan} and returns an {@link dev.capstan.cli.install.InstallResult}, which {@link
 * dev.capstan.cli.install.InstallTable} renders.
 */
package dev.capstan.cli.install;
