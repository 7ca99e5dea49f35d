package dev.capstan.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * bcrypt hashing of account passwords (cost 10, {@code $2a$}, as Argo CD stores them). Thread-safe.
 */
public final class PasswordHasher {
  private static final int COST = 10;
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  /** The bcrypt hash of {@code password}. */
  public static String hash(String password) {
    return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
  }

  /** Whether {@code password} matches {@code hash}; false for a malformed hash. */
  public static boolean verify(String password, String hash) {
    if (hash == null || hash.isEmpty()) {
      return false;
    }
    return BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }

  /** A random password of {@code length} unambiguous letters and digits. */
  public static String randomPassword(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
