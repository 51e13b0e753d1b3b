package org.ssdbench.report.csv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a map as one cell, {@code k=v;k=v}, and reads it back. A backslash escapes {@code ;}, {@code =} and itself
 * inside keys and values, so any string round-trips; the CSV layer then quotes commas and quotes.
 */
public final class ParamsCodec {
  private ParamsCodec() {}

  public static String encode(Map<String, String> map) {
    return map.entrySet().stream()
        .map(e -> escape(e.getKey()) + "=" + escape(e.getValue()))
        .collect(Collectors.joining(";"));
  }

  public static Map<String, String> decode(String cell) {
    Map<String, String> map = new LinkedHashMap<>();
    if (cell == null || cell.isEmpty()) {
      return map;
    }
    StringBuilder key = new StringBuilder();
    StringBuilder value = new StringBuilder();
    StringBuilder current = key;
    boolean inValue = false;
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '\\' && i + 1 < cell.length()) {
        current.append(cell.charAt(++i));
      } else if (c == '=' && !inValue) {
        inValue = true;
        current = value;
      } else if (c == ';') {
        put(map, key, value, inValue, cell);
        key.setLength(0);
        value.setLength(0);
        current = key;
        inValue = false;
      } else {
        current.append(c);
      }
    }
    put(map, key, value, inValue, cell);
    return map;
  }

  private static void put(
      Map<String, String> map, StringBuilder key, StringBuilder value, boolean inValue, String cell) {
    if (!inValue) {
      throw new IllegalArgumentException(
          "Entry '" + key + "' has no '=' in '" + cell + "'; expected k=v;k=v with \\ escaping ;, = and \\");
    }
    map.put(key.toString(), value.toString());
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace(";", "\\;").replace("=", "\\=");
  }
}
