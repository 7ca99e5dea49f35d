package dev.capstan.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions escaping a command into a one-line message on stderr and an exit code. A user
 * error never prints a stack trace; set {@code CAPSTAN_DEBUG=1} to see one for a bug.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

  /** Exit code for a user error (bad input, failed operation). */
  static final int USER_ERROR = 1;

  /** Exit code for an unexpected internal error. */
  static final int INTERNAL_ERROR = 70;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    boolean internal = ex instanceof NullPointerException || ex instanceof IllegalStateException;
    cl.getErr().println("Error: " + message);
    if (System.getenv("CAPSTAN_DEBUG") != null) {
      ex.printStackTrace(cl.getErr());
    }
    cl.getErr().flush();
    return internal ? INTERNAL_ERROR : USER_ERROR;
  }
}
