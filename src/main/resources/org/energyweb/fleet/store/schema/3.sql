-- Each partition's accepted readings are its append-only log: log_index 0, 1, 2, ... in the order they were
-- accepted, the log's size kept in fleet_partition (written with the offset, in the same fenced transaction).
-- A batch is the range [first_index, end_index) of its partition's log, a reading's leaf index in it is
-- log_index - first_index: forming a batch writes no reading row, and a reading row has one index less.
-- The previous layout formed a partition's batches in turn from its unbatched readings in (record_offset, seq)
-- order, so its batches follow each other in that order; numbering the batched readings by (batch, leaf) and the
-- unbatched ones after them gives that order, and keeps every batch's leaves (and its anchored root) as they were
-- even where it did not hold: no batch needs forming again.
ALTER TABLE fleet_reading ADD COLUMN log_index bigint;
UPDATE fleet_reading r SET log_index = numbered.log_index FROM (
    SELECT sha256, row_number() OVER (PARTITION BY topic, partition
        ORDER BY batch_id IS NULL, batch_id, leaf_index, record_offset, seq) - 1 AS log_index FROM fleet_reading) numbered
    WHERE r.sha256 = numbered.sha256;
ALTER TABLE fleet_reading ALTER COLUMN log_index SET NOT NULL;
ALTER TABLE fleet_partition ADD COLUMN log_size bigint NOT NULL DEFAULT 0;
UPDATE fleet_partition p SET log_size = (SELECT count(*) FROM fleet_reading r WHERE r.topic = p.topic AND r.partition = p.partition);
ALTER TABLE fleet_batch ADD COLUMN first_index bigint, ADD COLUMN end_index bigint;
UPDATE fleet_batch b SET first_index = ranges.first_index, end_index = ranges.end_index FROM (
    SELECT batch_id, min(log_index) AS first_index, max(log_index) + 1 AS end_index FROM fleet_reading
    WHERE batch_id IS NOT NULL GROUP BY batch_id) ranges
    WHERE b.id = ranges.batch_id;
ALTER TABLE fleet_batch ALTER COLUMN first_index SET NOT NULL, ALTER COLUMN end_index SET NOT NULL;
CREATE UNIQUE INDEX fleet_batch_range ON fleet_batch (topic, partition, first_index);
-- the batch and unbatched indexes go with their columns
ALTER TABLE fleet_reading DROP COLUMN batch_id, DROP COLUMN leaf_index;
ALTER TABLE fleet_reading ADD CONSTRAINT fleet_reading_log UNIQUE (topic, partition, log_index);
