package dev.capstan.cli.client;

/**
 * The Capstan server refused a request or could not be reached; the message is one line for the
 * user and holds no token.
 */
public final class ServerException extends RuntimeException {
  private final int status;
  private final String serverMessage;

  public ServerException(int status, String message) {
    this(status, message, message);
  }

  /** With the server's own message, when {@code message} adds advice around it. */
  public ServerException(int status, String message, String serverMessage) {
    super(message);
    this.status = status;
    this.serverMessage = serverMessage;
  }

  /** The server's message alone. */
  public String serverMessage() {
    return serverMessage;
  }

  /** The HTTP status; 0 when the server gave no answer. */
  public int status() {
    return status;
  }
}
