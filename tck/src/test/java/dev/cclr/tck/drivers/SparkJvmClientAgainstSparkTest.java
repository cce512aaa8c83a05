package dev.cclr.tck.drivers;

/** The same scenarios against real Spark 4.2.0, so that the driver's expectations are Spark's. */
class SparkJvmClientAgainstSparkTest extends SparkJvmClientEndToEndTest {
  @Override
  E2eTargets.Factory target() {
    return E2eTargets::fromSystemPropertyOrRealSpark;
  }
}
