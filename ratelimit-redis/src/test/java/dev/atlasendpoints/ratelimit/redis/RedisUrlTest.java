package dev.atlasendpoints.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;

/** URLs as operators write them: hosts with underscores, passwords with odd characters, and mistakes. */
class RedisUrlTest {

  @Test
  void aHostWithAnUnderscore_isAHost() {
    RedisUrl url = RedisUrl.parse("redis://:hunter22@redis_1:6380/2");

    assertThat(url.uri().getHost()).isEqualTo("redis_1");
    assertThat(url.uri().getPort()).isEqualTo(6380);
    assertThat(url.uri().getDatabase()).isEqualTo(2);
    assertThat(url).hasToString("redis://***@redis_1:6380/2");
  }

  @Test
  void passwordsWithAtHashOrSlash_areTheirOwn_andNeverShown() {
    for (String password : new String[] {"pa@ss", "pa#ss", "pa/ss@", "p:a:ss"}) {
      RedisUrl url = RedisUrl.parse("rediss://user:" + password + "@example.com");

      RedisURI uri = url.uri();
      assertThat(new String(uri.getCredentialsProvider().resolveCredentials().block().getPassword())).isEqualTo(password);
      assertThat(uri.getHost()).isEqualTo("example.com");
      assertThat(url).hasToString("rediss://***@example.com:6379");
    }
    assertThat(new String(RedisUrl.parse("redis://:p%40ss@h").uri().getCredentialsProvider().resolveCredentials()
        .block().getPassword())).isEqualTo("p@ss");
  }

  @Test
  void severalHostsQueriesAndBadPorts_areRefused_withoutRepeatingTheUrl() {
    for (String bad : new String[] {"redis://:hunter22@h1:1,h2:2", "redis://:hunter22@host:6379?timeout=1s",
        "redis://:hunter22@host:99999", "redis://:hunter22@", "redis://:hunter22%zz@host", "hunter22://host"}) {
      assertThatThrownBy(() -> RedisUrl.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("hunter22").hasNoCause();
    }
  }
}
