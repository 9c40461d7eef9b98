package dev.atlasendpoints.core;

import static dev.atlasendpoints.core.Fixtures.PRIVATE_KEY;
import static dev.atlasendpoints.core.Fixtures.PROJECT;
import static dev.atlasendpoints.core.Fixtures.PUBLIC_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** RFC 7616, 3.4.2: a -sess algorithm mixes the cnonce into HA1, so the cnonce is sent even without qop. */
class DigestSessionWithoutQopTest {

  @Test
  void md5Sess_withoutQop_sendsTheCnonceItHashed() throws Exception {
    List<String> authorizations = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization == null) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"r\", nonce=\"n1\", algorithm=MD5-sess");
        exchange.sendResponseHeaders(401, -1);
      } else {
        authorizations.add(authorization);
        byte[] body = "{\"cloudProvider\":\"AWS\",\"id\":\"x\",\"regionName\":\"us-east-1\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.atlas.2023-01-01+json");
        exchange.sendResponseHeaders(201, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    try (AtlasClient client = AtlasClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .apiKey(PUBLIC_KEY, PRIVATE_KEY).build()) {
      client.api(PrivateEndpointServicesApi.class)
          .createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1"));
    } finally {
      server.stop(0);
    }

    String header = authorizations.get(0);
    String cnonce = directive(header, "cnonce");
    String uri = directive(header, "uri");
    String ha1 = md5(md5(PUBLIC_KEY + ":r:" + PRIVATE_KEY) + ":n1:" + cnonce);
    String expected = md5(ha1 + ":n1:" + md5("POST:" + uri));
    assertThat(header).doesNotContain("qop=").contains("algorithm=MD5-sess");
    assertThat(directive(header, "response")).isEqualTo(expected);
  }

  private static String directive(String header, String name) {
    Matcher m = Pattern.compile("[ ,]" + name + "=\"([^\"]*)\"").matcher(header);
    assertThat(m.find()).as(name + " in " + header.replaceAll("response=\"[^\"]*\"", "response=…")).isTrue();
    return m.group(1);
  }

  private static String md5(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
