package eu.tutela.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** Background work runs for the tenant and person that handed it on, on the application's own executor. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TenantPropagationIT {

    @Autowired
    AsyncTaskExecutor applicationTaskExecutor;

    record Seen(Optional<UUID> tenant, Optional<UUID> person) {
    }

    @Test
    void aTaskSubmittedForATenantAndPersonRunsForThemAndTheThreadKeepsNothingAfterwards() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        Seen inTask = ActingPerson.callAs(person, () -> TenantContext.callAs(tenant,
                () -> join(applicationTaskExecutor.submitCompletable(() -> new Seen(TenantContext.current(), ActingPerson.current())))));
        assertThat(inTask).isEqualTo(new Seen(Optional.of(tenant), Optional.of(person)));

        // A task submitted with no tenant, on the same pool, inherits nothing from the previous one.
        Seen after = join(applicationTaskExecutor.submitCompletable(() -> new Seen(TenantContext.current(), ActingPerson.current())));
        assertThat(after).isEqualTo(new Seen(Optional.empty(), Optional.empty()));
    }

    @Test
    void theSubmittersAuthenticationGoesAlongSoAPersonsTaskIsNeverTakenForSystemWork() throws Exception {
        var person = UsernamePasswordAuthenticationToken.authenticated("someone", null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
        SecurityContextHolder.getContext().setAuthentication(person);
        try {
            Object seen = applicationTaskExecutor.submitCompletable(() -> SecurityContextHolder.getContext().getAuthentication())
                    .get(30, TimeUnit.SECONDS);
            assertThat(seen).isSameAs(person);
        } finally {
            SecurityContextHolder.clearContext();
        }
        Object afterwards = applicationTaskExecutor.submitCompletable(() -> SecurityContextHolder.getContext().getAuthentication())
                .get(30, TimeUnit.SECONDS);
        assertThat(afterwards).isNull();
    }

    @Test
    void anExplicitlyBoundCallbackWinsOverWhateverTenantTheRunningThreadHas() {
        UUID scheduledFor = UUID.randomUUID();
        Runnable[] callback = new Runnable[1];
        Optional<UUID>[] seen = new Optional[1];
        TenantContext.runAs(scheduledFor, () -> callback[0] = TenantContext.bind(() -> seen[0] = TenantContext.current()));

        TenantContext.runAs(UUID.randomUUID(), callback[0]);

        assertThat(seen[0]).contains(scheduledFor);
    }

    private static Seen join(CompletableFuture<Seen> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
