package dev.capstan.engine.source.internal;

import dev.capstan.engine.source.GitCredentials;
import dev.capstan.engine.source.InvalidSourceException;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * Applies {@link GitCredentials} to a JGit transport, for one git operation.
 *
 * <p>SSH is isolated from the process's {@code ~/.ssh}: no config file, no default identities, no
 * default {@code known_hosts}, only the key and {@code known_hosts} of the credentials (anonymous
 * SSH offers no key and trusts no host). HTTP basic credentials go through a JGit {@link
 * CredentialsProvider}; a bearer token is sent as an {@code Authorization} header.
 *
 * <p>Not thread-safe; use one instance per operation and {@link #close()} it afterwards (it owns an
 * SSH client and a temporary {@code known_hosts} file).
 */
public final class CredentialsTransport implements TransportConfigCallback, AutoCloseable {

  private final GitCredentials credentials;
  private final Path scratchRoot;
  private final String redactedUrl;
  private SshdSessionFactory sshFactory;
  private Path scratch;

  /**
   * @param credentials what to authenticate with
   * @param scratchRoot a directory for per-operation files (an SSH home without keys or config)
   * @param redactedUrl the URL for error messages
   */
  public CredentialsTransport(GitCredentials credentials, Path scratchRoot, String redactedUrl) {
    this.credentials = credentials;
    this.scratchRoot = scratchRoot;
    this.redactedUrl = redactedUrl;
  }

  /** The credentials provider for JGit commands ({@code setCredentialsProvider}), if any. */
  public Optional<CredentialsProvider> credentialsProvider() {
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
    if (transport instanceof SshTransport ssh) {
      ssh.setSshSessionFactory(sshFactory());
    }
  }

  private SshdSessionFactory sshFactory() {
    if (sshFactory != null) {
      return sshFactory;
    }
    try {
      scratch = Files.createDirectories(scratchRoot.resolve("ssh-" + UUID.randomUUID()));
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
      File home = scratch.toFile();
      SshdSessionFactoryBuilder builder =
          new SshdSessionFactoryBuilder()
              .setHomeDirectory(home)
              .setSshDirectory(home)
              .setConfigStoreFactory((h, config, user) -> null)
              .setDefaultIdentities(dir -> List.of())
              .setDefaultKeysProvider(dir -> keys)
              .setDefaultKnownHostsFiles(dir -> List.of(knownHostsFile))
              .setPreferredAuthentications("publickey");
      if (insecure) {
        builder.setServerKeyDatabase((h, s) -> new AcceptAnyHostKey());
      }
      sshFactory = builder.build(new JGitKeyCache());
      return sshFactory;
    } catch (IOException e) {
      throw new InvalidSourceException(
          "ssh", redactedUrl, "invalid-key", "cannot prepare the SSH client", null);
    }
  }

  private List<KeyPair> loadKeys(GitCredentials.SshKey key) {
    FilePasswordProvider passwords =
        key.passphrase().map(FilePasswordProvider::of).orElse(FilePasswordProvider.EMPTY);
    try {
      List<KeyPair> loaded = new ArrayList<>();
      Iterable<KeyPair> pairs =
          SecurityUtils.loadKeyPairIdentities(
              null,
              NamedResource.ofName("ssh private key"),
              new ByteArrayInputStream(key.privateKey().getBytes(StandardCharsets.UTF_8)),
              passwords);
      if (pairs != null) {
        pairs.forEach(loaded::add);
      }
      if (loaded.isEmpty()) {
        throw new InvalidSourceException(
            "ssh",
            redactedUrl,
            "invalid-key",
            "the SSH private key is not in OpenSSH or PEM format",
            null);
      }
      return loaded;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      if (e instanceof InvalidSourceException invalid) {
        throw invalid;
      }
      // The parser's message may quote key material: report only the kind of failure.
      throw new InvalidSourceException(
          "ssh",
          redactedUrl,
          "invalid-key",
          "the SSH private key cannot be read ("
              + e.getClass().getSimpleName()
              + (key.passphrase().isEmpty() ? "; is it encrypted without a passphrase?" : "")
              + ")",
          null);
    }
  }

  @Override
  public void close() {
    if (sshFactory != null) {
      sshFactory.close();
      sshFactory = null;
    }
    if (scratch != null) {
      FileTrees.deleteQuietly(scratch);
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
