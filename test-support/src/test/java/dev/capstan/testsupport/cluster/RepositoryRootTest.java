package dev.capstan.testsupport.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryRootTest {
  @TempDir Path tmp;

  @Test
  void findsTheNearestFolderWithAnExecutableTestenvUp() throws IOException {
    Path checkout = tmp.resolve("clone");
    script(checkout.resolve("testenv/up"), true);
    Path module = Files.createDirectories(checkout.resolve("engine/target/classes"));

    assertThat(RepositoryRoot.above(module)).contains(checkout);
    assertThat(RepositoryRoot.above(checkout)).contains(checkout);
  }

  @Test
  void ignoresATestenvFolderWithoutAnExecutableUp() throws IOException {
    Path outer = tmp.resolve("outer");
    script(outer.resolve("testenv/up"), true);
    Path inner = outer.resolve("inner");
    script(inner.resolve("testenv/up"), false);

    assertThat(RepositoryRoot.above(inner.resolve("x"))).contains(outer);
  }

  @Test
  void findsNothingOutsideACheckout() throws IOException {
    Path lonely = Files.createDirectories(tmp.resolve("a/b"));

    assertThat(RepositoryRoot.above(lonely)).isEmpty();
  }

  @Test
  void findsThisCheckoutFromTheModuleFolder() {
    Path root = RepositoryRoot.find();

    assertThat(root.resolve("testenv/up")).isExecutable();
    assertThat(root.resolve("test-support/pom.xml")).isRegularFile();
  }

  private static void script(Path path, boolean executable) throws IOException {
    Files.createDirectories(path.getParent());
    Files.writeString(path, "#!/bin/sh\n");
    Files.setPosixFilePermissions(
        path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
  }
}
