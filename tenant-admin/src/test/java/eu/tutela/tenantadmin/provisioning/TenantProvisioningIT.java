package eu.tutela.tenantadmin.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import eu.tutela.tenantadmin.SharedKeycloak;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import eu.tutela.tenantadmin.keycloak.RealmSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKeycloak.class)
class TenantProvisioningIT {

    private KeycloakDirectory directory;

    @BeforeEach
    void realm() {
        directory = SharedKeycloak.directory();
        directory.ensureRealm(RealmSpec.tutelaOnLoopback("provisioning-secret"));
    }

    @Test
    void provisionsTheOrganizationAndTheRecord() {
        List<String> stored = new ArrayList<>();
        TenantSpec spec = new TenantSpec(slug(), "Lycée Victor Hugo", "fr");

        ProvisionedTenant tenant = new TenantProvisioning(directory, (s, orgId) -> stored.add(s.slug() + "=" + orgId))
                .provision(spec);

        assertThat(directory.findOrganization(spec.slug())).get()
                .satisfies(o -> assertThat(o.id()).isEqualTo(tenant.organizationId()))
                .satisfies(o -> assertThat(o.name()).isEqualTo("Lycée Victor Hugo"));
        assertThat(stored).containsExactly(spec.slug() + "=" + tenant.organizationId());
        assertThat(tenant.spec().countryCode()).isEqualTo("FR");
    }

    @Test
    void aFailingRecordStepRemovesTheOrganizationItCreated() {
        TenantSpec spec = new TenantSpec(slug(), "Collège Jean Moulin", "FR");
        TenantRecords failing = (s, orgId) -> {
            assertThat(directory.findOrganization(s.slug())).isPresent(); // it really existed in between
            throw new IllegalStateException("database down");
        };

        assertThatThrownBy(() -> new TenantProvisioning(directory, failing).provision(spec))
                .isInstanceOf(TenantProvisioningException.class)
                .hasMessageContaining(spec.slug())
                .hasMessageContaining("database down")
                .hasMessageContaining("deleted again")
                .hasRootCauseMessage("database down");
        assertThat(directory.findOrganization(spec.slug())).isEmpty();
    }

    @Test
    void anOrganizationThatExistedBeforeIsReusedAndNotDeletedOnFailure() {
        String slug = slug();
        String existing = directory.ensureOrganization(slug, "Made by hand " + slug);

        assertThatThrownBy(() -> new TenantProvisioning(directory, (s, orgId) -> {
            throw new IllegalStateException("duplicate key");
        }).provision(new TenantSpec(slug, "École " + slug, "BE")))
                .isInstanceOf(TenantProvisioningException.class)
                .hasMessageContaining("left in place");
        assertThat(directory.findOrganization(slug)).get().extracting(o -> o.id()).isEqualTo(existing);

        ProvisionedTenant tenant = new TenantProvisioning(directory, (s, orgId) -> { }).provision(new TenantSpec(slug, "École " + slug, "BE"));
        assertThat(tenant.organizationId()).isEqualTo(existing);
    }

    private static String slug() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
