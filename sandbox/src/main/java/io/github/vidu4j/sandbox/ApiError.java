package io.github.vidu4j.sandbox;

/** An error the sandbox answers with Vidu's error body. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String reason;

  ApiError(int status, String reason, String message) {
    super(message, null, false, false);
    this.status = status;
    this.reason = reason;
  }

  static ApiError taskNotFound(String id) {
    return new ApiError(404, "TaskNotFound", "task not found: " + id);
  }
}
