/**
 * The engine's view of the cluster: object identity, API discovery and a shared watch cache.
 *
 * <ul>
 *   <li>{@link dev.capstan.engine.cluster.ResourceKey} is the identity of an object in every result
 *       and message ({@code Deployment/prod/web}); it ignores the API version, as the API server
 *       does when it serves one object under several versions.
 *   <li>{@link dev.capstan.engine.cluster.ResourceTypes} resolves a group/version/kind to its REST
 *       resource (plural, namespaced or not). {@link
 *       dev.capstan.engine.cluster.DiscoveryResourceTypes} asks the API server's discovery
 *       endpoints and refreshes a group/version when a kind is missing, so a kind served by a CRD
 *       created a moment ago is found; {@link dev.capstan.engine.cluster.StaticResourceTypes} is
 *       the in-memory seam for tests.
 *   <li>{@link dev.capstan.engine.cluster.ClusterCache} keeps one watch per kind, started lazily
 *       the first time any application asks for it and shared by all of them, and tells {@link
 *       dev.capstan.engine.cluster.ChangeListener}s when an object changes or is deleted, which is
 *       how drift is noticed within about a second. {@link
 *       dev.capstan.engine.cluster.InformerClusterCache} implements it with fabric8 informers.
 * </ul>
 *
 * <p>Nothing here knows an application, a dialect or a CRD of Capstan's own.
 */
package dev.capstan.engine.cluster;
