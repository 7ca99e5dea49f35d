package dev.capstan.engine.source;

import java.io.File;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Keeps the host's Git configuration out of Capstan's fetches, as Flux's source-controller and Argo
 * CD's repo-server have none in their containers.
 *
 * <p>JGit otherwise layers every repository's configuration over the user's ({@code ~/.gitconfig},
 * {@code $XDG_CONFIG_HOME/git/config}) and the system's, which it finds by starting a {@code git}
 * process. A rule there such as {@code url.<base>.insteadOf} or {@code http.sslVerify=false} would
 * silently change where and how a controller fetches. {@link #ignore()} replaces the user, system
 * and JGit configurations with empty ones, for the whole JVM; applications call it once at start
 * (the engine never does, since it is JVM-wide), before the first fetch.
 *
 * <p>The JGit configuration is also where JGit keeps what it measured of a file system (timestamp
 * resolution, racy-clean interval). With it ignored, JGit measures again in every process, and the
 * first fetch used to wait for that: about 3 s on the benchmark host. So {@link #ignore()} also
 * lets JGit measure in the background; until the result is in, JGit assumes the coarse two-second
 * resolution, which only makes it re-read a recently written file more often, never less. The
 * measurement runs in the JVM's common fork-join pool, which {@code bin/jvm-options} gives four
 * workers so that it holds up nothing else there.
 */
public final class HostGitConfig {

  private HostGitConfig() {}

  /** From now on, JGit in this JVM reads no Git configuration but the repositories' own. */
  public static void ignore() {
    SystemReader current = SystemReader.getInstance();
    if (!(current instanceof Ignoring)) {
      SystemReader.setInstance(new Ignoring(current));
    }
    FS.FileStoreAttributes.setBackground(true);
  }

  /** The reader in place: the host's values (time, environment) and no configuration files. */
  private static final class Ignoring extends SystemReader.Delegate {
    Ignoring(SystemReader host) {
      super(host);
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
      return new Empty(parent, fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
      return new Empty(parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
      return new Empty(parent, fs);
    }
  }

  /** A configuration with no file behind it: loading finds nothing, saving keeps it in memory. */
  private static final class Empty extends FileBasedConfig {
    Empty(Config parent, FS fs) {
      super(parent, new File("capstan-ignores-host-git-config"), fs);
    }

    @Override
    public void load() {
      // nothing to read
    }

    @Override
    public void save() {
      // nothing to write: JGit records what it learns about the file system here
    }

    @Override
    public boolean isOutdated() {
      return false;
    }
  }
}
