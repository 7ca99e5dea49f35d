package dev.capstan.engine.cluster;

/**
 * The root of the failures of the engine's cluster-facing packages ({@code cluster}, {@code diff},
 * {@code sync}). Every subtype says whether retrying later can help: {@link #isTransient()} true
 * means back off and retry (the server was unreachable, a CRD is not established yet), false means
 * the input must change first.
 */
public abstract sealed class ClusterException extends RuntimeException
    permits UnknownKindException, ClusterAccessException, ResourceOperationException {

  protected ClusterException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when the same request may succeed later without any change to the input. */
  public abstract boolean isTransient();
}
