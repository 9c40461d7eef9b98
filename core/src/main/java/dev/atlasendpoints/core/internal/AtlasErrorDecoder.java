package dev.atlasendpoints.core.internal;

import feign.Response;
import feign.codec.ErrorDecoder;

/** Feign's hook for non-2xx answers: every one becomes an {@code AtlasApiException}. */
final class AtlasErrorDecoder implements ErrorDecoder {

  private final ErrorAnswers answers;

  AtlasErrorDecoder(ErrorAnswers answers) {
    this.answers = answers;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    String operationId = CallResolver.operation(response.request()).operationId();
    return answers.toException(operationId, response);
  }
}
