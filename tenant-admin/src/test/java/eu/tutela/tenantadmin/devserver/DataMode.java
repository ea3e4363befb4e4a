package eu.tutela.tenantadmin.devserver;

/** What happens to Keycloak's database between two starts. */
public enum DataMode {
    /**
     * H2 file database under the data directory: a second start finds the realms and users of the first.
     * This is the demo / developer mode.
     */
    PERSISTENT,
    /**
     * H2 in-memory database (a fresh name each start): every start is a clean Keycloak, and the data
     * directory (log, pid file, transaction log) is wiped on start. This is the test mode.
     */
    EPHEMERAL
}
