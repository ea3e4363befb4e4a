package eu.tutela.portal.support;

import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.policy.HemiPolicy;
import eu.tutela.portal.policy.PolicyDraft;
import eu.tutela.portal.policy.PolicyDrafts;
import eu.tutela.portal.policy.PolicyPublication;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A fresh institution of its own for one test, and its people: members with a role, registry records, accounts linked
 * to records. Every address is unique to it, so tests sharing a database and an SMTP server never see each other's.
 */
public final class School {

    private final ApplicationContext context;
    private final String domain;
    public final String suffix;
    public final Tenant tenant;
    public final UUID admin;

    public School(ApplicationContext context, String slugPrefix, String name) {
        this.context = context;
        this.suffix = UUID.randomUUID().toString().substring(0, 8);
        this.domain = slugPrefix + ".example";
        this.tenant = context.getBean(TenantDirectory.class).ensure(slugPrefix + "-" + suffix, name + " " + suffix, "FR", "fr");
        this.admin = member("admin", TenantRole.ADMIN);
    }

    /** A new account, a member with this role. */
    public UUID member(String local, TenantRole role) {
        UUID id = context.getBean(PortalUsers.class).register(mail(local), local + " " + suffix);
        TenantContext.runAs(tenant.id(), () -> context.getBean(Memberships.class).grant(id, role));
        return id;
    }

    /** A registry record, registered by the administrator, with this school's address for {@code local}. */
    public Person register(PersonKind kind, String given, String family, LocalDate birthDate, String local) {
        return as(admin, () -> context.getBean(People.class).register(new PersonDetails(kind, given, family, birthDate,
                kind == PersonKind.STUDENT ? "5e A" : null, mail(local), null, "fr", null, null)));
    }

    /** A new account for the person, a member with this role, linked to their record. */
    public UUID withAccount(Person person, String local, TenantRole role) {
        UUID user = context.getBean(PortalUsers.class).register(mail(local), person.givenName() + " " + person.familyName());
        TenantContext.runAs(tenant.id(), () -> context.getBean(Memberships.class).grant(user, role));
        OwnerDatabase.inTenant(context.getBean(Environment.class), tenant.id(), owner -> owner.sql(
                "update person set account_user_id = ? where id = ?").params(user, person.id()).update());
        return user;
    }

    /** Publishes HEMI's policy here (its purposes with it), as the administrator; the id of the purpose with this code. */
    public UUID publishPolicy(String purposeCode) {
        PolicyDrafts drafts = context.getBean(PolicyDrafts.class);
        PolicyDraft draft = as(admin, () -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft saved = as(admin, () -> drafts.save(HemiPolicy.filledIn(draft.content()), draft.revision()));
        run(admin, () -> context.getBean(PolicyPublication.class).publish(saved.revision(), null, null));
        return as(admin, () -> context.getBean(ConsentPurposes.class).all()).stream().filter(p -> p.code().equals(purposeCode))
                .findFirst().orElseThrow().id();
    }

    public String mail(String local) {
        return local + "-" + suffix + "@" + domain;
    }

    /** The work, signed in as this member of the school. */
    public void run(UUID user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }

    /** The work, signed in as this member of the school; what it returns. */
    public <T> T as(UUID user, Supplier<T> work) {
        return SignedInAs.inTenant(user, tenant, work);
    }
}
