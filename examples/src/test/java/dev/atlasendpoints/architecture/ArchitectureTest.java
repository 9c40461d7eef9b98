package dev.atlasendpoints.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies between the SDK's packages, beside the Maven enforcer's rules
 * between artifacts: the enforcer sees modules, these rules see packages (such as
 * {@code core.internal}) and say in a sentence what a wrong edge breaks. They live in `examples`
 * because its test classpath holds every module.
 */
class ArchitectureTest {

  private static JavaClasses sdk;

  @BeforeAll
  static void importTheSdk() {
    sdk = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.atlasendpoints");
  }

  @Test
  void onlyCore_seesCoreInternals() {
    check(noClasses().that().resideOutsideOfPackage("dev.atlasendpoints.core..")
        .should().dependOnClassesThat().resideInAPackage("dev.atlasendpoints.core.internal..")
        .because("core.internal may change in any release; other modules use core's public types "
            + "(ClientLayer, LayerContext, Responses, AtlasCall)"));
  }

  @Test
  void core_seesNoLayerModule_andNoLayerLibrary() {
    check(noClasses().that().resideInAPackage("dev.atlasendpoints.core..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.atlasendpoints.resilience..",
            "dev.atlasendpoints.metrics..", "dev.atlasendpoints.simulator..", "dev.atlasendpoints.examples..",
            "dev.atlasendpoints.ratelimit..", "io.github.resilience4j..", "io.micrometer..", "io.lettuce..",
            "io.github.bucket4j..")
        .because("core must work alone; layers plug into it through ClientLayer, never the other way round"));
  }

  @Test
  void resilienceAndMetrics_neverSeeEachOther() {
    check(noClasses().that().resideInAPackage("dev.atlasendpoints.resilience..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.atlasendpoints.metrics..", "io.micrometer..")
        .because("a user who imports atlas-resilience must not need Micrometer; retries reach metrics as "
            + "ClientEventListener events"));
    check(noClasses().that().resideInAPackage("dev.atlasendpoints.metrics..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.atlasendpoints.resilience..",
            "io.github.resilience4j..")
        .because("a user who imports atlas-metrics must not need Resilience4j"));
  }

  @Test
  void resilience_neverSeesRedis_andRatelimitRedis_usesOnlyResiliencesPublicApi() {
    check(noClasses().that().resideInAPackage("dev.atlasendpoints.resilience..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.atlasendpoints.ratelimit..", "io.lettuce..",
            "io.github.bucket4j..", "io.netty..")
        .because("a user who imports atlas-resilience must not need Redis: shared stores plug in through "
            + "RateLimitStore"));
    check(noClasses().that().resideInAPackage("dev.atlasendpoints.ratelimit..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.atlasendpoints.resilience..")
            .and(DescribedPredicate.not(HasModifiers.Predicates.modifier(JavaModifier.PUBLIC))))
        .orShould().dependOnClassesThat().resideInAnyPackage("dev.atlasendpoints.metrics..",
            "dev.atlasendpoints.core.internal..", "io.micrometer..")
        .because("the Redis store is one implementation of resilience's RateLimitStore: it must not lean on "
            + "the limiter's internals, nor pick metrics for the user"));
  }

  @Test
  void provisioning_seesOnlyCoreAndTheGeneratedApi() {
    check(noClasses().that().resideInAPackage("dev.atlasendpoints.provisioning..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.atlasendpoints.resilience..",
            "dev.atlasendpoints.metrics..", "dev.atlasendpoints.core.internal..", "io.github.resilience4j..")
        .because("provisioning calls Atlas through the client the caller built, whatever its layers: it must "
            + "not pick retries or metrics for them, nor lean on core's internals"));
    check(noClasses().that().resideInAPackage("dev.atlasendpoints.provisioning")
        .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..")
        .because("micrometer-core is optional for atlas-provisioning: only provisioning.micrometer may use it"));
  }

  @Test
  void observation_seesOnlyCoreAndMicrometerObservation() {
    check(noClasses().that().resideInAPackage("dev.atlasendpoints.observation..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.atlasendpoints.metrics..",
            "dev.atlasendpoints.resilience..", "io.github.resilience4j..", "io.micrometer.core..",
            "io.micrometer.tracing..")
        .because("a user who imports atlas-observation must get spans without the metrics or resilience layers; "
            + "tracing reaches it through the application's ObservationRegistry handlers"));
  }

  @Test
  void onlyTheStarter_seesSpring() {
    check(noClasses().that().resideOutsideOfPackage("dev.atlasendpoints.spring.boot..")
        .and().resideOutsideOfPackage("dev.atlasendpoints.examples.boot..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
        .because("the SDK's modules work without Spring; only the starter (and the Boot example) may use it"));
    check(noClasses().that().resideInAnyPackage("dev.atlasendpoints.core..", "dev.atlasendpoints.resilience..",
            "dev.atlasendpoints.metrics..", "dev.atlasendpoints.observation..", "dev.atlasendpoints.provisioning..",
            "dev.atlasendpoints.simulator..")
        .should().dependOnClassesThat().resideInAPackage("dev.atlasendpoints.spring..")
        .because("the starter configures the modules; the modules never know about it"));
  }

  @Test
  void theSimulator_neverSeesTheClient() {
    check(noClasses().that().resideInAPackage("dev.atlasendpoints.simulator..")
        .and().resideOutsideOfPackage("dev.atlasendpoints.simulator.junit..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.atlasendpoints.core..",
            "dev.atlasendpoints.generated..", "dev.atlasendpoints.resilience..", "dev.atlasendpoints.metrics..",
            "feign..")
        .because("the simulator is the oracle the client is tested against: sharing the client's code would "
            + "let one mistake pass on both sides"));
  }

  @Test
  void simulatorJunit_joinsTheSimulatorAndCore_andNothingElse() {
    check(noClasses().that().resideInAPackage("dev.atlasendpoints.simulator..")
        .and().resideOutsideOfPackage("dev.atlasendpoints.simulator.junit..")
        .should().dependOnClassesThat().resideInAPackage("dev.atlasendpoints.simulator.junit..")
        .because("the simulator runs without JUnit (standalone, or in any test framework); its JUnit "
            + "extension sits on top of it"));
    check(noClasses().that().resideInAPackage("dev.atlasendpoints.simulator.junit..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.atlasendpoints.resilience..",
            "dev.atlasendpoints.metrics..", "dev.atlasendpoints.provisioning..", "dev.atlasendpoints.examples..",
            "io.github.resilience4j..", "io.micrometer..")
        .because("a test that uses the extension brings its own layers through configureClient; the extension "
            + "must not pull them in"));
  }

  @Test
  void generatedCode_seesNothingHandWritten() {
    check(classes().that().resideInAnyPackage("dev.atlasendpoints.generated.api..",
            "dev.atlasendpoints.generated.model..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.atlasendpoints.generated.api..",
            "dev.atlasendpoints.generated.model..", "java..", "javax..", "jakarta..", "feign..",
            "com.fasterxml.jackson..", "")
        .because("generated code is rebuilt from the spec on every build; it must not depend on code written "
            + "by hand around it"));
  }

  private static void check(ArchRule rule) {
    rule.check(sdk);
  }
}
