package dev.atlasendpoints.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.core.errors.AtlasInvalidRequestException;
import dev.atlasendpoints.core.internal.SpecIndex;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.json.AtlasJson;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import java.lang.reflect.Method;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Arbitrary inputs get a verdict that agrees with the spec's rules, never a crash. */
class MethodPlanPropertiesTest {

  private static final ObjectMapper MAPPER = AtlasJson.newMapper();
  private static final Pattern GROUP_ID = Pattern.compile("^([a-f0-9]{24})$");
  private static final Pattern INSTANCE = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]*$");
  private static final MethodPlan PLAN = plan();

  private static MethodPlan plan() {
    try {
      Method method = ServerlessPrivateEndpointsApi.class.getMethod("createServerlessPrivateEndpoint", String.class,
          String.class, ServerlessTenantCreateRequest.class, Boolean.class);
      return MethodPlan.of(method, SpecIndex.instance());
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  /** The body is checked as it is sent: encoded, then read back. */
  private static void check(Object[] args) throws Exception {
    PLAN.check(args, MAPPER.readTree(MAPPER.writeValueAsBytes(args[2])));
  }

  @Property(tries = 3000)
  void verdictMatchesTheRules(@ForAll @StringLength(max = 30) String groupId,
      @ForAll @StringLength(max = 30) String instanceName, @ForAll @StringLength(max = 120) String comment) {
    Throwable thrown = catchThrowable(() -> check(new Object[] {groupId, instanceName,
        new ServerlessTenantCreateRequest().comment(comment), null}));

    boolean groupOk = GROUP_ID.matcher(groupId).find();
    boolean instanceOk = INSTANCE.matcher(instanceName).find();
    boolean commentOk = comment.codePointCount(0, comment.length()) <= 80;
    if (groupOk && instanceOk && commentOk) {
      assertThat(thrown).isNull();
    } else {
      assertThat(thrown).isInstanceOf(AtlasInvalidRequestException.class);
      var fields = ((AtlasInvalidRequestException) thrown).violations().stream().map(v -> v.field()).toList();
      assertThat(fields.contains("groupId")).isEqualTo(!groupOk);
      assertThat(fields.contains("instanceName")).isEqualTo(!instanceOk);
      assertThat(fields.contains("body.comment")).isEqualTo(!commentOk);
    }
  }

  @Property(tries = 500)
  void validGroupIds_alwaysPass(@ForAll("hex24") String groupId) throws Exception {
    check(new Object[] {groupId, "instance-1", new ServerlessTenantCreateRequest(), null});
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> hex24() {
    return net.jqwik.api.Arbitraries.strings().withChars("0123456789abcdef").ofLength(24);
  }
}
