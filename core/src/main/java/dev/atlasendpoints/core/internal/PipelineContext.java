package dev.atlasendpoints.core.internal;

import dev.atlasendpoints.core.AtlasCall;
import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.core.LayerContext;
import feign.Request;

/** The context every layer of one client shares. */
record PipelineContext(ClientEventListener events) implements LayerContext {

  @Override
  public AtlasCall call(Request request) {
    return CallResolver.call(request);
  }
}
