package org.ssdbench.engine.tf;

import java.util.Objects;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphDef;

/**
 * A TF graph imported from a GraphDef and the one session that runs it. Owns both; {@link #close()} frees the session, then
 * the graph, and may be called more than once. Not thread-safe.
 */
public final class TfSession implements AutoCloseable {
  private final Graph graph;
  private final Session session;
  private boolean closed;

  private TfSession(Graph graph, Session session) {
    this.graph = graph;
    this.session = session;
  }

  /**
   * Imports {@code graphDef} and opens a session on it.
   *
   * @throws IllegalArgumentException if TF rejects the graph (unknown op, bad shapes), with TF's message
   */
  public static TfSession open(GraphDef graphDef, SessionSettings settings) {
    return open(graphDef, settings.toConfigProto());
  }

  /**
   * Imports {@code graphDef} and opens a session with a full {@link ConfigProto}, for callers that change more than {@link
   * SessionSettings} covers (e.g. graph optimizer options). Start from {@code settings.toConfigProto().toBuilder()}.
   *
   * @throws IllegalArgumentException if TF rejects the graph (unknown op, bad shapes), with TF's message
   */
  public static TfSession open(GraphDef graphDef, ConfigProto config) {
    Objects.requireNonNull(graphDef, "graphDef");
    Objects.requireNonNull(config, "config");
    CudaLibraries.preload();
    Graph graph = new Graph();
    try {
      graph.importGraphDef(graphDef);
      return new TfSession(graph, new Session(graph, config));
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  public Session session() {
    checkOpen();
    return session;
  }

  public Graph graph() {
    checkOpen();
    return graph;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("TfSession is closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      session.close();
    } finally {
      graph.close();
    }
  }
}
