package dev.capstan.server.auth;

/** Authentication failed; the message is safe to show (it never says which part was wrong). */
public final class AuthException extends RuntimeException {
  public AuthException(String message) {
    super(message);
  }
}
