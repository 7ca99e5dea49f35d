/**
 * {@code capstan app ...}: Argo CD's {@code argocd app} commands, talking straight to the cluster
 * like {@code argocd --core}: they read and write Application resources; the controller does the
 * work. One class per subcommand; tables, JSON and YAML are rendered from the Application.
 */
package dev.capstan.cli.app;
