/**
 * Git sources: from a repository URL, a revision and credentials to a read-only directory with the
 * files of one commit.
 *
 * <p>{@link dev.capstan.engine.source.GitSource} is the facade. It resolves a {@link
 * dev.capstan.engine.source.RevisionSpec} (HEAD, branch, tag, semver range, commit, full ref, or an
 * Argo CD branch-or-tag name) with a cheap {@code ls-remote} to a {@link
 * dev.capstan.engine.source.ResolvedRevision} (full SHA + the ref it came from), fetches the commit
 * shallowly into a bare repository cached per normalized URL, and exports it once into an immutable
 * directory keyed by SHA, leased as a {@link dev.capstan.engine.source.Snapshot}.
 *
 * <p>Credentials are the closed set {@link dev.capstan.engine.source.GitCredentials}; translating
 * Argo CD and Flux secrets into them is {@code dev.capstan.engine.source.credentials}. Failures are
 * the sealed family under {@link dev.capstan.engine.source.GitSourceException}, each transient or
 * terminal, with secrets scrubbed from messages and causes.
 *
 * <p>Not supported yet: submodules (exported as empty directories), Git LFS, HTTPS with a custom CA
 * or without TLS verification, and proxies other than the JVM's.
 */
package dev.capstan.engine.source;
