package dev.atlasendpoints.simulator.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that {@link LifecycleTest} runs through the JUnit launcher, some of them meant to
 * fail. Anywhere else (an IDE's "run all tests", a Surefire run without its default {@code **}{@code /*$*}
 * exclude) the class is skipped, so it shows no red.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LaunchedCase.OnlyWhenLaunched.class)
@interface LaunchedCase {

  /** The configuration parameter {@link LifecycleTest} sets, to {@code true}, on the runs it launches. */
  String PARAMETER = "dev.atlasendpoints.simulator.junit.launched-case";

  /** Enables the class only in a run that sets {@link #PARAMETER}. */
  final class OnlyWhenLaunched implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER, Boolean::parseBoolean).orElse(false)
          ? ConditionEvaluationResult.enabled("launched by LifecycleTest")
          : ConditionEvaluationResult.disabled("runs only when LifecycleTest launches it");
    }
  }
}
