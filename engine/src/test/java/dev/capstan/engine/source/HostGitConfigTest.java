package dev.capstan.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.HttpConfig;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostGitConfigTest {

  private static final URIish URL = url();

  @TempDir Path home;
  @TempDir Path repositories;

  private SystemReader previousReader;
  private File previousHome;

  @BeforeEach
  void hostWithAGitConfig() throws Exception {
    Files.writeString(
        home.resolve(".gitconfig"),
        """
        [http]
        \tsslVerify = false
        """);
    previousReader = SystemReader.getInstance();
    previousHome = FS.DETECTED.userHome();
    FS.DETECTED.setUserHome(home.toFile());
    // the host's behaviour, with caches of its own, reading the home above
    SystemReader.setInstance(new SystemReader.Delegate(previousReader));
  }

  private static URIish url() {
    try {
      return new URIish("https://git.example.invalid/apps.git");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void restore() {
    SystemReader.setInstance(previousReader);
    FS.DETECTED.setUserHome(previousHome);
  }

  @Test
  void fetchesNoLongerTakeTheHostsTlsSettings() throws Exception {
    assertThat(sslVerifyOfARepository("before")).isFalse();
    assertThat(sslVerifyOfAUrl()).isFalse();

    HostGitConfig.ignore();
    HostGitConfig.ignore(); // once is enough; a second call changes nothing

    assertThat(sslVerifyOfARepository("after")).isTrue();
    assertThat(sslVerifyOfAUrl()).isTrue();
  }

  /**
   * With the JGit configuration ignored, JGit would measure each file system anew in every process
   * and hold the first fetch until it is done (about 3 s on the benchmark host). JGit has a switch
   * for measuring in the background and no getter for it, so the test reads JGit's own flag.
   */
  @Test
  void jgitMeasuresFileSystemsInTheBackground() throws Exception {
    Field field = FS.FileStoreAttributes.class.getDeclaredField("background");
    field.setAccessible(true);
    AtomicBoolean background = (AtomicBoolean) field.get(null);
    boolean before = background.get();
    background.set(false); // JGit's default
    try {
      HostGitConfig.ignore();
      assertThat(background.get()).isTrue();
    } finally {
      background.set(before);
    }
  }

  /** A fetch into the engine's cached bare repository reads the HTTP settings of its config. */
  private boolean sslVerifyOfARepository(String name) throws Exception {
    try (Repository r = FileRepositoryBuilder.create(repositories.resolve(name).toFile())) {
      r.create(true);
      return new HttpConfig(r.getConfig(), URL).isSslVerify();
    }
  }

  /** An ls-remote has no repository: JGit reads the user's configuration. */
  private static boolean sslVerifyOfAUrl() {
    return new HttpConfig(URL).isSslVerify();
  }
}
