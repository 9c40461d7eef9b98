package dev.atlasendpoints.examples;

import dev.atlasendpoints.core.errors.AtlasApiException;
import dev.atlasendpoints.core.errors.AtlasCommunicationException;
import dev.atlasendpoints.core.errors.AtlasInvalidRequestException;
import dev.atlasendpoints.provisioning.AtlasProvisioningFailedException;
import dev.atlasendpoints.provisioning.AtlasWaitTimeoutException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * The one place where a failure of a running command becomes an exit code and text on stderr, so that
 * none prints a stack trace unasked or a secret at all (usage errors keep picocli's own message, and
 * their exit code comes from here too). An expected failure prints its message, written for people;
 * anything else prints its type too, because such a message seldom explains itself. {@code --debug}
 * adds the stack trace to either.
 */
final class FailureReporter implements IExecutionExceptionHandler, IExitCodeExceptionMapper {

  private static final String REDACTED = "****";

  private final BooleanSupplier debug;
  private final Supplier<List<String>> secrets;

  FailureReporter(BooleanSupplier debug, Supplier<List<String>> secrets) {
    this.debug = debug;
    this.secrets = secrets;
  }

  @Override
  public int getExitCode(Throwable failure) {
    if (failure instanceof AtlasWaitTimeoutException) {
      return AtlasCli.WAIT_TIMEOUT;
    }
    if (failure instanceof AtlasApiException || failure instanceof AtlasProvisioningFailedException) {
      return AtlasCli.API_ERROR;
    }
    if (failure instanceof AtlasCommunicationException) {
      return AtlasCli.TRANSPORT_FAILURE;
    }
    // picocli asks this mapper about its own usage errors too, once it is set.
    if (failure instanceof AtlasInvalidRequestException || failure instanceof BadInputException
        || failure instanceof ParameterException) {
      return AtlasCli.BAD_INPUT;
    }
    return AtlasCli.UNEXPECTED_FAILURE;
  }

  @Override
  public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
    return report(failure, commandLine.getErr());
  }

  /**
   * picocli hands the handler Exceptions only. An Error (out of memory, a class missing from the jar)
   * would escape main with the JVM's stack trace and exit code 1, which means "Atlas answered an error".
   */
  IExecutionStrategy reportingErrorsOf(IExecutionStrategy strategy) {
    return parseResult -> {
      try {
        return strategy.execute(parseResult);
      } catch (Error error) {
        return report(error, parseResult.commandSpec().commandLine().getErr());
      }
    };
  }

  private int report(Throwable failure, PrintWriter err) {
    int exitCode = getExitCode(failure);
    boolean withTrace = debug.getAsBoolean();
    String description = exitCode != AtlasCli.UNEXPECTED_FAILURE ? failure.getMessage()
        : "unexpected " + failure.getClass().getSimpleName() + (failure.getMessage() == null ? ""
            : ": " + failure.getMessage()) + (withTrace ? "" : " (rerun with --debug to see the stack trace)");
    err.println(printable("error: " + description));
    if (withTrace) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      trace.toString().lines().map(this::printable).forEach(err::println);
    }
    err.flush();
    return exitCode;
  }

  /**
   * Without line breaks, so that the error stays one line, and without other control characters, so
   * that text from a hostile server cannot drive the terminal; secrets from the environment masked,
   * since an unexpected exception's message or cause could hold anything.
   */
  private String printable(String text) {
    String line = text.replaceAll("[\\p{Cntrl}&&[^\\t]]+", " ");
    for (String secret : secrets.get()) {
      line = line.replace(secret, REDACTED);
    }
    return line;
  }
}
