package dev.atlasendpoints.core;

import feign.Request;

/** What the client hands a layer when it wraps: who a request is for, and where to report events. */
public interface LayerContext {

  /**
   * The operation and project of a request passing through the pipeline, as the client resolved
   * them; never {@code null} (a request the client cannot place has {@link AtlasOperation#UNKNOWN}).
   * It is read from {@code request.requestTemplate()}, which every request of one API method
   * shares: layers must treat that template as read-only.
   */
  AtlasCall call(Request request);

  /** Reports to every listener registered on the client builder; never throws. */
  ClientEventListener events();
}
