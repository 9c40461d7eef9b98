package dev.atlasendpoints.core.hostile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on a raw socket that answers exactly the bytes, pauses and hang-ups a test
 * scripts. One daemon thread per connection; every pause is bounded and {@link #close()} closes the
 * sockets, interrupts the threads and waits for them a bounded time, so it never holds the JVM.
 */
final class ScriptedServer implements AutoCloseable {

  /** Atlas's digest challenge, answered to every request that carries no {@code Authorization}. */
  static final String CHALLENGE = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"MMS Public API\", "
      + "nonce=\"abc\", qop=\"auth\", algorithm=MD5\r\nContent-Length: 0\r\n\r\n";
  private static final long LONGEST_PAUSE_MILLIS = 15_000;
  private static final long JOIN_MILLIS = 2_000;

  /** What the server does with one request. */
  @FunctionalInterface
  interface Script {
    void answer(Received request, Wire wire) throws IOException, InterruptedException;
  }

  /** A request as received; header names in lower case. */
  record Received(String requestLine, Map<String, String> headers, byte[] body) {
    boolean authorized() {
      return headers.containsKey("authorization");
    }
  }

  /** One connection, as a script writes to it. */
  record Wire(Socket socket, OutputStream out) {
    Wire send(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      return this;
    }

    Wire pause(long millis) throws InterruptedException {
      Thread.sleep(Math.min(millis, LONGEST_PAUSE_MILLIS));
      return this;
    }

    /** One character at a time, {@code everyMillis} apart. */
    Wire drip(String text, long everyMillis) throws IOException, InterruptedException {
      for (char c : text.toCharArray()) {
        send(String.valueOf(c)).pause(everyMillis);
      }
      return this;
    }

    /** Whether the client closes the connection within {@code millis} (read to its end, sending nothing). */
    boolean clientHangsUpWithin(long millis) throws IOException {
      socket.setSoTimeout((int) Math.min(millis, LONGEST_PAUSE_MILLIS));
      try {
        return socket.getInputStream().read() < 0;
      } catch (java.net.SocketTimeoutException stillOpen) {
        return false;
      } catch (java.net.SocketException reset) {
        return true;
      }
    }

    void hangUp() throws IOException {
      socket.close();
    }
  }

  private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Received> requests = new CopyOnWriteArrayList<>();
  private volatile Script script;

  /** A server that runs {@code script} on every request, the unauthorized ones included. */
  ScriptedServer(Script script) throws IOException {
    this.script = script;
    daemon("scripted-accept", this::accept);
  }

  /** Challenges requests without credentials; runs {@code hostile} on the authorized ones. */
  static Script afterChallenge(Script hostile) {
    return (request, wire) -> {
      if (request.authorized()) {
        hostile.answer(request, wire);
      } else {
        wire.send(CHALLENGE);
      }
    };
  }

  void script(Script next) {
    this.script = next;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  List<Received> requests() {
    return List.copyOf(requests);
  }

  private void accept() {
    try {
      while (true) {
        Socket socket = listener.accept();
        sockets.add(socket);
        daemon("scripted-connection-" + connections.incrementAndGet(), () -> serve(socket));
      }
    } catch (IOException closed) {
      // close() closed the listener
    }
  }

  private void serve(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream())) {
      Wire wire = new Wire(socket, socket.getOutputStream()); // unbuffered: every send leaves at once
      for (Received request = read(in); request != null && !socket.isClosed(); request = read(in)) {
        requests.add(request);
        script.answer(request, wire);
      }
    } catch (IOException | InterruptedException ended) {
      // the client went away, the script hung up, or close() stopped the server
    } finally {
      sockets.remove(socket);
    }
  }

  private static Received read(InputStream in) throws IOException {
    String requestLine = line(in);
    Map<String, String> headers = new TreeMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    return requestLine == null ? null : new Received(requestLine, headers, in.readNBytes(length));
  }

  /** A line without its CRLF; {@code null} at the end of the stream before any byte. */
  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.length() == 0 ? null : line.toString();
      }
      line.append((char) b);
    }
    return line.toString().strip();
  }

  private void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  @Override
  public void close() {
    closeQuietly(listener);
    sockets.forEach(ScriptedServer::closeQuietly);
    threads.forEach(Thread::interrupt);
    try {
      for (Thread thread : threads) {
        thread.join(JOIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}
