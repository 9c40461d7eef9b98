package dev.atlasendpoints.core.internal.auth;

import dev.atlasendpoints.core.LayerContext;
import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.internal.Requests;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;

/**
 * Service-account authentication as a client decorator: each request carries the shared bearer
 * token. A 401 is answered once: the rejected token is revoked and replaced, and the request sent
 * again (safe, since a 401 means nothing was done). A 401 to that fresh token is a rights problem,
 * not a bad token (Atlas answers 401 when the account may not act on the project): the call ends
 * with Atlas's answer, and later 401s for that project with that token end at once.
 */
public final class BearerAuthentication implements Client, AutoCloseable {

  private final Client next;
  private final ServiceAccountTokens tokens;
  private final LayerContext context;

  public BearerAuthentication(Client next, ServiceAccountTokens tokens, LayerContext context) {
    this.next = next;
    this.tokens = tokens;
    this.context = context;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    String token = tokens.token();
    Response response = next.execute(withBearer(request, token), options);
    if (response.status() != 401) {
      return response;
    }
    String projectId = context.call(request).projectId();
    if (tokens.isDenied(token, projectId)) {
      return response;
    }
    Responses.discard(response);
    tokens.reject(token);
    String fresh = tokens.token();
    Response retried = next.execute(withBearer(request, fresh), options);
    if (retried.status() == 401) {
      tokens.deny(fresh, projectId);
    }
    return retried;
  }

  private static Request withBearer(Request request, String token) {
    return Requests.withHeader(request, "Authorization", "Bearer " + token);
  }

  @Override
  public void close() {
    tokens.close();
  }
}
