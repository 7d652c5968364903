package org.energyweb.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Small named values kept with the ledger, such as an event listener's checkpoint block. */
public final class Settings {

    private final LedgerAppender appender;
    private final LedgerReader reader;

    Settings(LedgerAppender appender, LedgerReader reader) {
        this.appender = appender;
        this.reader = reader;
    }

    public Optional<String> get(String name) {
        return reader.withReader(connection -> {
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
        return appender.write(statements -> {
            statements.upsertSetting.setString(1, name);
            statements.upsertSetting.setString(2, value);
            statements.upsertSetting.executeUpdate();
        });
    }
}
