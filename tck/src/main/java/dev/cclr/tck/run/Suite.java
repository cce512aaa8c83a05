package dev.cclr.tck.run;

/** The two suites of the kit: which side of the protocol a run judges. */
public enum Suite {
  /** Server cases (fixtures/server) against a target server. */
  SERVER("server"),
  /** Client cases (fixtures/client) run by a client driver against the recording server. */
  CLIENT("client");

  private final String id;

  Suite(String id) {
    this.id = id;
  }

  /** The suite's name: its fixtures folder and its name in reports. */
  public String id() { return id; }

  public static Suite parse(String id) {
    for (Suite s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown suite '" + id + "': server or client");
  }

  @Override
  public String toString() { return id; }
}
