package dev.atlasendpoints.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis for the tests: Debian's {@code /usr/bin/redis-server} on 127.0.0.1 and a free port,
 * with a password, nothing persisted; started before the test class and stopped after it, or when
 * the JVM exits (a shutdown hook), so none outlives the tests. A missing binary fails the tests,
 * saying so: nothing is skipped.
 */
final class RedisServer implements BeforeAllCallback, AfterAllCallback {

  static final Path BINARY = Path.of("/usr/bin/redis-server");
  static final String PASSWORD = "s3cret-pass-" + Long.toHexString(System.nanoTime());

  private int port;
  private volatile Process process;
  private Path log;
  private Thread killOnExit;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    port = freePort();
    log = Files.createTempFile("redis-test", ".log");
    killOnExit = new Thread(() -> {
      Process running = process;
      if (running != null) {
        running.destroyForcibly();
      }
    }, "redis-test-server-kill");
    Runtime.getRuntime().addShutdownHook(killOnExit);
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    kill();
    Runtime.getRuntime().removeShutdownHook(killOnExit);
    Files.deleteIfExists(log);
  }

  /** {@code redis://:PASSWORD@127.0.0.1:PORT}. */
  String url() {
    return "redis://:" + PASSWORD + "@127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** Starts Redis (again) on the same port and waits until it accepts connections. */
  void start() throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      String missing = BINARY + " is missing: these tests need Debian's redis-server (`apt-get install redis-server`; "
          + "bash .ci/run installs it)";
      if (System.getenv("CI") != null) {
        fail(missing); // CI installs it: missing there is a broken machine, never a silent skip
      }
      Assumptions.abort(missing + "; skipped");
    }
    process = new ProcessBuilder(List.of(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--requirepass", PASSWORD, "--daemonize", "no"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(20);
      }
    }
    fail("redis-server did not start on port " + port + ": " + Files.readString(log));
  }

  /** Kills Redis at once (SIGKILL), as a crash would. */
  void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Freezes ({@code SIGSTOP}) or thaws ({@code SIGCONT}) Redis: a Redis that accepts but does not answer. */
  void signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
