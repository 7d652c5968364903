package org.energyweb.ledger;

import java.sql.SQLException;

/** One write the ledger's writer thread commits, grouped with others in one transaction. */
interface WriteJob {

    void apply(Writer.Statements statements) throws SQLException;

    /** Called once the transaction holding this job has committed. */
    void committed();

    void failed(Throwable cause);

    /** An append advances a chain head in memory, so its failure leaves the ledger unusable. */
    default boolean isAppend() {
        return false;
    }
}
