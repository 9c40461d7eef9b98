package dev.atlasendpoints.generated.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the text of enum values the SDK does not know yet.
 *
 * <p>The generated enums map an unknown value to {@code UNKNOWN_DEFAULT_OPEN_API}, which loses what
 * the service sent. For every model property typed with such an enum, this module reads the raw
 * text before the enum is decoded and, when it is not one of the enum's known values, hands it to
 * the model's {@code putUnrecognizedEnumValue} (added to every root model by our generator
 * template).
 */
final class UnrecognizedEnumValuesModule extends SimpleModule {

  private static final long serialVersionUID = 1L;
  static final String UNKNOWN_CONSTANT = "UNKNOWN_DEFAULT_OPEN_API";
  static final String RECORDER_METHOD = "putUnrecognizedEnumValue";

  UnrecognizedEnumValuesModule() {
    super("UnrecognizedEnumValues");
    setDeserializerModifier(new Modifier());
  }

  private static final class Modifier extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public BeanDeserializerBuilder updateBuilder(
        DeserializationConfig config, BeanDescription beanDesc, BeanDeserializerBuilder builder) {
      Method recorder = recorderOf(beanDesc.getBeanClass());
      if (recorder == null) {
        return builder;
      }
      List<SettableBeanProperty> replacements = new ArrayList<>();
      builder.getProperties().forEachRemaining(property -> {
        Set<String> known = knownValuesOf(property.getType().getRawClass());
        if (known != null) {
          replacements.add(new RecordingProperty(property, known, recorder));
        }
      });
      replacements.forEach(property -> builder.addOrReplaceProperty(property, true));
      return builder;
    }
  }

  private static Method recorderOf(Class<?> beanClass) {
    try {
      return beanClass.getMethod(RECORDER_METHOD, String.class, String.class);
    } catch (NoSuchMethodException notAModelOfOurs) {
      return null;
    }
  }

  /** The JSON values of a generated open enum, or {@code null} for any other type. */
  private static Set<String> knownValuesOf(Class<?> type) {
    if (!type.isEnum()
        || Arrays.stream(type.getEnumConstants()).noneMatch(c -> ((Enum<?>) c).name().equals(UNKNOWN_CONSTANT))) {
      return null;
    }
    // Generated enums print their JSON value.
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> !((Enum<?>) c).name().equals(UNKNOWN_CONSTANT))
        .map(String::valueOf)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static final class RecordingProperty extends SettableBeanProperty.Delegating {
    private static final long serialVersionUID = 1L;
    private final Set<String> knownValues;
    private final transient Method recorder;

    RecordingProperty(SettableBeanProperty delegate, Set<String> knownValues, Method recorder) {
      super(delegate);
      this.knownValues = knownValues;
      this.recorder = recorder;
    }

    @Override
    protected SettableBeanProperty withDelegate(SettableBeanProperty delegate) {
      return new RecordingProperty(delegate, knownValues, recorder);
    }

    @Override
    public void deserializeAndSet(JsonParser parser, DeserializationContext context, Object instance)
        throws IOException {
      String raw = rawText(parser);
      delegate.deserializeAndSet(parser, context, instance);
      record(instance, raw);
    }

    @Override
    public Object deserializeSetAndReturn(
        JsonParser parser, DeserializationContext context, Object instance) throws IOException {
      String raw = rawText(parser);
      Object result = delegate.deserializeSetAndReturn(parser, context, instance);
      record(instance, raw);
      return result;
    }

    private static String rawText(JsonParser parser) throws IOException {
      return parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    private void record(Object instance, String raw) throws IOException {
      if (raw == null || knownValues.contains(raw)) {
        return;
      }
      try {
        recorder.invoke(instance, getName(), raw);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IOException("could not record the unknown value of '" + getName() + "'", e);
      }
    }
  }
}
