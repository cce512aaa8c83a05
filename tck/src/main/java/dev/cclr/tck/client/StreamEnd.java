package dev.cclr.tck.client;

/** How the client ends a client-streaming call after its last message. */
public enum StreamEnd {
  /** Half-close: "no more messages", the normal end. */
  COMPLETE,
  /** Cancel the call, as a client that crashes or gives up mid-upload would. */
  CANCEL
}
