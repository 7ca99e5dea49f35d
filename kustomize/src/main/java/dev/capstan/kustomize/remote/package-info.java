/**
 * Remote kustomize resources given as git URLs ({@code https://github.com/org/repo//dir?ref=v1},
 * {@code git::https://host/repo.git//dir}, {@code git@host:org/repo.git/dir}, {@code
 * file:///srv/repo//dir}): {@link dev.capstan.kustomize.remote.GitUrl} parses them as kustomize v5
 * does, and {@link dev.capstan.kustomize.remote.GitRemoteResolver} turns them into local
 * directories through a pluggable {@link dev.capstan.kustomize.remote.GitFetcher} (the engine
 * supplies one built on JGit; {@link dev.capstan.kustomize.remote.GitCliFetcher} uses the {@code
 * git} program).
 */
package dev.capstan.kustomize.remote;
