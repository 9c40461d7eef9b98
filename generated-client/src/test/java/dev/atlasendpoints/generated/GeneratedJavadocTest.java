package dev.atlasendpoints.generated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The javadoc api.mustache writes for the generated interfaces, read from the generated sources: each
 * {@code {@link}} names one existing method by its signature (a bare {@code #name} is ambiguous between
 * a full method and its overload), and the overloads without optional parameters point to the full
 * method, for what they leave out and, when deprecated, for why.
 */
class GeneratedJavadocTest {

  private static final Path SOURCES = Path.of(System.getProperty("basedir", "."),
      "target/generated-sources/openapi/src/main/java");
  private static final Pattern LINK = Pattern.compile("\\{@link #(\\w+)(\\(([^)]*)\\))?}");
  private static final Pattern DECLARATION =
      Pattern.compile("^\\s*(default\\s+)?\\S.*?\\s(\\w+)\\(.*\\)\\s*[;{]\\s*$");

  /** A generated method and the javadoc right above it. */
  record Documented(Class<?> api, String javadoc, boolean isDefault, String name) {}

  @Test
  void everyLink_namesAnExistingMethodBySignature() throws IOException {
    for (Documented method : documentedMethods()) {
      Matcher link = LINK.matcher(method.javadoc());
      while (link.find()) {
        assertThat(link.group(2)).as("%s.%s links %s without parameter types", method.api().getSimpleName(),
            method.name(), link.group()).isNotNull();
        List<String> types = typeList(link.group(3));
        assertThat(Arrays.stream(method.api().getMethods())
            .filter(candidate -> candidate.getName().equals(link.group(1)))
            .map(GeneratedJavadocTest::simpleParameterTypes))
            .as("%s.%s links %s", method.api().getSimpleName(), method.name(), link.group()).contains(types);
      }
    }
  }

  @Test
  void eachOverload_linksItsFullMethod_andNamesTheParametersItLeavesOut() throws IOException {
    List<Documented> overloads = documentedMethods().stream().filter(Documented::isDefault).toList();
    assertThat(overloads).isNotEmpty();
    for (Documented overload : overloads) {
      Method full = fullMethodOf(overload);
      String fullLink = "{@link #" + full.getName() + "(" + String.join(", ", simpleParameterTypes(full)) + ")}";
      assertThat(sameAsSentence(overload)).as(overload.name()).contains(fullLink);
      List<String> kept = parameterNames(overload);
      Arrays.stream(full.getParameters()).map(parameter -> parameter.getAnnotation(feign.Param.class))
          .filter(param -> param != null && !kept.contains(param.value()))
          .forEach(dropped -> assertThat(sameAsSentence(overload)).as(overload.name())
              .contains("{@code " + dropped.value() + "}"));
    }
  }

  @Test
  void aDeprecatedMethodWithoutTheOperationsDescription_linksTheMethodThatHasIt() throws IOException {
    List<Documented> deprecated = documentedMethods().stream()
        .filter(method -> method.javadoc().contains("@deprecated"))
        .filter(method -> method.isDefault() || method.name().endsWith("WithHttpInfo"))
        .toList();
    assertThat(deprecated).isNotEmpty();
    for (Documented method : deprecated) {
      String note = method.javadoc().substring(method.javadoc().indexOf("@deprecated"));
      assertThat(note).as(method.name()).containsPattern("\\{@link #\\w+\\(");
    }
  }

  private static Method fullMethodOf(Documented overload) {
    return Arrays.stream(overload.api().getMethods())
        .filter(method -> method.getName().equals(overload.name()) && !method.isDefault())
        .findFirst().orElseThrow();
  }

  private static String sameAsSentence(Documented method) {
    String javadoc = method.javadoc();
    int start = javadoc.indexOf("Same as ");
    assertThat(start).as(method.name()).isNotNegative();
    return javadoc.substring(start, javadoc.indexOf('\n', start));
  }

  private static List<String> parameterNames(Documented method) {
    List<String> names = new ArrayList<>();
    Matcher param = Pattern.compile("@param (\\w+)").matcher(method.javadoc());
    while (param.find()) {
      names.add(param.group(1));
    }
    return names;
  }

  private static List<String> simpleParameterTypes(Method method) {
    return Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toList();
  }

  private static List<String> typeList(String types) {
    return types.isBlank() ? List.of() : Arrays.stream(types.split(",")).map(String::trim).toList();
  }

  /** Each javadoc comment of the generated API interfaces with the declaration that follows it. */
  private static List<Documented> documentedMethods() throws IOException {
    List<Documented> methods = new ArrayList<>();
    for (Class<?> api : SpecDriftTest.GENERATED_APIS) {
      List<String> lines = Files.readAllLines(
          SOURCES.resolve(api.getName().replace('.', '/') + ".java"));
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).trim().equals("/**")) {
          continue;
        }
        StringBuilder javadoc = new StringBuilder();
        while (!lines.get(++i).trim().equals("*/")) {
          javadoc.append(lines.get(i).trim()).append('\n');
        }
        for (int j = i + 1; j < lines.size(); j++) {
          Matcher declaration = DECLARATION.matcher(lines.get(j));
          if (!lines.get(j).trim().startsWith("@") && declaration.matches()) {
            methods.add(new Documented(api, javadoc.toString(), declaration.group(1) != null, declaration.group(2)));
            break;
          }
          if (lines.get(j).trim().startsWith("public interface")) {
            break; // the interface's own javadoc
          }
        }
      }
    }
    assertThat(methods).isNotEmpty();
    return methods;
  }
}
