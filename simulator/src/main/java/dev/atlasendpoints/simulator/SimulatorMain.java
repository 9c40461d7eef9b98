package dev.atlasendpoints.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Runs the simulator as a program, for people testing their own applications against it:
 * {@code java -jar atlas-simulator-<version>-standalone.jar --port 8080 --api-key public:private}.
 * Keys given here are test keys for the simulator only.
 */
@Command(name = "atlas-simulator", mixinStandardHelpOptions = true, sortOptions = false,
    description = "A local stand-in for the Atlas Administration API's private-endpoint operations.")
public final class SimulatorMain implements Callable<Integer> {

  private static final Lifecycle DEFAULT_LIFECYCLE = Lifecycle.defaults();

  @Option(names = "--port", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(names = "--api-key", paramLabel = "PUBLIC:PRIVATE[:PROJECT,...]",
      description = "An API key for HTTP Digest, optionally limited to projects. Repeatable.")
  List<String> apiKeys = new ArrayList<>();

  @Option(names = "--service-account", paramLabel = "CLIENT_ID:SECRET",
      description = "A service account for /api/oauth/token. Repeatable.")
  List<String> serviceAccounts = new ArrayList<>();

  @Option(names = "--project", paramLabel = "ID",
      description = "Declare a project; once any is declared, others answer 404. Repeatable.")
  List<String> projects = new ArrayList<>();

  @Option(names = "--digest-algorithms", split = ",", paramLabel = "ALG",
      description = "Algorithms to offer, strongest first: ${COMPLETION-CANDIDATES} (default: MD5).")
  List<DigestAlgorithm> algorithms = List.of(DigestAlgorithm.MD5);

  @Option(names = "--rate-limit", paramLabel = "CAPACITY/REFILL/SECONDS",
      description = "The v2 token bucket per project (default: 4000/4000/60).")
  String rateLimit = "4000/4000/60";

  @Option(names = "--no-rate-limit-headers", description = "Omit RateLimit-* and Retry-After, as the live service may.")
  boolean noRateLimitHeaders;

  @Option(names = "--fault", paramLabel = "KIND:PROBABILITY",
      description = "Inject a fault into every operation with a probability, e.g. SERVICE_UNAVAILABLE:0.1. "
          + "Kinds: LATENCY, INTERNAL_SERVER_ERROR, BAD_GATEWAY, SERVICE_UNAVAILABLE, TOO_MANY_REQUESTS, "
          + "RESET_BEFORE_PROCESSING, CREATED_THEN_DROPPED. Repeatable.")
  List<String> faults = new ArrayList<>();

  @Option(names = "--latency-ms", description = "Delay of LATENCY faults (default: ${DEFAULT-VALUE}).")
  long latencyMillis = 500;

  @Option(names = "--seed", description = "Seed of random faults (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--sunset-enforced", description = "Deprecated operations answer 410 VERSION_GONE.")
  boolean sunsetEnforced;

  @Option(names = "--service-initiating-ms", paramLabel = "MS",
      description = "How long a new endpoint service stays INITIATING (default: ${DEFAULT-VALUE}).")
  long serviceInitiatingMillis = DEFAULT_LIFECYCLE.serviceInitiating().toMillis();

  @Option(names = "--services-wait-for-user",
      description = "Endpoint services end WAITING_FOR_USER instead of AVAILABLE.")
  boolean servicesWaitForUser;

  @Option(names = "--endpoint-pending-ms", paramLabel = "MS",
      description = "How long a new private endpoint stays PENDING_ACCEPTANCE or INITIATING (default: ${DEFAULT-VALUE}).")
  long endpointPendingMillis = DEFAULT_LIFECYCLE.endpointPending().toMillis();

  @Option(names = "--serverless-reservation-requested-ms", paramLabel = "MS",
      description = "How long a new serverless endpoint stays RESERVATION_REQUESTED (default: ${DEFAULT-VALUE}).")
  long serverlessReservationRequestedMillis = DEFAULT_LIFECYCLE.serverlessReservationRequested().toMillis();

  @Option(names = "--serverless-reserved-ms", paramLabel = "MS",
      description = "How long a serverless endpoint then stays RESERVED (default: ${DEFAULT-VALUE}).")
  long serverlessReservedMillis = DEFAULT_LIFECYCLE.serverlessReserved().toMillis();

  @Option(names = "--not-found-window-ms", paramLabel = "MS",
      description = "How long a new resource reads as 404, as eventual consistency shows (default: ${DEFAULT-VALUE}).")
  long notFoundWindowMillis = DEFAULT_LIFECYCLE.notFoundWindow().toMillis();

  /** Runs until the process is stopped. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulatorMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    AtlasSimulator simulator = configure().start();
    System.out.println("Atlas simulator listening on " + simulator.baseUri());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }

  AtlasSimulator.Builder configure() {
    AtlasSimulator.Builder builder = AtlasSimulator.builder().port(port).seed(seed).sunsetEnforced(sunsetEnforced)
        .rateLimitHeaders(!noRateLimitHeaders)
        .digestAlgorithms(algorithms.toArray(DigestAlgorithm[]::new));
    for (String key : apiKeys) {
      String[] parts = split(key, "--api-key", 2, 3);
      builder.apiKey(parts.length == 2 ? ApiKey.of(parts[0], parts[1]) : ApiKey.of(parts[0], parts[1], parts[2].split(",")));
    }
    for (String account : serviceAccounts) {
      String[] parts = split(account, "--service-account", 2, 2);
      builder.serviceAccount(ServiceAccount.of(parts[0], parts[1]));
    }
    projects.forEach(builder::project);
    String[] limit = rateLimit.split("/");
    if (limit.length != 3) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--rate-limit takes CAPACITY/REFILL/SECONDS");
    }
    builder.rateLimit(new RateLimit(Integer.parseInt(limit[0]), Integer.parseInt(limit[1]), Integer.parseInt(limit[2])));
    for (String spec : faults) {
      builder.initialFault(probabilityOf(spec), faultOf(spec));
    }
    return builder.lifecycle(lifecycle());
  }

  private Lifecycle lifecycle() {
    return Lifecycle.builder()
        .serviceInitiating(Duration.ofMillis(serviceInitiatingMillis))
        .serviceReadyStatus(servicesWaitForUser
            ? Lifecycle.ServiceReadyStatus.WAITING_FOR_USER : Lifecycle.ServiceReadyStatus.AVAILABLE)
        .endpointPending(Duration.ofMillis(endpointPendingMillis))
        .serverlessReservationRequested(Duration.ofMillis(serverlessReservationRequestedMillis))
        .serverlessReserved(Duration.ofMillis(serverlessReservedMillis))
        .notFoundWindow(Duration.ofMillis(notFoundWindowMillis))
        .build();
  }

  private Fault faultOf(String spec) {
    Fault.Kind kind = Fault.Kind.valueOf(spec.split(":")[0]);
    boolean answersRetryAfter = kind == Fault.Kind.SERVICE_UNAVAILABLE || kind == Fault.Kind.TOO_MANY_REQUESTS;
    return new Fault(kind, Duration.ofMillis(latencyMillis), answersRetryAfter ? 1 : -1);
  }

  private double probabilityOf(String spec) {
    String[] parts = spec.split(":");
    if (parts.length != 2) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--fault takes KIND:PROBABILITY: " + spec);
    }
    return Double.parseDouble(parts[1]);
  }

  private String[] split(String value, String option, int min, int max) {
    String[] parts = value.split(":", max);
    if (parts.length < min) {
      throw new CommandLine.ParameterException(new CommandLine(this), option + " is malformed (the value is not shown)");
    }
    return parts;
  }
}
