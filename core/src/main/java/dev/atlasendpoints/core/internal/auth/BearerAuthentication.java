package dev.atlasendpoints.core.internal.auth;

import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.internal.Requests;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;

/**
 * Service-account authentication as a client decorator: each request carries the shared bearer
 * token; a 401 (a token revoked or expired early) is answered once with a new token, which is safe
 * because a 401 means nothing was done.
 */
public final class BearerAuthentication implements Client, AutoCloseable {

  private final Client delegate;
  private final ServiceAccountTokens tokens;

  public BearerAuthentication(Client delegate, ServiceAccountTokens tokens) {
    this.delegate = delegate;
    this.tokens = tokens;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    String token = tokens.token();
    Response response = delegate.execute(Requests.withHeader(request, "Authorization", "Bearer " + token), options);
    if (response.status() != 401) {
      return response;
    }
    Responses.discard(response);
    tokens.reject(token);
    return delegate.execute(Requests.withHeader(request, "Authorization", "Bearer " + tokens.token()), options);
  }

  @Override
  public void close() {
    tokens.close();
  }
}
