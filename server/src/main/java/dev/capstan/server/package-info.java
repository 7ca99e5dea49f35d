/**
 * The Capstan API server: {@link dev.capstan.server.CapstanServer} wires the HTTP API ({@code
 * api}), accounts and tokens ({@code auth}), Argo CD RBAC ({@code rbac}), informer caches ({@code
 * cache}) and notifications ({@code notify}).
 */
package dev.capstan.server;
