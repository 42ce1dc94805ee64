package dev.backstage4j.catalog.model.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.events.ScalarEvent;

/** Resolves YAML scalars with the YAML 1.2 core schema, as the {@code yaml} npm package (v2) does by default. */
final class Scalars {
  private Scalars() {}

  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCT = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final String TAG = "tag:yaml.org,2002:";

  static Object resolve(ScalarEvent e) {
    String v = e.getValue();
    String tag = e.getTag();
    if ("!".equals(tag)) {
      return v;
    }
    if (tag != null) {
      switch (tag) {
        case TAG + "null":
          return null;
        case TAG + "bool":
        case TAG + "int":
        case TAG + "float": {
          Object r = plain(v);
          return r == null || r instanceof String ? v : r;
        }
        default:
          return v;
      }
    }
    if (!e.isPlain()) {
      return v;
    }
    return plain(v);
  }

  static Object plain(String v) {
    switch (v) {
      case "":
      case "~":
      case "null":
      case "Null":
      case "NULL":
        return null;
      case "true":
      case "True":
      case "TRUE":
        return Boolean.TRUE;
      case "false":
      case "False":
      case "FALSE":
        return Boolean.FALSE;
      case ".inf":
      case ".Inf":
      case ".INF":
      case "+.inf":
      case "+.Inf":
      case "+.INF":
        return Double.POSITIVE_INFINITY;
      case "-.inf":
      case "-.Inf":
      case "-.INF":
        return Double.NEGATIVE_INFINITY;
      case ".nan":
      case ".NaN":
      case ".NAN":
        return Double.NaN;
      default:
    }
    char c = v.charAt(0);
    if (!(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.')) {
      return v;
    }
    if (INT.matcher(v).matches()) {
      // As the yaml package: the decimal becomes a JavaScript number (a double), wrapped to a signed 64-bit
      // integer (BigInt.asIntN(64)), so huge values come out as JavaScript does.
      if (v.length() < 16) {
        return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
      }
      long wrapped = new BigDecimal(Double.parseDouble(v)).toBigInteger().longValue();
      return Math.abs(wrapped) < (1L << 53) ? (Object) wrapped : (Object) (double) wrapped;
    }
    if (OCT.matcher(v).matches()) {
      return integer(new BigInteger(v.substring(2), 8));
    }
    if (HEX.matcher(v).matches()) {
      return integer(new BigInteger(v.substring(2), 16));
    }
    if (FLOAT.matcher(v).matches()) {
      return Double.parseDouble(v);
    }
    return v;
  }

  /** JavaScript numbers are doubles: integers that do not fit a long become doubles. */
  private static Object integer(BigInteger b) {
    return b.bitLength() < 63 ? (Object) b.longValue() : (Object) b.doubleValue();
  }

  /** Turns a resolved scalar key into the property name JavaScript would use. */
  static String keyString(Object key) {
    if (key == null) {
      return "";
    }
    if (key instanceof Double) {
      double d = (Double) key;
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
        return Long.toString((long) d);
      }
      if (Double.isNaN(d)) {
        return "NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "Infinity" : "-Infinity";
      }
    }
    return String.valueOf(key);
  }
}
