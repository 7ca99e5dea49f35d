package dev.capstan.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
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
