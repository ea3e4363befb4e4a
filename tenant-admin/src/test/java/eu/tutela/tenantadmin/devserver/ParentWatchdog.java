package eu.tutela.tenantadmin.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A tiny shell process that outlives a hard kill of this JVM ({@code kill -9}, an out-of-memory kill) and then
 * stops the server this JVM started, so that no Keycloak or PostgreSQL keeps its ports, memory and data folder.
 * Shutdown hooks cover every other exit; this covers the one where no Java code runs. It polls once a second and
 * ends by itself once the JVM is gone and its stop command has run, or once the server has stopped.
 *
 * <p>The stop command only ever signals the process it was given, and only while that process's command line still
 * names {@code marker} (a pid, once free, may be given to an unrelated process).
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    /**
     * Watches this JVM for {@code pid}.
     *
     * @param pid    the server's process (its direct children are signalled too: kc.sh may stay the JVM's parent)
     * @param marker a word of its command line that proves the pid is still that server
     * @param signal the signal that stops it cleanly ({@code TERM} for Keycloak, {@code INT} for PostgreSQL's fast
     *               shutdown)
     */
    public static Process guard(long pid, String marker, String signal) {
        return guard(ProcessHandle.current().pid(), pid, marker, signal);
    }

    /** Watches {@code parentPid} (tests stand in a parent of their own). */
    static Process guard(long parentPid, long pid, String marker, String signal) {
        String script = """
                parent=%1$d; child=%2$d; marker='%3$s'
                owned() { tr '\\0' ' ' < /proc/$child/cmdline 2>/dev/null | grep -qF -- "$marker"; }
                while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
                owned || exit 0
                pkill -%4$s -P "$child" 2>/dev/null; kill -%4$s "$child" 2>/dev/null
                for i in $(seq 30); do kill -0 "$child" 2>/dev/null || exit 0; sleep 1; done
                owned && { pkill -KILL -P "$child" 2>/dev/null; kill -KILL "$child" 2>/dev/null; }
                exit 0
                """.formatted(parentPid, pid, marker.replace("'", ""), signal);
        try {
            return new ProcessBuilder(List.of("/bin/sh", "-c", script))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the watchdog of process " + pid, e);
        }
    }
}
