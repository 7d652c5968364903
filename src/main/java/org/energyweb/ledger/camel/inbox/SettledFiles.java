package org.energyweb.ledger.camel.inbox;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

/**
 * Which files of the inbox are ready to be taken (the file consumer's {@code filter}): a file must
 * not have changed for the settle time, and the folder must have had no file added, renamed or
 * removed for that long either, so a set of files moved in together is taken together, in one
 * sorted poll, never half of it. The change time (ctime) is used, not the modification time: moving
 * a file in keeps its old modification time but sets its change time. So that a folder written to without pause is not
 * starved, a file that has been still for {@code maxWaitMillis} is taken whatever its folder does; that
 * bound is long (a minute by default) so that a slow move of many files, on a loaded machine, is
 * still taken as one set.
 */
public final class SettledFiles implements GenericFileFilter<File> {

    private final Duration settle;
    private final Duration maxWait;

    public SettledFiles(long settleMillis, long maxWaitMillis) {
        if (settleMillis < 0 || maxWaitMillis < settleMillis) {
            throw new IllegalArgumentException("the inbox needs 0 <= settleMillis <= maxWaitMillis, not " + settleMillis + " and " + maxWaitMillis);
        }
        this.settle = Duration.ofMillis(settleMillis);
        this.maxWait = Duration.ofMillis(maxWaitMillis);
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return false;
        }
        Path path = file.getFile().toPath();
        long now = System.currentTimeMillis();
        long fileStill = now - changed(path);
        if (fileStill < settle.toMillis()) {
            return false;
        }
        return fileStill >= maxWait.toMillis() || now - changed(path.toAbsolutePath().getParent()) >= settle.toMillis();
    }

    /** The last change of the file or folder's content or name, in epoch milliseconds; now when it cannot be read. */
    private static long changed(Path path) {
        try {
            return ((FileTime) Files.getAttribute(path, "unix:ctime")).toMillis();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return lastModified(path);
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
    }

    private static long lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
    }
}
