package dev.capstan.server.rbac;

/** A policy that cannot be read: the message names the line and why. Terminal. */
public final class RbacException extends RuntimeException {
  public RbacException(String message) {
    super(message);
  }
}
