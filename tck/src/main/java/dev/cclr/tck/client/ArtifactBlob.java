package dev.cclr.tck.client;

import com.google.protobuf.ByteString;
import java.util.Objects;

/** An artifact to upload: its name on the server (e.g. {@code cache/<sha256>}) and its bytes. */
public record ArtifactBlob(String name, ByteString data) {
  public ArtifactBlob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
  }

  public static ArtifactBlob of(String name, byte[] data) {
    return new ArtifactBlob(name, ByteString.copyFrom(data));
  }

  @Override
  public String toString() {
    return name + " (" + data.size() + " bytes)";
  }
}
