package dev.atlasendpoints.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scanning helpers agree with java.net.URI on the URLs Feign builds. */
class UrlsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "https://cloud.mongodb.com/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/privateEndpoint/endpointService",
      "http://127.0.0.1:8080/api/atlas/v1.0/groups/abc/privateEndpoint?envelope=true&pretty=false",
      "http://[::1]:9000/prefix/api/x?a=b%20c",
      "https://cloud.mongodb.com"})
  void originAndTarget_matchJavaNetUri(String url) {
    URI uri = URI.create(url);
    String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();

    assertThat(Urls.origin(url)).isEqualTo(uri.getScheme() + "://" + uri.getRawAuthority());
    assertThat(Urls.requestTarget(url)).isEqualTo(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://h/p?envelope=true", "http://h/p?pretty=true&envelope=TRUE"})
  void envelopeRequested(String url) {
    assertThat(Urls.hasQueryParameter(url, "envelope", "true")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://h/p", "http://h/p?envelope=false", "http://h/p?xenvelope=true", "http://h/envelope=true"})
  void envelopeNotRequested(String url) {
    assertThat(Urls.hasQueryParameter(url, "envelope", "true")).isFalse();
  }
}
