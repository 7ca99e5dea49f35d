package dev.capstan.testsupport.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.eclipse.jgit.lib.Repository;

/**
 * Git over SSH on {@code 127.0.0.1} with an ephemeral port, built on Apache MINA sshd: public-key
 * authentication only (any user name), a host key generated per server, and the {@code
 * git-upload-pack} / {@code git-receive-pack} commands run by JGit (protocol v2 when the client
 * sends {@code GIT_PROTOCOL=version=2}).
 *
 * <p>Give clients {@link #knownHostsLine()} so that they can verify the host key. {@link #stop()}
 * and {@link #start()} close and reopen the listening socket on the same port with the same host
 * key. Thread-safety: all methods may be called from any thread.
 */
public final class GitSshServer implements AutoCloseable {

  private final Function<String, Optional<Repository>> repositories;
  private final List<SshKeyPair> authorizedKeys;
  private final SshKeyPair hostKey = SshKeyPair.generate();
  private final List<GitRequest> requests = new CopyOnWriteArrayList<>();
  private final int port;
  private SshServer server;

  private GitSshServer(
      Function<String, Optional<Repository>> repositories, List<SshKeyPair> authorizedKeys) {
    this.repositories = repositories;
    this.authorizedKeys = List.copyOf(authorizedKeys);
    this.server = listen(0);
    this.port = server.getPort();
  }

  static GitSshServer start(
      Function<String, Optional<Repository>> repositories, List<SshKeyPair> authorizedKeys) {
    return new GitSshServer(repositories, authorizedKeys);
  }

  /** The port, stable across {@link #stop()} and {@link #start()}. */
  public int port() {
    return port;
  }

  /** The clone URL, e.g. {@code ssh://git@127.0.0.1:41234/apps.git}. */
  public String url(FixtureRepository repository) {
    return "ssh://git@127.0.0.1:" + port + "/" + repository.name();
  }

  /** The server's host key pair. */
  public SshKeyPair hostKey() {
    return hostKey;
  }

  /**
   * A {@code known_hosts} line for this server: {@code [127.0.0.1]:PORT ecdsa-sha2-nistp256
   * AAAA...}.
   */
  public String knownHostsLine() {
    return "[127.0.0.1]:" + port + " " + hostKey.publicKeyEntry();
  }

  /** Every git command served so far, in completion order. */
  public List<GitRequest> requests() {
    return List.copyOf(requests);
  }

  /** Whether the server is listening. */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Stops listening and drops open sessions. Idempotent. */
  public synchronized void stop() {
    if (server != null) {
      try {
        server.stop(true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stop the SSH server", e);
      } finally {
        server = null;
      }
    }
  }

  /** Listens again on the same port with the same host key. Idempotent. */
  public synchronized void start() {
    if (server == null) {
      server = listen(port);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private SshServer listen(int onPort) {
    SshServer s = SshServer.setUpDefaultServer();
    s.setHost("127.0.0.1");
    s.setPort(onPort);
    KeyPair host = hostKey.keyPair();
    s.setKeyPairProvider(KeyPairProvider.wrap(host));
    s.setPasswordAuthenticator(null);
    s.setKeyboardInteractiveAuthenticator(null);
    s.setPublickeyAuthenticator(
        (username, key, session) ->
            authorizedKeys.stream()
                .anyMatch(k -> KeyUtils.compareKeys(k.keyPair().getPublic(), key)));
    s.setCommandFactory(
        (channel, command) -> GitPackCommand.parse(command, repositories, requests::add));
    try {
      s.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + onPort, e);
    }
    return s;
  }
}
