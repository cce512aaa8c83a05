package dev.cclr.examples;

import dev.cclr.tck.junit.ClientTck;
import dev.cclr.tck.junit.TckSelection;

/**
 * How a client implementer embeds the client TCK: extend {@link ClientTck} and name the driver
 * (here the kit's reference client; yours would be {@code cmd:<command line>}). The client suite
 * runs a driver process per case, so this example selects a few cases through {@link #selection()}.
 */
class ReferenceClientConformanceTest extends ClientTck {
  @Override
  protected String driver() {
    return "reference";
  }

  @Override
  protected TckSelection selection() {
    return TckSelection.cases("client-artifact-framing", "client-relation-well-formed", "client-schema-json-form",
        "client-blob-names-are-sha256");
  }
}
