package dev.atlasendpoints.examples;

/**
 * The user's input (an option or an environment variable) is wrong, found before anything was sent:
 * exit code 2. A type of the CLI's own, so that an IllegalArgumentException from a bug is not
 * mistaken for the user's mistake.
 */
final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }

  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
