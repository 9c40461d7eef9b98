package dev.atlasendpoints.core.internal;

import feign.Headers;
import feign.MethodMetadata;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.RequestTemplate;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything about the request of one generated API method that is the same on every call, worked
 * out once: the HTTP method, the URL as literal pieces and argument slots, the query parameters,
 * the headers (the spec's media types, the {@code User-Agent}), and where the body is.
 *
 * <p>Written by hand rather than left to Feign's {@code RequestTemplate}: Feign copies the template
 * and re-parses and resolves every expression of it on each call, which was about half of the time
 * and allocation of a call on the client. The generated interfaces keep Feign's annotations
 * ({@code @RequestLine}, {@code @Headers}, {@code @Param}); this reads them as Feign does, for the
 * fixed shape our generator gives them: {@code {name}} path segments and {@code name={name}} query
 * pairs, a query pair left out when its argument is {@code null}.
 */
final class RequestPlan {

  /** A literal piece of the URL ({@code index < 0}) or the argument at {@code index}, encoded. */
  private record Piece(String literal, int index) {}

  /** {@code name=} and the argument at {@code index}. */
  private record Query(String prefix, int index) {}

  private final Request.HttpMethod httpMethod;
  private final List<Piece> path;
  private final List<Query> queries;
  private final Map<String, Collection<String>> headers;
  private final int bodyIndex;
  private final int expectedLength;
  /**
   * Shared by every request of this method and never changed: it only tells the pipeline which
   * method a request comes from ({@link CallResolver}).
   */
  private final RequestTemplate origin;

  private RequestPlan(Request.HttpMethod httpMethod, List<Piece> path, List<Query> queries,
      Map<String, Collection<String>> headers, int bodyIndex, RequestTemplate origin) {
    this.httpMethod = httpMethod;
    this.path = path;
    this.queries = queries;
    this.headers = headers;
    this.bodyIndex = bodyIndex;
    this.origin = origin;
    int length = 32;
    for (Piece piece : path) {
      length += piece.literal() == null ? 24 : piece.literal().length();
    }
    this.expectedLength = length + 24 * queries.size();
  }

  /**
   * The plan of a generated method.
   *
   * @param metadata Feign's reading of the method's annotations, which also checked them
   * @param operation the method's operation in the spec, whose media types are sent
   * @param userAgent the {@code User-Agent} every request carries
   */
  static RequestPlan of(String baseUrl, MethodMetadata metadata, SpecOperation operation, String userAgent) {
    Method method = metadata.method();
    refuseWhatIsNotPlanned(metadata);
    String[] requestLine = method.getAnnotation(RequestLine.class).value().trim().split(" ", 2);
    Map<String, Integer> slots = new HashMap<>();
    Parameter[] parameters = method.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      Param param = parameters[i].getAnnotation(Param.class);
      if (param != null) {
        slots.put(param.value(), i);
      }
    }
    String target = requestLine[1].trim();
    int query = target.indexOf('?');
    List<Piece> path = pieces(baseUrl + (query < 0 ? target : target.substring(0, query)), slots, method);
    List<Query> queries = new ArrayList<>();
    if (query >= 0) {
      for (String pair : target.substring(query + 1).split("&")) {
        String[] nameAndValue = pair.split("=", 2);
        String name = nameAndValue[1].substring(1, nameAndValue[1].length() - 1); // {name}
        queries.add(new Query(nameAndValue[0] + "=", slot(slots, name, method)));
      }
    }
    RequestTemplate origin = new RequestTemplate().methodMetadata(metadata);
    return new RequestPlan(Request.HttpMethod.valueOf(requestLine[0]), List.copyOf(path), List.copyOf(queries),
        headers(method, operation, userAgent), metadata.bodyIndex() == null ? -1 : metadata.bodyIndex(), origin);
  }

  /**
   * Fails on the Feign features this plan does not carry out, rather than build a different request
   * than Feign would: the generated interfaces use none of them.
   */
  private static void refuseWhatIsNotPlanned(MethodMetadata metadata) {
    Method method = metadata.method();
    List<String> unsupported = new ArrayList<>();
    if (metadata.template().decodeSlash()) {
      unsupported.add("@RequestLine(decodeSlash = true), the default: set decodeSlash = false");
    }
    if (!metadata.indexToExpanderClass().isEmpty()) {
      unsupported.add("@Param(expander = ...)");
    }
    if (metadata.queryMapIndex() != null) {
      unsupported.add("@QueryMap");
    }
    if (metadata.headerMapIndex() != null) {
      unsupported.add("@HeaderMap");
    }
    if (metadata.urlIndex() != null) {
      unsupported.add("a URI parameter");
    }
    if (metadata.template().bodyTemplate() != null) {
      unsupported.add("@Body templates");
    }
    if (method.getDeclaringClass().isAnnotationPresent(Headers.class)) {
      unsupported.add("@Headers on the interface");
    }
    Headers headers = method.getAnnotation(Headers.class);
    if (headers != null) {
      java.util.Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      for (String header : headers.value()) {
        int colon = header.indexOf(':');
        if (colon < 1) {
          unsupported.add("@Headers value without a name: " + header);
        } else if (!names.add(header.substring(0, colon).trim())) {
          unsupported.add("the header " + header.substring(0, colon).trim() + " listed more than once in @Headers");
        } else if (header.indexOf('{', colon) >= 0) {
          unsupported.add("an expression in the header " + header.substring(0, colon).trim());
        }
      }
    }
    if (!unsupported.isEmpty()) {
      throw new IllegalArgumentException(method + " uses what the client does not carry out: "
          + String.join("; ", unsupported));
    }
  }

  /** The request of one call; {@code body} is the encoded body argument, or {@code null}. */
  Request request(Object[] args, byte[] body) {
    StringBuilder url = new StringBuilder(expectedLength);
    for (Piece piece : path) {
      if (piece.index() < 0) {
        url.append(piece.literal());
      } else if (args[piece.index()] != null) {
        PercentEncoding.append(url, args[piece.index()].toString());
      }
    }
    char separator = '?';
    for (Query query : queries) {
      Object value = args[query.index()];
      if (value != null) {
        url.append(separator).append(query.prefix());
        PercentEncoding.append(url, value.toString());
        separator = '&';
      }
    }
    Map<String, Collection<String>> sent = headers;
    if (body != null) {
      TreeMap<String, Collection<String>> withLength = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      withLength.putAll(headers);
      withLength.put("Content-Length", List.of(Integer.toString(body.length)));
      sent = Collections.unmodifiableMap(withLength);
    }
    return Request.create(httpMethod, url.toString(), sent, body, StandardCharsets.UTF_8, origin);
  }

  /** Where the body argument is; -1 when the method has none. */
  int bodyIndex() {
    return bodyIndex;
  }

  private static List<Piece> pieces(String template, Map<String, Integer> slots, Method method) {
    List<Piece> pieces = new ArrayList<>();
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      if (open < 0) {
        pieces.add(new Piece(template.substring(at), -1));
        break;
      }
      if (open > at) {
        pieces.add(new Piece(template.substring(at, open), -1));
      }
      int close = template.indexOf('}', open);
      pieces.add(new Piece(null, slot(slots, template.substring(open + 1, close), method)));
      at = close + 1;
    }
    return pieces;
  }

  private static int slot(Map<String, Integer> slots, String name, Method method) {
    Integer index = slots.get(name);
    if (index == null) {
      throw new IllegalArgumentException(method + " names {" + name + "} but has no @Param(\"" + name + "\")");
    }
    return index;
  }

  /** The annotation's headers, the spec's media types over them, and the {@code User-Agent}. */
  private static Map<String, Collection<String>> headers(Method method, SpecOperation operation, String userAgent) {
    TreeMap<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Headers annotated = method.getAnnotation(Headers.class);
    if (annotated != null) {
      for (String header : annotated.value()) {
        String[] nameAndValue = header.split(":", 2);
        headers.put(nameAndValue[0].trim(), List.of(nameAndValue[1].trim()));
      }
    }
    // Atlas versions v2 resources by Accept, so it names the success type alone; the generated
    // annotations list every media type of every answer.
    if (operation.successMediaType() != null) {
      headers.put("Accept", List.of(operation.successMediaType()));
    }
    if (operation.requestMediaType() != null) {
      headers.put("Content-Type", List.of(operation.requestMediaType()));
    }
    headers.put("User-Agent", List.of(userAgent));
    return Collections.unmodifiableMap(headers);
  }
}
