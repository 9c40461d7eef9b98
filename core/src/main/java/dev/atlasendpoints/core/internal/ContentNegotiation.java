package dev.atlasendpoints.core.internal;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/**
 * Sends each operation's media types exactly as the spec declares them: the generated interfaces
 * list every media type of every answer in {@code Accept} (errors are plain JSON), but Atlas
 * versions v2 resources by {@code Accept}, so it must name the success type alone.
 */
final class ContentNegotiation implements RequestInterceptor {

  private final SpecIndex spec;

  ContentNegotiation(SpecIndex spec) {
    this.spec = spec;
  }

  @Override
  public void apply(RequestTemplate template) {
    if (template.methodMetadata() == null) {
      return;
    }
    String operationId = CallResolver.operationIdOf(template.methodMetadata().method());
    spec.operation(operationId).ifPresent(operation -> {
      if (operation.successMediaType() != null) {
        template.removeHeader("Accept");
        template.header("Accept", operation.successMediaType());
      }
      if (operation.requestMediaType() != null) {
        template.removeHeader("Content-Type");
        template.header("Content-Type", operation.requestMediaType());
      }
    });
  }
}
