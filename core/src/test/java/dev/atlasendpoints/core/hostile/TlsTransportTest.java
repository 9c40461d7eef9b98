package dev.atlasendpoints.core.hostile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.hostile.HostileCalls.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default transport over TLS, as Atlas is only reached: calls complete, and the handshake's
 * certificate check (a task the JDK hands to its client's executor, which may take long: a
 * revocation check) runs on a pool's thread, not on the selector thread every exchange of the client
 * waits on (plain-HTTP clients run the executor's tasks inline there).
 */
class TlsTransportTest {

  /** The threads the client's certificate checks ran on. */
  private static final java.util.List<String> CHECKED_ON = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  void callsOverTls_complete_oneAfterAnother(@TempDir Path dir) throws Exception {
    CHECKED_ON.clear();
    SSLContext tls = selfSigned(dir);
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", TlsTransportTest::answer);
    server.start();
    SSLContext previous = SSLContext.getDefault();
    SSLContext.setDefault(tls); // the transport's JDK client takes the default context when it is built
    try (AtlasClient client = AtlasClient.builder()
        .baseUrl("https://127.0.0.1:" + server.getAddress().getPort())
        .apiKey("test-public-key", "test-private-key-5ecret")
        .httpSettings(HostileCalls.settings(Duration.ofSeconds(5))).build()) {
      for (int call = 0; call < 3; call++) { // the first pays the handshake and the challenge; later ones reuse both
        Outcome outcome = HostileCalls.create(client, null);

        assertThat(outcome.thrown()).as("call %d", call).isNull();
        assertThat(outcome.value().getId()).isEqualTo("65a1f2e3d4c5b6a798100001");
      }
      assertThat(CHECKED_ON).isNotEmpty().noneMatch(thread -> thread.contains("SelectorManager"));
    } finally {
      SSLContext.setDefault(previous);
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Digest ")) {
      exchange.getResponseHeaders().add("WWW-Authenticate",
          "Digest realm=\"MMS Public API\", nonce=\"abc\", qop=\"auth\", algorithm=MD5");
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
      return;
    }
    byte[] created = HostileAnswers.SERVICE.getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.atlas.2023-01-01+json");
    exchange.sendResponseHeaders(201, created.length);
    exchange.getResponseBody().write(created);
    exchange.close();
  }

  /** A key and certificate for 127.0.0.1 made by the JDK's keytool, as both sides' context. */
  private static SSLContext selfSigned(Path dir) throws Exception {
    Path store = dir.resolve("tls.p12");
    char[] password = "test-store".toCharArray();
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(password))
        .redirectErrorStream(true).start();
    String said = new String(keytool.getInputStream().readAllBytes(), UTF_8);
    assertThat(keytool.waitFor()).as("keytool: %s", said).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, password);
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, password);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keys);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(),
        new javax.net.ssl.TrustManager[] {recording((X509ExtendedTrustManager) trust.getTrustManagers()[0])}, null);
    return context;
  }

  /** {@code trust}, noting the thread each server certificate is checked on. */
  private static X509ExtendedTrustManager recording(X509ExtendedTrustManager trust) {
    return new X509ExtendedTrustManager() {
      @Override
      public void checkServerTrusted(X509Certificate[] chain, String type, SSLEngine engine) throws CertificateException {
        CHECKED_ON.add(Thread.currentThread().getName());
        trust.checkServerTrusted(chain, type, engine);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String type, Socket socket) throws CertificateException {
        CHECKED_ON.add(Thread.currentThread().getName());
        trust.checkServerTrusted(chain, type, socket);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String type) throws CertificateException {
        CHECKED_ON.add(Thread.currentThread().getName());
        trust.checkServerTrusted(chain, type);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String type, SSLEngine engine) throws CertificateException {
        trust.checkClientTrusted(chain, type, engine);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String type, Socket socket) throws CertificateException {
        trust.checkClientTrusted(chain, type, socket);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String type) throws CertificateException {
        trust.checkClientTrusted(chain, type);
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
      }
    };
  }
}
