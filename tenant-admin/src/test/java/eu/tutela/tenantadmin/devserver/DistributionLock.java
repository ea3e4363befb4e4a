package eu.tutela.tenantadmin.devserver;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serialises the beginning of Keycloak starts on one distribution, across JVMs (file lock) and inside one JVM
 * (semaphore). On the very first start, {@code kc.sh start-dev} re-augments the Quarkus application and rewrites
 * {@code lib/quarkus} inside the shared distribution; two starts doing that at once could corrupt it. The lock is
 * held from the spawn until the log says the server runs (augmentation over), the server is ready, or it died.
 */
final class DistributionLock {

    private static final Logger LOG = LoggerFactory.getLogger(DistributionLock.class);
    private static final Semaphore IN_THIS_JVM = new Semaphore(1);

    private final FileChannel channel;
    private final FileLock fileLock;
    private final boolean holdsSemaphore;
    private final AtomicBoolean released = new AtomicBoolean();

    private DistributionLock(FileChannel channel, FileLock fileLock, boolean holdsSemaphore) {
        this.channel = channel;
        this.fileLock = fileLock;
        this.holdsSemaphore = holdsSemaphore;
    }

    static DistributionLock acquire(Path distributionHome, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean inJvm;
        try {
            inJvm = IN_THIS_JVM.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakStartException("Interrupted while waiting for another Keycloak start to finish", e);
        }
        if (!inJvm) {
            LOG.warn("Another Keycloak start in this JVM did not finish within {}; starting anyway", timeout);
        }
        FileChannel channel = null;
        FileLock lock = null;
        try {
            channel = FileChannel.open(distributionHome.resolve(".tutela-start.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (lock == null && System.nanoTime() < deadline) {
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    Thread.sleep(200);
                }
            }
            if (lock == null) {
                LOG.warn("Another process kept {} locked for {}; starting anyway", distributionHome, timeout);
            }
        } catch (IOException e) {
            LOG.debug("Cannot lock {} ({}); relying on the in-JVM lock only", distributionHome, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            if (inJvm) {
                IN_THIS_JVM.release();
            }
            throw new KeycloakStartException("Interrupted while waiting for another Keycloak start to finish", e);
        }
        return new DistributionLock(channel, lock, inJvm);
    }

    boolean isReleased() {
        return released.get();
    }

    /** Idempotent. */
    void release() {
        if (released.compareAndSet(false, true)) {
            releaseFile();
            if (holdsSemaphore) {
                IN_THIS_JVM.release();
            }
        }
    }

    private void releaseFile() {
        try {
            if (fileLock != null && fileLock.isValid()) {
                fileLock.release();
            }
        } catch (IOException ignored) {
            // the channel close below releases it anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
