package dev.atlasendpoints.core.internal;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Reads the body of one exchange into memory, up to a bound: a larger one (declared or as it arrives)
 * is refused and the exchange cancelled, which closes its connection, and {@code send} fails with
 * {@link ResponseTooLargeException} in its causes. One handler per exchange: {@link #body()} once
 * {@code send} has returned. A body that stalls or drips is ended by the transport's
 * {@link CallWatchdog}, which bounds the whole exchange, body included.
 *
 * <p>The chunks arrive through the JDK's own {@code BodySubscribers.ofByteArrayConsumer}, not through
 * a subscriber of ours, for throughput: the JDK hands the {@code getBody()} of a subscriber it did not
 * write to the client's executor (one more thread woken per exchange, on a machine whose cores the
 * server shares), and completes its own inline. Measured with {@code ThroughputSplit}
 * ({@code floor-own-subscriber}: the floor with a subscriber of its own that only delegates to the
 * JDK's, 0.90 of the floor at 64 callers and 30 µs more CPU per call). The bound is enforced by
 * throwing from the consumer: the JDK's body parsers treat that as the body's failure, cancel the
 * exchange and close its connection (the oversized-body tests in {@code HostileServerTest} fail if
 * that stops being so). The chunk that passes the bound has been copied once by the JDK before it is
 * refused: at most one read buffer beyond the bound. A declared length over the bound is refused
 * before any chunk is read, by a subscriber of ours (the executor's hop does not matter there).
 */
final class BoundedBodyHandler implements HttpResponse.BodyHandler<Void>, Consumer<Optional<byte[]>> {

  private static final byte[] EMPTY = new byte[0];

  private final long maxBytes;
  /** Written by the JDK's threads; read by the caller once {@code send} returned (which orders them). */
  private int status;
  private byte[] bytes = EMPTY;
  private int size;

  BoundedBodyHandler(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
    status = info.statusCode();
    size = 0; // one body per send; should the JDK ever ask twice, the second does not mix with the first
    bytes = EMPTY;
    // A Content-Length that is not a number never gets here: the JDK refuses it first, and JdkTransport
    // types what it throws. A negative one does, and would leave the JDK's parser waiting for ever.
    OptionalLong declared = info.headers().firstValueAsLong("content-length");
    if (declared.isPresent() && declared.getAsLong() < 0) {
      return new Refusing(new java.net.ProtocolException("the answer's Content-Length is negative"));
    }
    if (declared.isPresent() && declared.getAsLong() > maxBytes) {
      return new Refusing(new ResponseTooLargeException(status, maxBytes));
    }
    return HttpResponse.BodySubscribers.ofByteArrayConsumer(this);
  }

  /** One chunk of the body, in order; empty at its end. */
  @Override
  public void accept(Optional<byte[]> chunk) {
    if (chunk.isEmpty()) {
      return;
    }
    byte[] piece = chunk.get();
    if ((long) size + piece.length > maxBytes) {
      throw new UncheckedIOException(new ResponseTooLargeException(status, maxBytes));
    }
    if (size == 0) {
      bytes = piece; // most answers come in one chunk: kept as the JDK copied it, no second copy
    } else {
      if (size + piece.length > bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(size + piece.length, bytes.length * 2L)));
      }
      System.arraycopy(piece, 0, bytes, size, piece.length);
    }
    size += piece.length;
  }

  /** The whole body; once {@code send} has returned. */
  byte[] body() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  /** Cancels the exchange as soon as it is subscribed, failing with {@code why}. */
  private static final class Refusing implements HttpResponse.BodySubscriber<Void> {
    private final CompletableFuture<Void> body = new CompletableFuture<>();
    private final java.io.IOException why;

    Refusing(java.io.IOException why) {
      this.why = why;
    }

    @Override
    public CompletionStage<Void> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
      body.completeExceptionally(why);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      // cancelled on subscription: nothing is asked for
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.completeExceptionally(why);
    }
  }
}
