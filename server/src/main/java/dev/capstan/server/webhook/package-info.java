/**
 * Git webhooks ({@code POST /api/webhook}): GitHub, GitLab and Bitbucket Cloud push events,
 * authenticated with the shared secrets in {@code capstan-secret}, refresh the Argo CD Applications
 * and Flux GitRepositories that track the pushed repository and branch or tag.
 */
package dev.capstan.server.webhook;
