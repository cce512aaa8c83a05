package dev.cclr.tck.targets;

import dev.cclr.tck.client.ConnectUri;

/** {@code sc://host:port/;token=...;user_id=...}: any running Spark Connect server. */
public final class RemoteTarget implements Target {
  private final ConnectUri uri;
  private final String text;

  public RemoteTarget(String connectionString) {
    this.text = connectionString;
    this.uri = ConnectUri.parse(connectionString);
  }

  @Override
  public String implementation() { return "server at " + uri.host() + ":" + uri.port(); }

  @Override
  public String name() { return text; }

  @Override
  public ConnectUri uri() { return uri; }

  @Override
  public boolean managed() { return false; }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
