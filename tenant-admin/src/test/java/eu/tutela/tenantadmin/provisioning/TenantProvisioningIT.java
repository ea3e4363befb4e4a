package eu.tutela.tenantadmin.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import eu.tutela.tenantadmin.SharedKeycloak;
import eu.tutela.tenantadmin.keycloak.DirectoryOrganization;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import eu.tutela.tenantadmin.keycloak.RealmSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.OrganizationRepresentation;

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
        RecordsInMemory records = new RecordsInMemory();
        TenantSpec spec = new TenantSpec(slug(), "Lycée Victor Hugo", "fr");

        ProvisionedTenant tenant = new TenantProvisioning(directory, records).provision(spec);

        assertThat(directory.findOrganization(spec.slug())).get()
                .satisfies(o -> assertThat(o.id()).isEqualTo(tenant.organizationId()))
                .satisfies(o -> assertThat(o.name()).isEqualTo("Lycée Victor Hugo"));
        assertThat(records.organizationBySlug).containsExactly(Map.entry(spec.slug(), tenant.organizationId()));
        assertThat(tenant.spec().countryCode()).isEqualTo("FR");
    }

    @Test
    void aFailingRecordStepRemovesTheOrganizationItCreatedAndReleasesTheSlug() {
        TenantSpec spec = new TenantSpec(slug(), "Collège Jean Moulin", "FR");
        RecordsInMemory failing = new RecordsInMemory() {
            @Override
            void store(TenantSpec s, String organizationId) {
                assertThat(directory.findOrganization(s.slug())).isPresent(); // it really existed in between
                throw new IllegalStateException("database down");
            }
        };

        assertThatThrownBy(() -> new TenantProvisioning(directory, failing).provision(spec))
                .isInstanceOf(TenantProvisioningException.class)
                .hasMessageContaining(spec.slug())
                .hasMessageContaining("database down")
                .hasMessageContaining("deleted again")
                .hasRootCauseMessage("database down");
        assertThat(directory.findOrganization(spec.slug())).isEmpty();
        assertThat(failing.claimed).doesNotContain(spec.slug());
    }

    @Test
    void anOrganizationThatExistedBeforeIsReusedAndNotDeletedOnFailure() {
        String slug = slug();
        String existing = directory.ensureOrganization(slug, "Made by hand " + slug);

        assertThatThrownBy(() -> new TenantProvisioning(directory, new RecordsInMemory() {
            @Override
            void store(TenantSpec spec, String organizationId) {
                throw new IllegalStateException("duplicate key");
            }
        }).provision(new TenantSpec(slug, "École " + slug, "BE")))
                .isInstanceOf(TenantProvisioningException.class)
                .hasMessageContaining("left in place");
        assertThat(directory.findOrganization(slug)).get().extracting(DirectoryOrganization::id).isEqualTo(existing);

        ProvisionedTenant tenant = new TenantProvisioning(directory, new RecordsInMemory()).provision(new TenantSpec(slug, "École " + slug, "BE"));
        assertThat(tenant.organizationId()).isEqualTo(existing);
    }

    @Test
    void aSecondRunForTheSameSlugStopsBeforeKeycloakAndCannotDeleteWhatTheFirstRecorded() throws Exception {
        String slug = slug();
        CountDownLatch firstIsStoring = new CountDownLatch(1);
        CountDownLatch secondHasRun = new CountDownLatch(1);
        RecordsInMemory records = new RecordsInMemory() {
            @Override
            void store(TenantSpec spec, String organizationId) {
                firstIsStoring.countDown();
                await(secondHasRun);
            }
        };
        CompletableFuture<ProvisionedTenant> first = CompletableFuture.supplyAsync(
                () -> new TenantProvisioning(directory, records).provision(new TenantSpec(slug, "Premier " + slug, "FR")));
        assertThat(firstIsStoring.await(60, TimeUnit.SECONDS)).isTrue();

        try {
            assertThatThrownBy(() -> new TenantProvisioning(directory, records).provision(new TenantSpec(slug, "Second " + slug, "FR")))
                    .isInstanceOf(TenantProvisioningException.class)
                    .hasMessageContaining("being provisioned by another run");
        } finally {
            secondHasRun.countDown();
        }

        ProvisionedTenant winner = first.get(60, TimeUnit.SECONDS);
        assertThat(directory.findOrganization(slug)).get()
                .satisfies(o -> assertThat(o.id()).isEqualTo(winner.organizationId()))
                .satisfies(o -> assertThat(o.name()).isEqualTo("Premier " + slug));
        assertThat(records.organizationBySlug).containsEntry(slug, winner.organizationId());
    }

    @Test
    void anOrganizationDisabledOnPurposeIsNotReEnabled() {
        String slug = slug();
        String id = directory.ensureOrganization(slug, "Suspendue " + slug);
        OrganizationRepresentation rep = directory.realmResource().organizations().get(id).toRepresentation();
        rep.setEnabled(false);
        directory.realmResource().organizations().get(id).update(rep).close();

        RecordsInMemory records = new RecordsInMemory();
        assertThatThrownBy(() -> new TenantProvisioning(directory, records).provision(new TenantSpec(slug, "École " + slug, "FR")))
                .isInstanceOf(TenantProvisioningException.class)
                .hasMessageContaining("disabled on purpose");
        assertThat(directory.findOrganization(slug)).get().extracting(DirectoryOrganization::enabled).isEqualTo(false);
        assertThat(directory.ensureOrganization(slug, "Suspendue " + slug)).isEqualTo(id);
        assertThat(directory.findOrganization(slug)).get().extracting(DirectoryOrganization::enabled).isEqualTo(false);
        assertThat(records.organizationBySlug).isEmpty();
        assertThat(records.claimed).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String slug() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
