/**
 * Batch generation: many image tasks from one list of requests, at most a given number in flight,
 * resumable after a crash from an append-only journal, never creating a line's task twice. Start
 * from {@link io.github.vidu4j.batch.Batches#of}; {@link io.github.vidu4j.batch.TaskFiles} saves a
 * task's results into a directory.
 */
@NullMarked
package io.github.vidu4j.batch;

import org.jspecify.annotations.NullMarked;
