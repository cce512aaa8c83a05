package dev.cclr.tck.targets.container;

import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * Container targets run only images already on the local engine: a conformance run must not
 * depend on a registry (none is reachable on the machines this kit is gated on), nor test whatever
 * a tag happens to point at today. A missing image is reported by {@link ContainerTarget} before
 * Testcontainers gets this far; this policy makes sure Testcontainers never tries either.
 */
public final class NeverPullPolicy implements ImagePullPolicy {
  @Override
  public boolean shouldPull(DockerImageName imageName) {
    return false;
  }
}
