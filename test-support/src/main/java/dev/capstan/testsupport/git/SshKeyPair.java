package dev.capstan.testsupport.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * An SSH key pair generated for a test (ECDSA P-256), with the private key in OpenSSH format as it
 * would be stored in an Argo CD {@code sshPrivateKey} or a Flux {@code identity} secret key.
 *
 * <p>{@link #toString()} shows only the public key.
 */
public record SshKeyPair(KeyPair keyPair) {

  /** Generates a fresh key pair. */
  public static SshKeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new SshKeyPair(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an EC key pair", e);
    }
  }

  /** The private key as {@code -----BEGIN OPENSSH PRIVATE KEY-----} text, unencrypted. */
  public String privateKeyOpenSsh() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, "capstan-test", null, out);
      return out.toString(StandardCharsets.US_ASCII);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode the private key", e);
    }
  }

  /**
   * The public key as an {@code authorized_keys} line, e.g. {@code ecdsa-sha2-nistp256 AAAA...}.
   */
  public String publicKeyEntry() {
    return PublicKeyEntry.toString(keyPair.getPublic());
  }

  @Override
  public String toString() {
    return "SshKeyPair[" + publicKeyEntry() + "]";
  }
}
