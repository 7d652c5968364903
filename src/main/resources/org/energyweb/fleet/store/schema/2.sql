-- Batches go on chain through the transaction pipeline (FleetJournal) with their manifest's CID.
-- The accounts' next nonces move to fleet_nonce under the pipeline's account name (chainId:address, the
-- address in lower case, as chain/tx/NonceManager names it). A batch formed by the previous release has no
-- manifest CID and no transaction yet: its readings are unbatched, to be formed again with one. A batch
-- signed or anchored by the previous release refuses this migration before (FleetSchema.previousReleaseFinished).
ALTER TABLE fleet_batch ADD COLUMN IF NOT EXISTS tx_state text, ADD COLUMN IF NOT EXISTS tx_detail text,
    ADD COLUMN IF NOT EXISTS manifest_cid text, DROP COLUMN IF EXISTS raw_tx;
UPDATE fleet_reading SET batch_id = NULL, leaf_index = NULL
    WHERE batch_id IN (SELECT id FROM fleet_batch WHERE state = 'formed' AND manifest_cid IS NULL);
DELETE FROM fleet_batch WHERE state = 'formed' AND manifest_cid IS NULL;
CREATE TABLE IF NOT EXISTS fleet_nonce (account text PRIMARY KEY, next_nonce bigint NOT NULL);
INSERT INTO fleet_nonce SELECT chain_id || ':' || lower(address), next_nonce FROM fleet_signer
    ON CONFLICT (account) DO UPDATE SET next_nonce = greatest(fleet_nonce.next_nonce, EXCLUDED.next_nonce);
DROP TABLE fleet_signer;
