package eu.tutela.tenantadmin.provisioning;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caller's records for tests of this module, which has no database: a claim is an atomic put, as a unique row is
 * in the portal. Subclasses change {@link #store} to fail or wait.
 */
class RecordsInMemory implements TenantRecords {

    final Set<String> claimed = ConcurrentHashMap.newKeySet();
    final Map<String, String> organizationBySlug = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String slug) {
        return claimed.add(slug);
    }

    @Override
    public void create(TenantSpec spec, String organizationId) {
        store(spec, organizationId);
        organizationBySlug.put(spec.slug(), organizationId);
    }

    void store(TenantSpec spec, String organizationId) {
    }

    @Override
    public void release(String slug) {
        claimed.remove(slug);
    }
}
