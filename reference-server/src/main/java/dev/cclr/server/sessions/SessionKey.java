package dev.cclr.server.sessions;

/** Sessions are keyed by the client's user id and session id, compared as exact strings. */
public record SessionKey(String userId, String sessionId) {}
