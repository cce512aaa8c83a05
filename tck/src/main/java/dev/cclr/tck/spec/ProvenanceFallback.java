package dev.cclr.tck.spec;

import java.util.Optional;

/**
 * Where an implementation came from, as its matrix row says, for a summary written before runs
 * recorded it themselves. Kept in this package (not the matrix row itself) so that the page does not
 * depend on the matrix, which depends on the page.
 *
 * @param version the row's version; empty for the kit's own implementations, whose version is the TCK's
 * @param installedFrom the row's {@code install}
 */
public record ProvenanceFallback(Optional<String> version, String installedFrom) {}
