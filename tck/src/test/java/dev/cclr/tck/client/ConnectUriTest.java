package dev.cclr.tck.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectUriTest {
  private static final String SESSION = "550e8400-e29b-41d4-a716-446655440000";

  @Test
  void hostAloneGetsTheDefaultPortAndNoParameters() {
    for (String text : new String[] {"sc://myhost.com", "sc://myhost.com/", "sc://myhost.com/;"}) {
      ConnectUri uri = ConnectUri.parse(text);
      assertEquals("myhost.com", uri.host(), text);
      assertEquals(15002, uri.port(), text);
      assertEquals(Optional.empty(), uri.token(), text);
      assertFalse(uri.useSsl(), text);
      assertEquals(Map.of(), uri.extraHeaders(), text);
    }
  }

  @Test
  void everyDocumentedParameterIsRead() {
    ConnectUri uri =
        ConnectUri.parse(
            "sc://127.0.0.1:15999/;token=abc;user_id=martin;session_id=" + SESSION
                + ";use_ssl=false;user_agent=my_app;grpc_max_message_size=1024;x-custom=v1");
    assertEquals("127.0.0.1", uri.host());
    assertEquals(15999, uri.port());
    assertEquals(Optional.of("abc"), uri.token());
    assertEquals(Optional.of("martin"), uri.userId());
    assertEquals(Optional.of(SESSION), uri.sessionId());
    assertEquals(Optional.of("my_app"), uri.userAgent());
    assertFalse(uri.useSsl(), "a token does not force TLS");
    assertEquals(OptionalInt.of(1024), uri.grpcMaxMessageSize());
    assertEquals(Map.of("x-custom", "v1"), uri.extraHeaders());
  }

  @Test
  void useSslIsTrueOnlyForTrueInAnyCase() {
    assertTrue(ConnectUri.parse("sc://h/;use_ssl=TRUE").useSsl());
    assertTrue(ConnectUri.parse("sc://h/;use_ssl=true").useSsl());
    assertFalse(ConnectUri.parse("sc://h/;use_ssl=yes").useSsl());
  }

  @Test
  void keysAreCaseSensitive() {
    ConnectUri uri = ConnectUri.parse("sc://h/;Token=abc");
    assertEquals(Optional.empty(), uri.token());
    assertEquals(Map.of("Token", "abc"), uri.extraHeaders());
  }

  @Test
  void ipv6HostsLoseTheirBracketsForTheSocket() {
    ConnectUri uri = ConnectUri.parse("sc://[::1]:15003/");
    assertEquals("::1", uri.socketHost());
    assertEquals(15003, uri.port());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://host:15002/",
        "sc:///;token=a",
        "sc://myhost.com:443/mypathprefix/;token=AAAAAAA",
        "sc://host/;token",
        "sc://host/;token=",
        "sc://host/;a=b=c",
        "sc://host/;session_id=not-a-uuid",
        "sc://host/?token=abc",
        "sc://host/;token=abc#frag",
        "sc://user@host/",
        "sc://host/;grpc_max_message_size=-5",
        "sc://host:99999/"
      })
  void malformedStringsAreRejected(String text) {
    assertThrows(IllegalArgumentException.class, () -> ConnectUri.parse(text));
  }

  @Test
  void roundTripsAndMasksTheTokenInToString() {
    ConnectUri uri =
        ConnectUri.parse("sc://h:1/;token=secret;user_id=u;session_id=" + SESSION + ";use_ssl=true;k=v");
    assertEquals(uri, ConnectUri.parse(uri.toConnectionString()));
    assertFalse(uri.toString().contains("secret"), uri.toString());
    assertTrue(uri.toString().contains("token=***"), uri.toString());
  }

  @Test
  void localIsPlaintextLoopback() {
    ConnectUri uri = ConnectUri.local(4242).withToken("t").withUserId("u");
    assertEquals("sc://127.0.0.1:4242/;token=t;user_id=u", uri.toConnectionString());
  }

  /** The target names the console and the reports show: a token never, any other name unchanged. */
  @Test
  void maskedHidesOnlyTheTokenOfAConnectionString() {
    assertEquals("sc://127.0.0.1:15002/;token=***;user_id=u", ConnectUri.masked("sc://127.0.0.1:15002/;token=s3cret;user_id=u"));
    assertEquals("sc://127.0.0.1:15002", ConnectUri.masked("sc://127.0.0.1:15002"));
    assertEquals("sc://127.0.0.1:15002/;user_id=u", ConnectUri.masked("sc://127.0.0.1:15002/;user_id=u"));
    assertEquals("embedded", ConnectUri.masked("embedded"));
    assertEquals("launch:./server --port {port}", ConnectUri.masked("launch:./server --port {port}"));
    assertEquals("sc://not a uri;token=***", ConnectUri.masked("sc://not a uri;token=x"), "malformed, and shown before it is refused");
  }
}
