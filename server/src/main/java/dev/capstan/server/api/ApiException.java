package dev.capstan.server.api;

/**
 * An API error, rendered as Argo CD renders gRPC errors over HTTP: {@code {"error": message,
 * "code": grpcCode, "message": message}} with the matching HTTP status. The message is safe to
 * show: no stack trace, no secret.
 */
public final class ApiException extends RuntimeException {
  private final int httpStatus;
  private final int grpcCode;

  public ApiException(int httpStatus, int grpcCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.grpcCode = grpcCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int grpcCode() {
    return grpcCode;
  }

  public static ApiException invalid(String message) {
    return new ApiException(400, 3, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, 5, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, 10, message);
  }

  public static ApiException forbidden() {
    return new ApiException(403, 7, "permission denied");
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, 7, message);
  }

  public static ApiException tooMany(String message) {
    return new ApiException(429, 8, message);
  }

  public static ApiException precondition(String message) {
    return new ApiException(400, 9, message);
  }

  public static ApiException unauthenticated(String message) {
    return new ApiException(401, 16, message);
  }

  public static ApiException unavailable(String message) {
    return new ApiException(503, 14, message);
  }
}
