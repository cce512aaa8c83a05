package dev.cclr.tck.clienttck.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --driver} names: the pinned Python clients, the Go client, and the error for an unknown one. */
class ClientDriversTest {

  @Test
  void pythonClientsByName() {
    assertEquals("pyspark", ClientDrivers.parse("pyspark").name());
    assertEquals("PySpark Connect client 4.2.0", ClientDrivers.parse("pyspark").describe());
    assertEquals("pyspark:3.5.9", ClientDrivers.parse("pyspark:3.5.9").name());
    ClientDriver rust = ClientDrivers.parse("pyspark-client-rust");
    // It refuses a pyarrow.Table: rows are its usual form, the Arrow form does not apply.
    assertEquals(EnumSet.of(InputForm.PANDAS, InputForm.ROWS), rust.inputForms());
    assertEquals("rows", rust.environment().get("CCLR_USUAL_FORM"));
    assertEquals(Map.of("PYTHONHASHSEED", "0"), ClientDrivers.parse("pyspark:4.1.3").environment());
    assertEquals("pandas", ClientDrivers.parse("pyspark:3.5.9").environment().get("CCLR_USUAL_FORM"));
    assertInstanceOf(GoClientDriver.class, ClientDrivers.parse("go"));
    assertTrue(ClientDrivers.parse("go").inputForms().isEmpty());
  }

  @Test
  void unknownVersionsAndDriversNameWhatExists() {
    IllegalArgumentException v = assertThrows(IllegalArgumentException.class, () -> ClientDrivers.parse("pyspark:3.4.1"));
    assertEquals("unknown PySpark version in driver 'pyspark:3.4.1': this kit pins 4.2.0, 4.1.3, 4.0.1, 3.5.9", v.getMessage());
    IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> ClientDrivers.parse("rust"));
    assertTrue(d.getMessage().contains("pyspark:<version> (4.2.0, 4.1.3, 4.0.1, 3.5.9), pyspark-client-rust, go,"), d.getMessage());
  }

  @Test
  void goDriverNamesThePinnedClient() {
    assertEquals("v0.1.1-0.20250826122459-0e3d565b63e6", GoClientDriver.clientVersion());
  }
}
