package dev.apikeys.benchmarks;

/**
 * What walking a whole listing saw: how many keys, and the id of the last one.
 *
 * @param count the keys seen
 * @param lastId the id of the last key seen, or null when there was none
 */
public record KeyWalk(long count, String lastId) {
}
