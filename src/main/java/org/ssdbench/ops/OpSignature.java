package org.ssdbench.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One op type with the input shapes, element types and the attributes that change its cost: everything needed to build the
 * op alone and time it. Its {@link #id()} is the JMH {@code signature} param and parses back with {@link #parse(String)}:
 *
 * <pre>
 *   conv2d:1x19x19x576*3x3x576x273/s1/SAME        input * filter, strides, padding
 *   gatherv2:1917x4*1917.i32/axis0                params * indices, axis
 *   concatv2:1917x1^4/axis1                       four [1917,1] inputs (^n repeats a shape), axis
 *   nmsv3:1917x4*1917/max100/iou0.6/score1E-8     boxes * scores, max_output_size, iou and score thresholds
 *   where:1917.bool/n1917                         how many elements are true
 *   reshape:1x19x19x12/to1x1083x1x4               input, target shape
 * </pre>
 *
 * Inputs that are parameters rather than data (axis, k, thresholds, target shape) are attributes. Float32 has no type suffix.
 *
 * @param attrs attribute name to value, in the order the kind writes them; {@code padding} is written as its bare value
 */
public record OpSignature(OpKind kind, List<TensorSpec> inputs, Map<String, String> attrs) {
  private static final Pattern REPEAT = Pattern.compile("^(.+)\\^([0-9]+)$");
  private static final Pattern ATTR = Pattern.compile("^([a-z]+)(.+)$");

  public OpSignature {
    Objects.requireNonNull(kind, "kind");
    inputs = List.copyOf(inputs);
    attrs = Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a signature of %s needs at least one input".formatted(kind.opType()));
    }
  }

  public TensorSpec input(int i) {
    return inputs.get(i);
  }

  public Optional<String> attr(String name) {
    return Optional.ofNullable(attrs.get(name));
  }

  /** The attribute's value, or an error naming the signature and the attributes it has. */
  public String requireAttr(String name) {
    String v = attrs.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "Signature '%s' lacks attribute '%s'; it has %s".formatted(id(), name, attrs.keySet()));
    }
    return v;
  }

  public long longAttr(String name) {
    return Long.parseLong(requireAttr(name));
  }

  public float floatAttr(String name) {
    return Float.parseFloat(requireAttr(name));
  }

  /** Whether every input shape is known, so the op can be built and run alone. */
  public boolean isRunnable() {
    return inputs.stream().allMatch(TensorSpec::isFullyDefined) && !attrs.containsValue("?");
  }

  /** The id: {@code key:input*input.../attr/attr}. */
  public String id() {
    StringBuilder sb = new StringBuilder(kind.key()).append(':');
    int i = 0;
    while (i < inputs.size()) {
      int j = i;
      while (j + 1 < inputs.size() && inputs.get(j + 1).equals(inputs.get(i))) {
        j++;
      }
      if (i > 0) {
        sb.append('*');
      }
      sb.append(inputs.get(i).token());
      if (j > i) {
        sb.append('^').append(j - i + 1);
      }
      i = j + 1;
    }
    attrs.forEach((k, v) -> sb.append('/').append(k.equals("padding") ? v : k + v));
    return sb.toString();
  }

  public static OpSignature parse(String id) {
    int colon = id.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "Bad signature '%s'; expected key:inputs[/attrs], e.g. conv2d:1x150x150x32*3x3x32x64/s1/SAME; keys: %s"
              .formatted(id, OpKind.keys()));
    }
    OpKind kind = OpKind.byKey(id.substring(0, colon));
    String[] parts = id.substring(colon + 1).split("/");
    List<TensorSpec> inputs = new ArrayList<>();
    for (String token : parts[0].split("\\*")) {
      Matcher rep = REPEAT.matcher(token);
      int count = 1;
      if (rep.matches()) {
        token = rep.group(1);
        count = Integer.parseInt(rep.group(2));
      }
      TensorSpec spec = TensorSpec.parse(token);
      for (int c = 0; c < count; c++) {
        inputs.add(spec);
      }
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    for (int p = 1; p < parts.length; p++) {
      String token = parts[p];
      if (token.equals("SAME") || token.equals("VALID")) {
        attrs.put("padding", token);
        continue;
      }
      Matcher m = ATTR.matcher(token);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "Bad attribute '%s' in signature '%s'; expected a lower-case name followed by its value, e.g. axis0, iou0.6"
                .formatted(token, id));
      }
      attrs.put(m.group(1), m.group(2));
    }
    OpSignature sig = new OpSignature(kind, inputs, attrs);
    kind.validate(sig);
    return sig;
  }

  @Override
  public String toString() {
    return id();
  }
}
