/**
 * Turns Kubernetes Secrets in Argo CD's and Flux's formats into {@link
 * dev.capstan.engine.source.GitCredentials}, without a Kubernetes client: callers pass the secret's
 * name, labels and decoded data as a {@link dev.capstan.engine.source.credentials.SecretData}.
 *
 * <p>{@link dev.capstan.engine.source.credentials.ArgoCdRepositoryCredentials} reads repository and
 * repo-creds (URL-prefix template) secrets; {@link
 * dev.capstan.engine.source.credentials.FluxGitCredentials} reads the secret a {@code
 * GitRepository}'s {@code spec.secretRef} names. Neither ever puts a secret value into a message or
 * a {@code toString()}.
 */
package dev.capstan.engine.source.credentials;
