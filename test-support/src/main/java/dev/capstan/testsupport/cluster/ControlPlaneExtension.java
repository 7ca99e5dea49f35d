package dev.capstan.testsupport.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that connects a test class to the test control plane ({@link
 * ControlPlane#shared()}) and gives it a {@link KubernetesClient} and a fresh {@link
 * TestNamespace}.
 *
 * <p>Per test class: one client and one namespace, created before the first test (or when the
 * constructor of a {@code PER_CLASS} test first asks for them) and shared by its tests and
 * {@code @Nested} classes; after the class, the namespace is deleted (without waiting for the
 * namespace controller to finish) and the client closed. The namespace is handed out only once its
 * {@code default} ServiceAccount exists, so Pods can be created in it right away.
 *
 * <p>Parameters it resolves: {@link KubernetesClient}, {@link TestNamespace}, {@link ControlPlane}.
 */
public final class ControlPlaneExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(ControlPlaneExtension.class);
  private static final String KEY = "class-resources";
  private static final long SERVICE_ACCOUNT_WAIT_SECONDS = 60;

  @Override
  public void beforeAll(ExtensionContext context) {
    resources(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClassResources own = context.getStore(STORE).remove(KEY, ClassResources.class);
    if (own != null) {
      own.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class
        || type == TestNamespace.class
        || type == ControlPlane.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == ControlPlane.class) {
      return ControlPlane.shared();
    }
    ClassResources resources = resources(context);
    return type == KubernetesClient.class ? resources.client() : resources.namespace();
  }

  /**
   * The resources of the innermost test class around {@code context}, or of a class enclosing it.
   */
  private static ClassResources resources(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    // Store.get also looks in the stores of enclosing contexts: a @Nested class reuses its outer
    // class's namespace.
    ClassResources existing = classContext.getStore(STORE).get(KEY, ClassResources.class);
    if (existing != null) {
      return existing;
    }
    ClassResources created = ClassResources.open(classContext.getRequiredTestClass());
    classContext.getStore(STORE).put(KEY, created);
    return created;
  }

  /** The client and namespace of one test class; closing deletes the namespace. */
  private record ClassResources(KubernetesClient client, TestNamespace namespace)
      implements AutoCloseable {
    static ClassResources open(Class<?> testClass) {
      KubernetesClient client = ControlPlane.shared().newClient();
      TestNamespace namespace = TestNamespace.forClass(testClass);
      try {
        Namespace object =
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(namespace.name())
                .addToLabels("capstan.dev/test-namespace", "true")
                .addToAnnotations("capstan.dev/test-class", testClass.getName())
                .endMetadata()
                .build();
        client.namespaces().resource(object).create();
        client
            .serviceAccounts()
            .inNamespace(namespace.name())
            .withName("default")
            .waitUntilCondition(Objects::nonNull, SERVICE_ACCOUNT_WAIT_SECONDS, TimeUnit.SECONDS);
        return new ClassResources(client, namespace);
      } catch (KubernetesClientException e) {
        client.close();
        throw new ControlPlaneException(
            "Namespace/"
                + namespace.name()
                + " for "
                + testClass.getName()
                + " could not be prepared: "
                + e.getMessage(),
            e);
      }
    }

    /**
     * Deletes the namespace (the namespace controller finishes it in the background), closes the
     * client.
     */
    @Override
    public void close() {
      try {
        client.namespaces().withName(namespace.name()).delete();
      } catch (KubernetesClientException e) {
        System.err.println(
            "capstan: Namespace/" + namespace.name() + " delete failed: " + e.getMessage());
      } finally {
        client.close();
      }
    }
  }
}
