package dev.atlasendpoints.provisioning;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.errors.AtlasNotFoundException;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.CreateAWSEndpointRequest;
import dev.atlasendpoints.generated.model.CreateAzureEndpointRequest;
import dev.atlasendpoints.generated.model.CreateEndpointRequest;
import dev.atlasendpoints.generated.model.CreateGCPEndpointGroupRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.generated.model.PrivateEndpointConnection;
import dev.atlasendpoints.generated.model.PrivateEndpointConnectionRequest;
import dev.atlasendpoints.generated.model.PrivateLinkEndpoint;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Exactly-once creates and waiting until a resource is usable, through an {@link AtlasClient} (so
 * its retries, rate limiting and metrics apply to every call). Thread-safe.
 *
 * <ul>
 *   <li>{@code ensure*}: read first; create when absent; adopt what exists (a 409 included); after an
 *       ambiguous outcome (lost answer, timeout, 5xx) read back, then adopt or create again. Out of
 *       {@code maxCreateAttempts}, the last failure (typed) reaches the caller, after one more read
 *       when the last create may have acted.
 *   <li>{@code awaitAvailable}: poll with backoff and jitter until the contract's done states; typed
 *       failures for FAILED/REJECTED ({@link AtlasProvisioningFailedException}) and for the time
 *       running out ({@link AtlasWaitTimeoutException}); an interrupt cancels.
 * </ul>
 */
public final class Provisioner {

  private static final Consumer<StateChange> NO_PROGRESS = change -> {};

  private final PrivateEndpointServicesApi services;
  private final ServerlessPrivateEndpointsApi serverless;
  private final ProvisioningSettings settings;
  private final Sleeper sleeper;
  private final ProvisioningListener listener;
  private final Waiter waiter;
  private final Clock clock;

  private Provisioner(Builder builder) {
    AtlasClient client = builder.client;
    this.services = client.api(PrivateEndpointServicesApi.class);
    this.serverless = client.api(ServerlessPrivateEndpointsApi.class);
    this.settings = builder.settings;
    this.sleeper = builder.sleeper;
    this.listener = builder.listener;
    this.clock = builder.clock;
    this.waiter = new Waiter(new StateReader(client)::read, settings, builder.clock, sleeper, builder.random,
        listener);
  }

  /** With the default settings, the system clock and real sleeps. */
  public static Provisioner of(AtlasClient client) {
    return builder(client).build();
  }

  public static Builder builder(AtlasClient client) {
    return new Builder(client);
  }

  // ----- Endpoint services: provider + region is the natural key.

  public Ensured<EndpointService> ensureEndpointService(String project, CloudProvider provider, String region) {
    return ensureEndpointService(project, new CloudProviderEndpointServiceRequest().providerName(provider)
        .region(region));
  }

  /** As {@link #ensureEndpointService(String, CloudProvider, String)}, with the request's other fields. */
  public Ensured<EndpointService> ensureEndpointService(String project, CloudProviderEndpointServiceRequest request) {
    CloudProvider provider = request.getProviderName();
    String region = request.getRegion();
    Supplier<Optional<EndpointService>> find = () -> services.listPrivateEndpointService(project, provider).stream().filter(s -> RegionKey.same(region, s.getRegionName())).findFirst();
    return reconcile(find, () -> services.createPrivateEndpointService(project, request),
        s -> new ResourceRef.EndpointService(project, provider, s.getId()), true,
        provider + " endpoint service in " + region + " of project " + project);
  }

  public Ensured<EndpointService> ensureEndpointServiceAvailable(String project, CloudProvider provider,
      String region, Duration timeout, Consumer<StateChange> progress) {
    Ensured<EndpointService> ensured = ensureEndpointService(project, provider, region);
    return ensured(ensured, (EndpointService) awaitAvailable(ensured.ref(), timeout, progress).body());
  }

  // ----- Endpoints: the id the client chose (AWS vpce-…, Azure resource id, GCP group name) is the key.

  public Ensured<PrivateLinkEndpoint> ensureEndpoint(String project, CloudProvider provider, String serviceId,
      CreateEndpointRequest request) {
    ResourceRef.Endpoint ref = new ResourceRef.Endpoint(project, provider, serviceId, endpointIdOf(request));
    Supplier<Optional<PrivateLinkEndpoint>> find = () -> {
      try {
        return Optional.of(services.getPrivateEndpoint(project, provider, serviceId, ref.endpointId()));
      } catch (AtlasNotFoundException absent) {
        return Optional.empty();
      }
    };
    return reconcile(find, () -> services.createPrivateEndpoint(project, provider, serviceId, request),
        endpoint -> ref, true, provider + " endpoint " + ref.endpointId() + " of service " + serviceId);
  }

  public Ensured<PrivateLinkEndpoint> ensureEndpointAvailable(String project, CloudProvider provider,
      String serviceId, CreateEndpointRequest request, Duration timeout, Consumer<StateChange> progress) {
    Ensured<PrivateLinkEndpoint> ensured = ensureEndpoint(project, provider, serviceId, request);
    return ensured(ensured, (PrivateLinkEndpoint) awaitAvailable(ensured.ref(), timeout, progress).body());
  }

  // ----- No client-chosen id: resolved by listing before and after (see NewSinceFirstLook for the limit).

  /**
   * A serverless instance's endpoint (deprecated API). It has no client-chosen id: an ambiguous
   * create is resolved by listing the instance's endpoints before and after and taking a new one with
   * the same comment (give each a unique comment). Limit: another creator on the same instance at
   * the same moment, with the same comment, could be mistaken for this one. Never ADOPTED.
   */
  @SuppressWarnings("deprecation")
  public Ensured<ServerlessTenantEndpoint> ensureServerlessEndpoint(String project, String instance, String comment) {
    Supplier<Optional<ServerlessTenantEndpoint>> find = new NewSinceFirstLook<>(
        () -> serverless.listServerlessPrivateEndpoint(project, instance), ServerlessTenantEndpoint::getId,
        e -> Objects.equals(comment, e.getComment()));
    return reconcile(find, () -> serverless.createServerlessPrivateEndpoint(project, instance,
            new ServerlessTenantCreateRequest().comment(comment)),
        e -> new ResourceRef.ServerlessEndpoint(project, instance, e.getId()), false,
        "serverless endpoint with comment '" + comment + "' on instance " + instance + " of project " + project);
  }

  /**
   * A legacy v1.0 AWS connection (deprecated API), resolved by listing before and after (its answers
   * do not name the region). Limit: a connection another creator makes in the same project at the
   * same moment could be mistaken for this one. A 409 that did not follow an ambiguous create of its
   * own reaches the caller. Never ADOPTED.
   */
  @SuppressWarnings("deprecation")
  public Ensured<PrivateEndpointConnection> ensureConnection(String project, String region) {
    PrivateEndpointConnectionRequest request = new PrivateEndpointConnectionRequest()
        .providerName(PrivateEndpointConnectionRequest.ProviderNameEnum.AWS)
        .region(connectionRegion(region));
    Supplier<Optional<PrivateEndpointConnection>> find = new NewSinceFirstLook<>(
        () -> services.listPrivateEndpointConnections(project), PrivateEndpointConnection::getId,
        c -> true);
    return reconcile(find, () -> services.createPrivateEndpointConnection(project, request),
        c -> new ResourceRef.Connection(project, c.getId()), false,
        "AWS private endpoint connection in " + region + " of project " + project);
  }

  /**
   * The legacy connection's region, written {@code us-east-1} or {@code US_EAST_1}.
   *
   * @throws IllegalArgumentException naming the region when Atlas does not know it
   */
  public static PrivateEndpointConnectionRequest.RegionEnum connectionRegion(String region) {
    Objects.requireNonNull(region, "region");
    String value = region.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    for (PrivateEndpointConnectionRequest.RegionEnum known : PrivateEndpointConnectionRequest.RegionEnum.values()) {
      if (known.getValue().equals(value)) {
        return known;
      }
    }
    throw new IllegalArgumentException("unknown AWS region for a private endpoint connection: '" + region + "'");
  }

  // ----- Waiting.

  /** Polls until the resource is usable; see the class comment for how it ends. */
  public ResourceState awaitAvailable(ResourceRef resource, Duration timeout) {
    return awaitAvailable(resource, timeout, NO_PROGRESS);
  }

  /** As {@link #awaitAvailable(ResourceRef, Duration)}, telling {@code progress} each status change. */
  public ResourceState awaitAvailable(ResourceRef resource, Duration timeout, Consumer<StateChange> progress) {
    return waiter.await(resource, timeout, progress);
  }

  /**
   * As {@link #awaitAvailable(ResourceRef, Duration, Consumer)} on a thread of its own; cancelling the
   * future interrupts that thread, which ends the wait.
   */
  public CompletableFuture<ResourceState> awaitAvailableAsync(ResourceRef resource, Duration timeout,
      Consumer<StateChange> progress) {
    return InterruptibleFuture.run(() -> awaitAvailable(resource, timeout, progress));
  }

  private <T> Ensured<T> reconcile(Supplier<Optional<T>> find, Supplier<T> create,
      Function<T, ResourceRef> refOf, boolean findSeesExisting, String requested) {
    return new CreateReconciler<>(find, create, refOf, settings, sleeper, listener, findSeesExisting, clock,
        requested).ensure();
  }

  private static <T> Ensured<T> ensured(Ensured<T> ensured, T available) {
    return new Ensured<>(available, ensured.outcome(), ensured.ref());
  }

  private static String endpointIdOf(CreateEndpointRequest request) {
    if (request instanceof CreateAWSEndpointRequest aws) {
      return aws.getId();
    }
    if (request instanceof CreateAzureEndpointRequest azure) {
      return azure.getId();
    }
    if (request instanceof CreateGCPEndpointGroupRequest gcp) {
      return gcp.getEndpointGroupName();
    }
    throw new IllegalArgumentException("an endpoint request of AWS, AZURE or GCP is needed to know its id");
  }

  /** Builds a {@link Provisioner}: settings, and the clock and sleeper a test replaces. */
  public static final class Builder {
    private final AtlasClient client;
    private ProvisioningSettings settings = ProvisioningSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.THREAD_SLEEP;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private ProvisioningListener listener = ProvisioningListener.NONE;

    private Builder(AtlasClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    public Builder settings(ProvisioningSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The clock a wait measures its time with (the simulator's {@code ManualClock} in tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How a wait pauses between reads (one that advances a manual clock in tests). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Where the jitter's random values in [0, 1) come from. */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public Builder listener(ProvisioningListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Provisioner build() {
      return new Provisioner(this);
    }
  }
}
