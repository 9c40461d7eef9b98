package dev.atlasendpoints.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application using the Atlas starter: its client comes from {@code atlas.*}
 * properties, with retries, rate limiting, Micrometer meters (scraped at {@code /actuator/prometheus})
 * and observations (spans, with a tracing bridge on the classpath). Run it with credentials in
 * the environment ({@code ATLAS_PUBLIC_KEY}, {@code ATLAS_PRIVATE_KEY}, {@code ATLAS_PROJECT_ID}).
 */
@SpringBootApplication
public class AtlasBootExample {

  public static void main(String[] args) {
    SpringApplication.run(AtlasBootExample.class, args);
  }
}
