package org.energyweb.batch;

/** One reading in a batch: its identity and its leaf input (per the batch's leaf kind). */
public record BatchLeaf(long position, String meter, long seq, byte[] input) {
}
