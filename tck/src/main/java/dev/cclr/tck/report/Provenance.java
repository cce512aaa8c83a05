package dev.cclr.tck.report;

import java.util.Optional;

/**
 * Where the implementation under test came from, as the person (or the matrix row) that started the
 * run described it: its version and how it was installed ("Maven Central jars", "PyPI wheel
 * pysail==0.7.2 in the kit's venv"). The run cannot find this out itself for every target (an
 * {@code sc://} server says nothing about its installation), so it is given, and written into
 * {@code tck-summary.json} as {@code implementationVersion} and {@code installedFrom}.
 */
public record Provenance(Optional<String> implementationVersion, Optional<String> installedFrom) {
  public static final Provenance NONE = new Provenance(Optional.empty(), Optional.empty());

  public Provenance {
    implementationVersion = implementationVersion.filter(v -> !v.isBlank());
    installedFrom = installedFrom.filter(v -> !v.isBlank());
  }

  public static Provenance of(String implementationVersion, String installedFrom) {
    return new Provenance(Optional.ofNullable(implementationVersion), Optional.ofNullable(installedFrom));
  }
}
