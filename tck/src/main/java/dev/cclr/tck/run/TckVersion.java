package dev.cclr.tck.run;

/** The TCK's own version, from the jar manifest when packaged. */
public final class TckVersion {
  private TckVersion() {}

  public static String get() {
    String v = TckVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
