package dev.cclr.tck.targets.container;

/**
 * What {@code container:<image>[:port]} names: a local image and the port its server listens on.
 *
 * <p>A trailing {@code :<digits>} is always the port, so {@code container:cclr/reference-server:0.1.0:15002}
 * is image {@code cclr/reference-server:0.1.0} on port 15002, and {@code container:img:8} is image
 * {@code img} on port 8; an image whose tag is all digits needs the port spelled out
 * ({@code container:img:8:15002}).
 */
public record ContainerSpec(String image, int port) {
  public static final String PREFIX = "container:";
  public static final int DEFAULT_PORT = 15002;

  public ContainerSpec {
    if (image.isBlank()) {
      throw new IllegalArgumentException("container target needs an image: container:<image>[:port]");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("container target port must be 1..65535, got " + port);
    }
  }

  public static ContainerSpec parse(String spec) {
    if (!spec.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a container target: '" + spec + "'");
    }
    String rest = spec.substring(PREFIX.length());
    int colon = rest.lastIndexOf(':');
    if (colon > 0 && colon < rest.length() - 1 && rest.indexOf('/', colon) < 0
        && rest.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      String digits = rest.substring(colon + 1);
      if (digits.length() > 5) {
        throw new IllegalArgumentException("container target port must be 1..65535, got " + digits);
      }
      return new ContainerSpec(rest.substring(0, colon), Integer.parseInt(digits));
    }
    return new ContainerSpec(rest, DEFAULT_PORT);
  }

  /** How it is written on the command line. */
  public String text() {
    return PREFIX + image + ":" + port;
  }
}
