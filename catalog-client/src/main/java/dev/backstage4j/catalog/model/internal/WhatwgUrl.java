package dev.backstage4j.catalog.model.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Answers whether JavaScript's {@code new URL(value)} (the WHATWG URL Standard, no base URL) accepts a string.
 *
 * <p>Only the steps of the standard that can fail are implemented: the scheme, the authority of special and
 * non-special URLs (credentials, host, port), host parsing (opaque hosts, IPv6, IPv4 with its number forms,
 * percent-decoding and IDNA mapping of domains, forbidden code points) and {@code file:} hosts. Paths, queries
 * and fragments never make parsing fail, so they are skipped. IDNA mapping of non-ASCII hosts uses
 * {@link IDN} (IDNA 2003), which agrees with UTS #46 on which common hosts are valid.
 */
public final class WhatwgUrl {
  private WhatwgUrl() {}

  private static final List<String> SPECIAL = List.of("http", "https", "ws", "wss", "ftp");

  /** {@return whether {@code new URL(input)} succeeds} */
  public static boolean isValid(String input) {
    String s = preprocess(input);
    if (s.isEmpty() || !isAsciiAlpha(s.charAt(0))) {
      return false;
    }
    int i = 1;
    while (i < s.length() && isSchemeChar(s.charAt(i))) {
      i++;
    }
    if (i == s.length() || s.charAt(i) != ':') {
      return false;
    }
    // The scheme is ASCII, so comparing it case-insensitively is its toLowerCase(Locale.ROOT) compared.
    if (i == 4 && s.regionMatches(true, 0, "file", 0, 4)) {
      return fileValid(s.substring(i + 1));
    }
    if (isSpecial(s, i)) {
      int j = i + 1;
      while (j < s.length() && (s.charAt(j) == '/' || s.charAt(j) == '\\')) {
        j++;
      }
      return authorityValid(s.substring(j), true);
    }
    if (s.startsWith("//", i + 1)) {
      return authorityValid(s.substring(i + 3), false);
    }
    return true;
  }

  /** {@return whether {@code s.substring(0, schemeEnd)} is a special scheme in any letter case} */
  private static boolean isSpecial(String s, int schemeEnd) {
    for (String special : SPECIAL) {
      if (special.length() == schemeEnd && s.regionMatches(true, 0, special, 0, schemeEnd)) {
        return true;
      }
    }
    return false;
  }

  private static String preprocess(String input) {
    int start = 0;
    int end = input.length();
    while (start < end && input.charAt(start) <= 0x20) {
      start++;
    }
    while (end > start && input.charAt(end - 1) <= 0x20) {
      end--;
    }
    if (start == 0 && end == input.length() && noTabOrNewline(input)) {
      return input;
    }
    StringBuilder b = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = input.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean noTabOrNewline(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiAlpha(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isSchemeChar(char c) {
    return isAsciiAlpha(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.';
  }

  private static boolean fileValid(String rest) {
    if (rest.length() < 2 || !isSlash(rest.charAt(0)) || !isSlash(rest.charAt(1))) {
      return true;
    }
    String r = rest.substring(2);
    int end = 0;
    while (end < r.length() && "/\\?#".indexOf(r.charAt(end)) < 0) {
      end++;
    }
    String host = r.substring(0, end);
    if (host.isEmpty() || host.length() == 2 && isAsciiAlpha(host.charAt(0))
        && (host.charAt(1) == ':' || host.charAt(1) == '|')) {
      return true;
    }
    return hostValid(host, true);
  }

  private static boolean isSlash(char c) {
    return c == '/' || c == '\\';
  }

  private static boolean authorityValid(String s, boolean special) {
    int end = 0;
    while (end < s.length()) {
      char c = s.charAt(end);
      if (c == '/' || c == '?' || c == '#' || special && c == '\\') {
        break;
      }
      end++;
    }
    String auth = s.substring(0, end);
    int at = auth.lastIndexOf('@');
    String hostPort = at >= 0 ? auth.substring(at + 1) : auth;
    if (at >= 0 && hostPort.isEmpty()) {
      return false;
    }
    boolean inBrackets = false;
    int colon = -1;
    for (int i = 0; i < hostPort.length(); i++) {
      char c = hostPort.charAt(i);
      if (c == '[') {
        inBrackets = true;
      } else if (c == ']') {
        inBrackets = false;
      } else if (c == ':' && !inBrackets) {
        colon = i;
        break;
      }
    }
    String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
    if (host.isEmpty()) {
      if (colon >= 0 || special) {
        return false;
      }
      return true;
    }
    if (!hostValid(host, special)) {
      return false;
    }
    if (colon >= 0) {
      String port = hostPort.substring(colon + 1);
      for (int i = 0; i < port.length(); i++) {
        if (port.charAt(i) < '0' || port.charAt(i) > '9') {
          return false;
        }
      }
      if (!port.isEmpty() && new BigInteger(port).compareTo(BigInteger.valueOf(65535)) > 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean hostValid(String host, boolean special) {
    if (host.startsWith("[")) {
      return host.endsWith("]") && host.length() >= 2 && ipv6Valid(host.substring(1, host.length() - 1));
    }
    if (!special) {
      for (int i = 0; i < host.length(); i++) {
        if (isForbiddenHost(host.charAt(i))) {
          return false;
        }
      }
      return true;
    }
    String domain = percentDecode(host);
    String ascii = domainToAscii(domain);
    if (ascii == null || ascii.isEmpty()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (isForbiddenHost(c) || c <= 0x1F || c == '%' || c == 0x7F) {
        return false;
      }
    }
    if (endsInNumber(ascii)) {
      return ipv4Valid(ascii);
    }
    return true;
  }

  private static boolean isForbiddenHost(char c) {
    switch (c) {
      case 0: case '\t': case '\n': case '\r': case ' ': case '#': case '/': case ':': case '<': case '>':
      case '?': case '@': case '[': case '\\': case ']': case '^': case '|':
        return true;
      default:
        return false;
    }
  }

  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
        out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private static int hex(int b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  private static String domainToAscii(String domain) {
    boolean ascii = true;
    for (int i = 0; i < domain.length(); i++) {
      if (domain.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    String mapped;
    if (ascii) {
      mapped = domain.toLowerCase(Locale.ROOT);
    } else {
      // Label by label: UTS #46 (VerifyDnsLength=false) allows the empty labels IDN rejects.
      StringBuilder b = new StringBuilder(domain.length() + 16);
      int start = 0;
      for (int i = 0; i <= domain.length(); i++) {
        char c = i < domain.length() ? domain.charAt(i) : '.';
        if (c == '.' || c == '\u3002' || c == '\uFF0E' || c == '\uFF61') {
          String label = domain.substring(start, i);
          if (start > 0) {
            b.append('.');
          }
          if (label.chars().allMatch(ch -> ch < 0x80)) {
            b.append(label.toLowerCase(Locale.ROOT));
          } else {
            try {
              b.append(IDN.toASCII(label, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
              return null;
            }
          }
          start = i + 1;
        }
      }
      mapped = b.toString();
    }
    int start = 0;
    for (int i = 0; i <= mapped.length(); i++) {
      if (i == mapped.length() || mapped.charAt(i) == '.') {
        if (mapped.startsWith("xn--", start) && !punycodeLabelValid(mapped.substring(start + 4, i))) {
          return null;
        }
        start = i + 1;
      }
    }
    return mapped;
  }

  /** Decodes RFC 3492 punycode; a label that does not decode, is empty or decodes to ASCII only is invalid. */
  private static boolean punycodeLabelValid(String in) {
    int n = 128;
    int i = 0;
    int bias = 72;
    int b = in.lastIndexOf('-');
    StringBuilder out = new StringBuilder();
    for (int j = 0; j < Math.max(b, 0); j++) {
      if (in.charAt(j) >= 0x80) {
        return false;
      }
      out.append(in.charAt(j));
    }
    int p = b > 0 ? b + 1 : 0;
    while (p < in.length()) {
      int oldi = i;
      int w = 1;
      for (int k = 36; ; k += 36) {
        if (p >= in.length()) {
          return false;
        }
        char c = in.charAt(p++);
        int digit = c >= '0' && c <= '9' ? c - 22 : c >= 'a' && c <= 'z' ? c - 'a' : c >= 'A' && c <= 'Z' ? c - 'A' : -1;
        if (digit < 0 || digit > (Integer.MAX_VALUE - i) / w) {
          return false;
        }
        i += digit * w;
        int t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
        if (digit < t) {
          break;
        }
        if ((long) w * (36 - t) > Integer.MAX_VALUE) {
          return false;
        }
        w *= 36 - t;
      }
      int len = out.length() + 1;
      int delta = oldi == 0 ? (i - oldi) / 700 : (i - oldi) / 2;
      delta += delta / len;
      int k = 0;
      while (delta > 455) {
        delta /= 35;
        k += 36;
      }
      bias = k + 36 * delta / (delta + 38);
      if (i / len > Integer.MAX_VALUE - n) {
        return false;
      }
      n += i / len;
      i %= len;
      if (n > 0x10FFFF || n >= 0xD800 && n <= 0xDFFF) {
        return false;
      }
      out.insert(out.offsetByCodePoints(0, Math.min(i, out.codePointCount(0, out.length()))),
          Character.toChars(n));
      i++;
    }
    return out.length() > 0 && isValidUts46Label(out.toString());
  }

  /**
   * Approximates the UTS #46 validity criteria for a decoded label: every code point already in its mapped
   * (NFKC, lower-case) form, none disallowed (controls, format characters, private use, unassigned, surrogates),
   * and accepted by IDNA.
   */
  private static boolean isValidUts46Label(String label) {
    for (int i = 0; i < label.length(); ) {
      int cp = label.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        continue;
      }
      switch (Character.getType(cp)) {
        case Character.CONTROL: case Character.FORMAT: case Character.PRIVATE_USE: case Character.SURROGATE:
        case Character.UNASSIGNED: case Character.SPACE_SEPARATOR: case Character.LINE_SEPARATOR:
        case Character.PARAGRAPH_SEPARATOR:
          return false;
        default:
      }
    }
    if (!label.equals(Normalizer.normalize(label, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))) {
      return false;
    }
    try {
      IDN.toASCII(label, IDN.ALLOW_UNASSIGNED);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The standard's "ends in a number": the last dot-separated part (ignoring one trailing dot) is a number. */
  private static boolean endsInNumber(String s) {
    int end = s.length();
    if (end == 0) {
      return false;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    int start = s.lastIndexOf('.', end - 1) + 1;
    if (start == end) {
      return false;
    }
    boolean digits = true;
    for (int i = start; i < end && digits; i++) {
      digits = s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }
    return digits || ipv4Number(s.substring(start, end)) != null;
  }

  private static BigInteger ipv4Number(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int radix = 10;
    if (s.length() >= 2 && (s.startsWith("0x") || s.startsWith("0X"))) {
      s = s.substring(2);
      radix = 16;
    } else if (s.length() >= 2 && s.charAt(0) == '0') {
      s = s.substring(1);
      radix = 8;
    }
    if (s.isEmpty()) {
      return BigInteger.ZERO;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), radix) < 0 || s.charAt(i) >= 0x80) {
        return null;
      }
    }
    return new BigInteger(s, radix);
  }

  private static boolean ipv4Valid(String s) {
    List<String> parts = JsRules.split(s, '.');
    if (parts.get(parts.size() - 1).isEmpty() && parts.size() > 1) {
      parts = parts.subList(0, parts.size() - 1);
    }
    if (parts.size() > 4) {
      return false;
    }
    BigInteger max = BigInteger.valueOf(255);
    for (int i = 0; i < parts.size(); i++) {
      BigInteger n = ipv4Number(parts.get(i));
      if (n == null) {
        return false;
      }
      if (i < parts.size() - 1 && n.compareTo(max) > 0) {
        return false;
      }
      if (i == parts.size() - 1 && n.compareTo(BigInteger.valueOf(256).pow(5 - parts.size())) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** The WHATWG IPv6 parser, reduced to accept/reject. */
  private static boolean ipv6Valid(String in) {
    int pieceIndex = 0;
    int compress = -1;
    int p = 0;
    int len = in.length();
    if (p < len && in.charAt(p) == ':') {
      if (p + 1 >= len || in.charAt(p + 1) != ':') {
        return false;
      }
      p += 2;
      pieceIndex++;
      compress = pieceIndex;
    }
    while (p < len) {
      if (pieceIndex == 8) {
        return false;
      }
      if (in.charAt(p) == ':') {
        if (compress != -1) {
          return false;
        }
        p++;
        pieceIndex++;
        compress = pieceIndex;
        continue;
      }
      int length = 0;
      while (length < 4 && p < len && hex(in.charAt(p)) >= 0 && in.charAt(p) < 0x80) {
        p++;
        length++;
      }
      if (p < len && in.charAt(p) == '.') {
        if (length == 0) {
          return false;
        }
        p -= length;
        if (pieceIndex > 6) {
          return false;
        }
        int numbersSeen = 0;
        while (p < len) {
          int value = -1;
          if (numbersSeen > 0) {
            if (in.charAt(p) == '.' && numbersSeen < 4) {
              p++;
            } else {
              return false;
            }
          }
          if (p >= len || in.charAt(p) < '0' || in.charAt(p) > '9') {
            return false;
          }
          while (p < len && in.charAt(p) >= '0' && in.charAt(p) <= '9') {
            int number = in.charAt(p) - '0';
            if (value == -1) {
              value = number;
            } else if (value == 0) {
              return false;
            } else {
              value = value * 10 + number;
            }
            if (value > 255) {
              return false;
            }
            p++;
          }
          numbersSeen++;
          if (numbersSeen == 2 || numbersSeen == 4) {
            pieceIndex++;
          }
        }
        if (numbersSeen != 4) {
          return false;
        }
        break;
      } else if (p < len && in.charAt(p) == ':') {
        p++;
        if (p >= len) {
          return false;
        }
      } else if (p < len) {
        return false;
      }
      pieceIndex++;
    }
    if (compress != -1) {
      return true;
    }
    return pieceIndex == 8;
  }
}
