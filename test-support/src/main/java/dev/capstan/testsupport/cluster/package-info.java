/**
 * The real Kubernetes control plane for integration tests ({@code *IT}).
 *
 * <p>{@link dev.capstan.testsupport.cluster.WithControlPlane} (or
 * {@code @ExtendWith(ControlPlaneExtension.class)}) on a test class gives it a fabric8 {@code
 * KubernetesClient} and a fresh {@link dev.capstan.testsupport.cluster.TestNamespace}, both
 * injected as parameters. The control plane itself — etcd, kube-apiserver, kube-controller-manager,
 * kube-scheduler and kwok with fake Nodes, built by {@code testenv/} — is started at most once per
 * JVM by {@link dev.capstan.testsupport.cluster.ControlPlane#shared()}, or reused when {@code
 * CAPSTAN_KUBECONFIG} names one that is already running (as {@code bin/test} does).
 *
 * <p>Lifecycle: a namespace lives as long as its test class and is deleted after it. A control
 * plane that a test JVM started is stopped when the last test JVM using it exits; one started by
 * {@code bin/test} or by hand ({@code testenv/up}) is left to whoever started it.
 */
package dev.capstan.testsupport.cluster;
