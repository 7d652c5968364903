package org.energyweb.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Small named values kept with the ledger, such as an event listener's checkpoint block. */
public final class Settings {

    private final Ledger ledger;

    Settings(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<String> get(String name) {
        return ledger.withReader(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT value FROM setting WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Stores a value; the future completes when it is committed. */
    public CompletableFuture<Void> put(String name, String value) {
        return ledger.write(statements -> {
            statements.upsertSetting.setString(1, name);
            statements.upsertSetting.setString(2, value);
            statements.upsertSetting.executeUpdate();
        });
    }
}
