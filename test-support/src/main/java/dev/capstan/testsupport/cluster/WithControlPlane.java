package dev.capstan.testsupport.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the real test control plane: shorthand for
 * {@code @ExtendWith(ControlPlaneExtension.class)}. Test constructors, lifecycle methods and test
 * methods may then declare parameters of type {@link
 * io.fabric8.kubernetes.client.KubernetesClient}, {@link TestNamespace} and {@link ControlPlane}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ControlPlaneExtension.class)
public @interface WithControlPlane {}
