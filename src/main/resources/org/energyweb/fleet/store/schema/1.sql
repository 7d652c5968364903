-- The anchor service schema of the release before the versioning (main at 1c83be3, FleetStore.SCHEMA), verbatim.
-- A released migration is never edited: databases hold its result.
CREATE TABLE IF NOT EXISTS fleet_gateway (id text PRIMARY KEY);
CREATE TABLE IF NOT EXISTS fleet_partition (
    topic text NOT NULL, partition int NOT NULL, epoch bigint NOT NULL, owner text NOT NULL,
    next_offset bigint NOT NULL DEFAULT 0, PRIMARY KEY (topic, partition));
CREATE TABLE IF NOT EXISTS fleet_meter (
    meter text PRIMARY KEY, gateway text NOT NULL, seq bigint NOT NULL, sha256 text NOT NULL);
CREATE TABLE IF NOT EXISTS fleet_batch (
    id bigserial PRIMARY KEY, topic text NOT NULL, partition int NOT NULL, root bytea NOT NULL,
    size int NOT NULL, first_offset bigint NOT NULL, last_offset bigint NOT NULL, state text NOT NULL,
    formed_at timestamptz NOT NULL DEFAULT now(), chain_id bigint, contract text, sender text, nonce bigint,
    raw_tx text, tx text, block bigint, block_hash text, reason text);
CREATE INDEX IF NOT EXISTS fleet_batch_open ON fleet_batch (topic, partition, state) WHERE state <> 'published';
CREATE TABLE IF NOT EXISTS fleet_signer (
    chain_id bigint NOT NULL, address text NOT NULL, next_nonce bigint NOT NULL, PRIMARY KEY (chain_id, address));
CREATE TABLE IF NOT EXISTS fleet_reading (
    sha256 text PRIMARY KEY, meter text NOT NULL, seq bigint NOT NULL, gateway text NOT NULL,
    document bytea NOT NULL, topic text NOT NULL, partition int NOT NULL, record_offset bigint NOT NULL,
    batch_id bigint REFERENCES fleet_batch (id), leaf_index int, UNIQUE (meter, seq));
CREATE INDEX IF NOT EXISTS fleet_reading_batch ON fleet_reading (batch_id, leaf_index);
CREATE INDEX IF NOT EXISTS fleet_reading_unbatched ON fleet_reading (topic, partition, record_offset) WHERE batch_id IS NULL;
CREATE TABLE IF NOT EXISTS fleet_dead_letter (
    id bigserial PRIMARY KEY, topic text NOT NULL, partition int NOT NULL, record_offset bigint NOT NULL,
    gateway text, meter text, seq text, reason text NOT NULL, document bytea, at timestamptz NOT NULL DEFAULT now(),
    held boolean NOT NULL DEFAULT false, released_at timestamptz);
CREATE INDEX IF NOT EXISTS fleet_dead_letter_held ON fleet_dead_letter (topic, partition) WHERE held AND released_at IS NULL;
