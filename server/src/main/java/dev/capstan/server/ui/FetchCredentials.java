package dev.capstan.server.ui;

import dev.capstan.engine.source.GitCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Applies {@link GitCredentials} to one JGit fetch of the revision metadata endpoint, as the
 * engine's git source does: HTTP basic credentials through a {@link CredentialsProvider}, a bearer
 * token as an {@code Authorization} header, and for SSH only the Secret's key and the configured
 * {@code known_hosts} (never the process's {@code ~/.ssh}; anonymous SSH offers no key and trusts
 * no host; Argo CD's {@code insecure: "true"} accepts any host key).
 *
 * <p>{@link #scrub} removes the credentials' secret values and any URL user information from text,
 * for error messages. Not thread-safe: one instance per fetch, closed afterwards (it owns an SSH
 * client and a temporary directory).
 */
final class FetchCredentials implements TransportConfigCallback, AutoCloseable {
  private static final Pattern URL_USERINFO =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");

  private final GitCredentials credentials;
  private final Path scratchRoot;
  private SshdSessionFactory ssh;
  private Path scratch;

  FetchCredentials(GitCredentials credentials, Path scratchRoot) {
    this.credentials = credentials;
    this.scratchRoot = scratchRoot;
  }

  /** The provider for {@code setCredentialsProvider}: basic credentials only. */
  Optional<CredentialsProvider> provider() {
    if (credentials instanceof GitCredentials.Basic basic) {
      return Optional.of(
          new UsernamePasswordCredentialsProvider(basic.username(), basic.password()));
    }
    return Optional.empty();
  }

  @Override
  public void configure(Transport transport) {
    if (transport instanceof TransportHttp http
        && credentials instanceof GitCredentials.BearerToken bearer) {
      http.setAdditionalHeaders(Map.of("Authorization", "Bearer " + bearer.token()));
    }
    if (transport instanceof SshTransport sshTransport) {
      sshTransport.setSshSessionFactory(sshFactory());
    }
  }

  /** {@code text} without the credentials' secrets or any {@code scheme://user:pass@}. */
  String scrub(String text) {
    String out = URL_USERINFO.matcher(text).replaceAll("$1");
    List<String> secrets = new ArrayList<>(credentials.secrets());
    credentials.secrets().forEach(s -> s.lines().map(String::strip).forEach(secrets::add));
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    for (String secret : secrets) {
      if (secret.length() >= 4 && !secret.startsWith("-----")) {
        out = out.replace(secret, "<redacted>");
      }
    }
    return out;
  }

  private SshdSessionFactory sshFactory() {
    if (ssh != null) {
      return ssh;
    }
    try {
      scratch = Files.createTempDirectory(Files.createDirectories(scratchRoot), "ssh-");
      List<KeyPair> keys = new ArrayList<>();
      Optional<String> knownHosts = Optional.empty();
      boolean insecure = false;
      if (credentials instanceof GitCredentials.SshKey key) {
        keys.addAll(loadKeys(key));
        knownHosts = key.knownHosts();
        insecure = key.insecureIgnoreHostKey();
      }
      Path knownHostsFile =
          Files.writeString(scratch.resolve("known_hosts"), knownHosts.orElse("") + "\n");
      SshdSessionFactoryBuilder builder =
          new SshdSessionFactoryBuilder()
              .setHomeDirectory(scratch.toFile())
              .setSshDirectory(scratch.toFile())
              .setConfigStoreFactory((h, config, user) -> null)
              .setDefaultIdentities(dir -> List.of())
              .setDefaultKeysProvider(dir -> keys)
              .setDefaultKnownHostsFiles(dir -> List.of(knownHostsFile))
              .setPreferredAuthentications("publickey");
      if (insecure) {
        builder.setServerKeyDatabase((h, s) -> new AcceptAnyHostKey());
      }
      ssh = builder.build(new JGitKeyCache());
      return ssh;
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare the SSH client: " + e.getMessage());
    }
  }

  private static List<KeyPair> loadKeys(GitCredentials.SshKey key) {
    FilePasswordProvider passwords =
        key.passphrase().map(FilePasswordProvider::of).orElse(FilePasswordProvider.EMPTY);
    List<KeyPair> loaded = new ArrayList<>();
    try {
      Iterable<KeyPair> pairs =
          SecurityUtils.loadKeyPairIdentities(
              null,
              NamedResource.ofName("ssh private key"),
              new ByteArrayInputStream(key.privateKey().getBytes(StandardCharsets.UTF_8)),
              passwords);
      if (pairs != null) {
        pairs.forEach(loaded::add);
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // The parser's message may quote key material: only the kind of failure is reported.
      throw new IllegalStateException(
          "the SSH private key cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (loaded.isEmpty()) {
      throw new IllegalStateException("the SSH private key is not in OpenSSH or PEM format");
    }
    return loaded;
  }

  @Override
  public void close() {
    if (ssh != null) {
      ssh.close();
      ssh = null;
    }
    if (scratch != null) {
      try (Stream<Path> files = Files.walk(scratch)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a left-over temporary directory holds only known_hosts
      }
      scratch = null;
    }
  }

  /** Argo CD's {@code insecure: "true"} for SSH: any host key is accepted. */
  private static final class AcceptAnyHostKey implements ServerKeyDatabase {
    @Override
    public List<PublicKey> lookup(
        String connectAddress, java.net.InetSocketAddress remoteAddress, Configuration config) {
      return List.of();
    }

    @Override
    public boolean accept(
        String connectAddress,
        java.net.InetSocketAddress remoteAddress,
        PublicKey serverKey,
        Configuration config,
        CredentialsProvider provider) {
      return true;
    }
  }
}
