package dev.atlasendpoints.core.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer's body into memory, up to a bound: a larger one (declared or as it arrives) is
 * cancelled at once, before the next chunk is buffered, and fails with {@link ResponseTooLargeException}.
 * A body that stalls or drips is ended by the transport's {@link CallWatchdog}, which bounds the whole
 * exchange, body included.
 */
record BoundedBodyHandler(long maxBytes) implements HttpResponse.BodyHandler<byte[]> {

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    OptionalLong declared = info.headers().firstValueAsLong("content-length");
    return new Subscriber(info.statusCode(), declared.isPresent() && declared.getAsLong() > maxBytes);
  }

  private final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int status;
    private final boolean declaredTooLarge;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private byte[] bytes = new byte[0];
    private int size;

    Subscriber(int status, boolean declaredTooLarge) {
      this.status = status;
      this.declaredTooLarge = declaredTooLarge;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declaredTooLarge) {
        refuse();
        return;
      }
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (body.isDone()) {
          return;
        }
        int length = buffer.remaining();
        if ((long) size + length > maxBytes) {
          refuse();
          return;
        }
        if (size + length > bytes.length) {
          bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(size + length, bytes.length * 2L)));
        }
        buffer.get(bytes, size, length);
        size += length;
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.complete(size == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, size));
    }

    private void refuse() {
      subscription.cancel();
      body.completeExceptionally(new ResponseTooLargeException(status, maxBytes));
    }
  }
}
