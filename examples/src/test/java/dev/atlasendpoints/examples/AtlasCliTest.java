package dev.atlasendpoints.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.provisioning.ResourceRef;
import dev.atlasendpoints.provisioning.StateChange;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Lifecycle;
import dev.atlasendpoints.simulator.Operation;
import dev.atlasendpoints.simulator.ResourceKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The command-line tool against the simulator: output, exit codes, and secrets kept out of sight. */
class AtlasCliTest {

  private static final String PROJECT = "32b6e34b3d91647abb20e7b8";
  private AtlasSimulator simulator;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    simulator = AtlasSimulator.builder().apiKey(ApiKey.of("cli-public", "cli-secret-value")).start();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private Map<String, String> environment(String baseUrl) {
    return new HashMap<>(Map.of("ATLAS_BASE_URL", baseUrl, "ATLAS_PUBLIC_KEY", "cli-public",
        "ATLAS_PRIVATE_KEY", "cli-secret-value", "ATLAS_PROJECT_ID", PROJECT));
  }

  private int execute(Map<String, String> environment, Object extraSubcommand, String... args) {
    AtlasCli cli = new AtlasCli();
    cli.environment = environment;
    CommandLine commandLine = AtlasCli.commandLine(cli);
    if (extraSubcommand != null) {
      commandLine.addSubcommand(extraSubcommand);
    }
    err.getBuffer().setLength(0);
    return commandLine.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  private int runAgainst(String baseUrl, String... args) {
    return execute(environment(baseUrl), null, args);
  }

  private int run(String... args) {
    return runAgainst(simulator.baseUri().toString(), args);
  }

  /** Runs a subcommand that exists only in this test and fails with {@code failure}. */
  private int runFailingWith(Throwable failure, String... args) {
    return execute(environment(simulator.baseUri().toString()), new Failing(failure), args);
  }

  private List<String> errLines() {
    return err.toString().lines().toList();
  }

  private void assertOneErrorLineAndNoStackTrace() {
    assertThat(errLines()).hasSize(1).allMatch(line -> line.startsWith("error: "));
    assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception in thread");
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The CLI has no honest way to throw an Error or a secret-bearing exception; this stands in for a bug. */
  @Command(name = "fail")
  static final class Failing implements Callable<Integer> {
    private final Throwable failure;

    Failing(Throwable failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      if (failure instanceof Error error) {
        throw error;
      }
      throw (Exception) failure;
    }
  }

  @Test
  void createService_printsTheResourceAsJson() {
    int status = run("create-service", "--provider", "AWS", "--region", "us-east-1");

    assertThat(status).isEqualTo(AtlasCli.OK);
    assertThat(out.toString()).contains("\"cloudProvider\" : \"AWS\"").contains("\"regionName\" : \"US_EAST_1\"");
  }

  @Test
  void everyReadSubcommand_printsWhatExists_asJson() {
    run("create-service", "--provider", "AWS", "--region", "us-east-1");
    String serviceId = simulator.inventory().resources().get(0).id();
    run("create-endpoint", "--provider", "AWS", "--service-id", serviceId, "--id", "vpce-0123456789abcdef0");
    run("create-serverless-endpoint", "--instance", "i1", "--comment", "listed");
    out.getBuffer().setLength(0);

    assertThat(run("get-service", "--provider", "AWS", "--service-id", serviceId)).isZero();
    assertThat(run("list-services", "--provider", "AWS")).isZero();
    assertThat(run("list-services", "--provider", "AZURE")).isZero();
    assertThat(run("get-endpoint", "--provider", "AWS", "--service-id", serviceId, "--endpoint-id",
        "vpce-0123456789abcdef0")).isZero();
    assertThat(run("list-serverless-endpoints", "--instance", "i1")).isZero();

    String printed = out.toString();
    assertThat(printed).contains("\"id\" : \"" + serviceId + "\"").contains("[ ]")
        .contains("\"interfaceEndpointId\" : \"vpce-0123456789abcdef0\"").contains("\"comment\" : \"listed\"");
    assertThat(run("get-service", "--provider", "AWS", "--service-id", "aaaaaaaaaaaaaaaaaaaaaaaa"))
        .isEqualTo(AtlasCli.API_ERROR);
  }

  @Test
  void everyCreateSubcommand_works() {
    run("create-service", "--provider", "GCP", "--region", "us-central1");
    String serviceId = simulator.inventory().resources().get(0).id();

    assertThat(run("create-endpoint", "--provider", "GCP", "--service-id", serviceId, "--endpoint-group", "g1",
        "--gcp-project", "p-fdeeb3e43b8e733e5ab627b1")).isZero();
    assertThat(run("create-connection", "--region", "us-east-2")).isZero();
    assertThat(run("create-serverless-endpoint", "--instance", "i1", "--comment", "from the CLI")).isZero();
    assertThat(run("create-serverless-endpoint", "--instance", "i1", "--v1")).isZero();
    assertThat(simulator.counters().creates()).isEqualTo(5);
  }

  private String createdServiceId() {
    return simulator.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE).get(0).id();
  }

  @Test
  void createWithWait_printsOneProgressLinePerStatusChange_andTheUsableResource_exitsZero() {
    int status = run("create-service", "--provider", "AWS", "--region", "us-east-1", "--wait", "--timeout", "30s");

    assertThat(status).isZero();
    assertThat(errLines()).hasSize(2);
    assertThat(errLines().get(0)).matches("endpoint_service INITIATING after \\d+\\.\\ds");
    assertThat(errLines().get(1)).matches("endpoint_service AVAILABLE after \\d+\\.\\ds");
    assertThat(out.toString()).contains("\"status\" : \"AVAILABLE\"");
  }

  @Test
  void progressOnATerminal_isOneStatusLineRewrittenInPlace_endedOnce() {
    StringWriter terminal = new StringWriter();
    ResourceRef ref = new ResourceRef.Connection(PROJECT, "5df264b8f10fab7d2cad2f0d");
    try (ProgressLine line = new ProgressLine(new PrintWriter(terminal), true)) {
      line.show(new StateChange(ref, null, "INITIATING", Duration.ZERO));
      line.show(new StateChange(ref, "INITIATING", "WAITING_FOR_USER\u001b[2J", Duration.ofMillis(1500)));
    }

    assertThat(terminal.toString()).startsWith("\r\u001b[Kconnection INITIATING after 0.0s")
        .contains("\r\u001b[Kconnection WAITING_FOR_USER [2J after 1.5s").endsWith(System.lineSeparator())
        .doesNotContain("\u001b[2J");
  }

  @Test
  void createWithWait_rejected_exitsOne_withAtlasErrorMessage() {
    run("create-service", "--provider", "AWS", "--region", "us-east-1");
    simulator.lifecycle().fail(ResourceKind.PRIVATE_ENDPOINT, "vpce-0123456789abcdef0", "Rejected by the VPC owner");

    int status = run("create-endpoint", "--provider", "AWS", "--service-id", createdServiceId(), "--id",
        "vpce-0123456789abcdef0", "--wait", "--timeout", "30s");

    assertThat(status).isEqualTo(AtlasCli.API_ERROR);
    assertThat(errLines()).last().asString().isEqualTo("error: endpoint endpointId=vpce-0123456789abcdef0 (serviceId="
        + createdServiceId() + ", AWS, project " + PROJECT + ") ended REJECTED: Rejected by the VPC owner");
  }

  @Test
  void createWithWait_failed_exitsOne_namingTheCreatedServiceId() {
    simulator.lifecycle().failNext(ResourceKind.ENDPOINT_SERVICE, "Capacity exhausted in US_EAST_1");

    int status = run("create-service", "--provider", "AWS", "--region", "us-east-1", "--wait", "--timeout", "30s");

    assertThat(status).isEqualTo(AtlasCli.API_ERROR);
    assertThat(errLines()).last().asString().startsWith("error: endpoint_service serviceId=" + createdServiceId()
        + " (AWS, project " + PROJECT + ") ended FAILED").contains("Capacity exhausted in US_EAST_1");
  }

  @Test
  void createConnection_takesEitherRegionSpelling_andRefusesAnUnknownOne_asBadInput() {
    assertThat(run("create-connection", "--region", "US_EAST_1")).isZero();
    assertThat(out.toString()).contains("\"id\"");

    int status = run("create-connection", "--region", "mars-1");

    assertThat(status).isEqualTo(AtlasCli.BAD_INPUT);
    assertThat(err.toString()).contains("mars-1");
  }

  @Test
  void createWithWait_outOfTime_exitsFour_namingTheLastStatus() {
    simulator.close();
    simulator = AtlasSimulator.builder().apiKey(ApiKey.of("cli-public", "cli-secret-value"))
        .lifecycle(Lifecycle.builder().serviceInitiating(Duration.ofHours(1)).build()).start();

    int status = run("create-service", "--provider", "AWS", "--region", "us-east-1", "--wait", "--timeout", "2s");

    assertThat(status).isEqualTo(AtlasCli.WAIT_TIMEOUT);
    assertThat(errLines()).last().asString().startsWith("error: endpoint_service serviceId=" + createdServiceId()
        + " (AWS, project " + PROJECT + ") not usable after 2.")
        .endsWith("last status seen: INITIATING");
  }

  @Test
  void createWithWait_badTimeout_isBadInput_beforeAnythingIsSent() {
    int status = run("create-service", "--provider", "AWS", "--region", "us-east-1", "--wait", "--timeout", "soon");

    assertThat(status).isEqualTo(AtlasCli.BAD_INPUT);
    assertThat(err.toString()).contains("--timeout");
    assertThat(simulator.counters().requests()).isZero();
  }

  @Test
  void loadExactlyOnce_endpointsFrom16Callers_throughLostAnswers5xxAndResets_allCreatedOnce() {
    // 429s are left out here: the CLI's adaptive rate limiter slows down for them (ProvisioningTargetsTest has them).
    run("create-service", "--provider", "AWS", "--region", "us-east-1");
    simulator.faults().withProbability(0.03, Fault.serviceUnavailable(0))
        .withProbability(0.03, Fault.resetBeforeProcessing())
        .withProbability(0.02, Fault.createdThenDropped());

    int status = run("load", "--operation", "endpoint", "--service-id", createdServiceId(), "--exactly-once",
        "-n", "80", "-c", "16");

    assertThat(status).isZero();
    assertThat(out.toString()).contains("outcomes: {success=80}").contains("created: 80, adopted: 0");
    assertThat(simulator.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT)).hasSize(80)
        .extracting(r -> r.id()).doesNotHaveDuplicates();
  }

  @Test
  void loadEndpoint_withoutServiceId_isBadInput() {
    assertThat(run("load", "--operation", "endpoint")).isEqualTo(AtlasCli.BAD_INPUT);
    assertThat(errLines()).containsExactly("error: --operation endpoint needs --service-id");
  }

  @Test
  void exitCodes_tellApiErrorsBadInputAndTransportFailuresApart() throws Exception {
    run("create-service", "--provider", "AWS", "--region", "us-east-1");

    int conflict = run("create-service", "--provider", "AWS", "--region", "us-east-1");
    String conflictErr = err.toString();
    long requestsBefore = simulator.counters().requests();
    int badInput = run("create-serverless-endpoint", "--instance", "i1", "--comment", "x".repeat(81));
    String badInputErr = err.toString();
    long requestsForBadInput = simulator.counters().requests() - requestsBefore;
    int transport = runAgainst("http://127.0.0.1:" + closedPort(), "create-service", "--provider", "AWS",
        "--region", "x");

    assertThat(conflict).isEqualTo(AtlasCli.API_ERROR);
    assertThat(conflictErr).contains("PRIVATE_ENDPOINT_SERVICE_ALREADY_EXISTS_FOR_REGION");
    assertThat(badInput).isEqualTo(AtlasCli.BAD_INPUT);
    assertThat(badInputErr).startsWith("error: createServerlessPrivateEndpoint was not sent");
    assertThat(requestsForBadInput).isZero();
    assertThat(transport).isEqualTo(AtlasCli.TRANSPORT_FAILURE);
    assertThat(conflictErr + badInputErr + err).doesNotContain("cli-secret-value");
  }

  @Test
  void sharedLimits_aBadUrlIsBadInput_withoutItsPassword_andAnUnreachableRedisFailsNoCall() throws Exception {
    int badUrl = run("load", "-n", "1", "--shared-limits", "http://:hunter22@127.0.0.1:6379");
    List<String> badUrlErr = errLines();
    int unreachable = run("load", "-n", "20", "-c", "4", "--shared-limits",
        "redis://:hunter22@127.0.0.1:" + closedPort());

    assertThat(badUrl).isEqualTo(AtlasCli.BAD_INPUT);
    assertThat(badUrlErr).containsExactly("error: --shared-limits: a Redis URL starts with redis:// or rediss:// "
        + "(its text is not repeated: it may hold a password)");
    assertThat(unreachable).as("Redis unreachable: every call goes out under local limits").isZero();
    assertThat(out.toString()).contains("success=20").doesNotContain("hunter22");
    assertThat(err.toString()).doesNotContain("hunter22");
  }

  @Test
  void sharedLimits_withoutAUrl_readItFromTheEnvironment_soNoPasswordIsInTheProcessList() throws Exception {
    Map<String, String> withUrl = environment(simulator.baseUri().toString());
    withUrl.put(LoadCommand.SHARED_LIMITS_URL, "redis://:hunter22@127.0.0.1:" + closedPort());
    int fromEnvironment = execute(withUrl, null, "load", "-n", "8", "-c", "2", "--shared-limits");
    String fromEnvironmentOut = out.toString();
    withUrl.put(LoadCommand.SHARED_LIMITS_URL, "http://:hunter22@127.0.0.1:6379");
    int badFromEnvironment = execute(withUrl, null, "load", "-n", "1", "--shared-limits");
    List<String> badErr = errLines();
    int unset = run("load", "-n", "1", "--shared-limits");
    List<String> unsetErr = errLines();

    assertThat(fromEnvironment).as("read and used: Redis unreachable, calls under local limits").isZero();
    assertThat(fromEnvironmentOut).contains("success=8").doesNotContain("hunter22");
    assertThat(badFromEnvironment).as("the variable's URL is the one checked").isEqualTo(AtlasCli.BAD_INPUT);
    assertThat(badErr).singleElement().asString().startsWith("error: --shared-limits: a Redis URL starts with")
        .doesNotContain("hunter22");
    assertThat(unset).isEqualTo(AtlasCli.BAD_INPUT);
    assertThat(unsetErr).containsExactly("error: --shared-limits without a URL reads it from ATLAS_SHARED_LIMITS_URL, "
        + "which is not set");
  }

  @Test
  void badOptionValuesAndBaseUrl_exitTwo_withPicocliUsageOrOneLine() {
    int badEnum = run("create-service", "--provider", "MARS", "--region", "us-east-1");
    String badEnumErr = err.toString();
    int badCount = run("load", "--calls", "0");
    List<String> badCountErr = errLines();
    int badPort = run("load", "--metrics-port", "70000");
    List<String> badPortErr = errLines();
    int badBaseUrl = run("--base-url", "ftp://cloud.mongodb.com", "create-service", "--provider", "AWS",
        "--region", "us-east-1");

    assertThat(badEnum).isEqualTo(AtlasCli.BAD_INPUT);
    assertThat(badEnumErr).contains("Invalid value for option '--provider'").contains("Usage:");
    assertThat(badCount).isEqualTo(AtlasCli.BAD_INPUT);
    assertThat(badCountErr).containsExactly("error: --calls and --concurrency must be at least 1");
    assertThat(badPort).isEqualTo(AtlasCli.BAD_INPUT);
    assertThat(badPortErr).containsExactly("error: --metrics-port must be between 0 and 65535");
    assertThat(badBaseUrl).isEqualTo(AtlasCli.BAD_INPUT);
    assertOneErrorLineAndNoStackTrace();
    assertThat(errLines().get(0)).contains("baseUrl");
    assertThat(simulator.counters().requests()).isZero();
  }

  @Test
  void expectedFailures_printOneErrorLine_andNoStackTrace() throws Exception {
    run("create-service", "--provider", "AWS", "--region", "us-east-1");

    assertThat(run("create-service", "--provider", "AWS", "--region", "us-east-1")).isEqualTo(AtlasCli.API_ERROR);
    assertOneErrorLineAndNoStackTrace();
    assertThat(runAgainst("http://127.0.0.1:" + closedPort(), "create-service", "--provider", "AWS",
        "--region", "us-east-1")).isEqualTo(AtlasCli.TRANSPORT_FAILURE);
    assertOneErrorLineAndNoStackTrace();
  }

  @Test
  void debug_addsTheStackTrace_afterTheSameErrorLine() {
    run("create-service", "--provider", "AWS", "--region", "us-east-1");

    int status = run("create-service", "--provider", "AWS", "--region", "us-east-1", "--debug");

    assertThat(status).isEqualTo(AtlasCli.API_ERROR);
    assertThat(errLines().get(0)).startsWith("error: ").contains("PRIVATE_ENDPOINT_SERVICE_ALREADY_EXISTS_FOR_REGION");
    assertThat(errLines()).filteredOn(line -> line.startsWith("error: ")).hasSize(1);
    assertThat(errLines().get(1)).contains("AtlasConflictException");
    assertThat(errLines()).anyMatch(line -> line.startsWith("\tat "));
  }

  @Test
  void unexpectedFailure_printsOneLineNamingDebug_andExitsFive() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int status = run("load", "--calls", "1", "--metrics-port", String.valueOf(busy.getLocalPort()));

      assertThat(status).isEqualTo(AtlasCli.UNEXPECTED_FAILURE);
      assertOneErrorLineAndNoStackTrace();
      assertThat(errLines().get(0)).startsWith("error: unexpected BindException: ")
          .endsWith(" (rerun with --debug to see the stack trace)");

      int withDebug = run("--debug", "load", "--calls", "1", "--metrics-port", String.valueOf(busy.getLocalPort()));

      assertThat(withDebug).isEqualTo(AtlasCli.UNEXPECTED_FAILURE);
      assertThat(errLines().get(0)).startsWith("error: unexpected BindException: ").doesNotContain("rerun");
      assertThat(errLines()).anyMatch(line -> line.startsWith("\tat "));
    }
  }

  @Test
  void anError_isReportedLikeAnyUnexpectedFailure_notLeftToTheJvm() {
    int status = runFailingWith(new NoClassDefFoundError("com/fasterxml/jackson/databind/ObjectMapper"), "fail");

    assertThat(status).isEqualTo(AtlasCli.UNEXPECTED_FAILURE);
    assertOneErrorLineAndNoStackTrace();
    assertThat(errLines().get(0)).startsWith("error: unexpected NoClassDefFoundError: com/fasterxml");
  }

  @Test
  void unexpectedFailures_neverShowASecretOrALineBreak_evenWithDebug() {
    IllegalStateException failure = new IllegalStateException("refused cli-secret-value\nat line two",
        new RuntimeException("caused by cli-secret-value"));

    int status = runFailingWith(failure, "--debug", "fail");

    assertThat(status).isEqualTo(AtlasCli.UNEXPECTED_FAILURE);
    assertThat(errLines().get(0)).isEqualTo("error: unexpected IllegalStateException: refused **** at line two");
    assertThat(err.toString()).contains("caused by ****").contains("\tat ").doesNotContain("cli-secret-value");
  }

  @Test
  void missingCredentials_areBadInput_namingTheVariablesNeverTheirValues() {
    Map<String, String> halfOfEach = environment(simulator.baseUri().toString());
    halfOfEach.remove("ATLAS_PRIVATE_KEY");
    halfOfEach.put("ATLAS_CLIENT_SECRET", "cli-secret-value");

    int status = execute(halfOfEach, null, "create-service", "--provider", "AWS", "--region", "us-east-1");

    assertThat(status).isEqualTo(AtlasCli.BAD_INPUT);
    assertOneErrorLineAndNoStackTrace();
    assertThat(errLines().get(0)).endsWith("(not set: ATLAS_PRIVATE_KEY, ATLAS_CLIENT_ID)")
        .doesNotContain("cli-secret-value").doesNotContain("cli-public");
    assertThat(simulator.counters().requests()).isZero();
  }

  @Test
  void load_reportsThroughputLatencyExchangesAndOutcomes() {
    int status = run("load", "--calls", "60", "--concurrency", "4");

    assertThat(status).isZero();
    assertThat(out.toString()).contains("calls per second:").contains("latency p50:")
        .contains("HTTP exchanges per call:").contains("outcomes: {success=60}");
    assertThat(simulator.counters().creates()).isEqualTo(60);
  }

  @Test
  void help_listsEveryOption() {
    run("--help");
    run("load", "--help");

    assertThat(out.toString()).contains("--base-url").contains("--project").contains("create-service")
        .contains("create-endpoint").contains("create-connection").contains("create-serverless-endpoint")
        .contains("load").contains("--calls").contains("--concurrency").contains("--metrics-port");
  }
}
