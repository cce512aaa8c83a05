package dev.cclr.server.execution;

import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.server.relations.RelationPlanner;
import dev.cclr.server.sessions.ErrorResponder;
import dev.cclr.server.sessions.SessionManager;
import java.util.concurrent.Executor;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What the execution RPCs share: sessions, the planner, the live operations, the executor that
 * streams responses, the server's root Arrow allocator (each operation gets a child, so leaks are
 * caught per operation) and the Spark version this server reports.
 */
public record ExecutionContext(
    SessionManager sessions,
    RelationPlanner planner,
    ExecutionManager operations,
    Executor senders,
    BufferAllocator rootAllocator,
    ErrorResponder errors,
    ErrorStyle style,
    String sparkVersion) {}
