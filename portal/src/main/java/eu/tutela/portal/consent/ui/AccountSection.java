package eu.tutela.portal.consent.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.consent.FamilyInvitations;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.PersonPageSection;
import eu.tutela.portal.security.Invitation;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.time.Instant;
import java.util.Optional;

/**
 * On a guardian's or a student's page, for administrators and the DPO: whether the person has a portal account, was
 * invited (when, until when) or not yet, and a button to send the invitation (again, with a new link).
 */
@org.springframework.stereotype.Component
class AccountSection implements PersonPageSection {

    private final FamilyInvitations invitations;
    private final ConsentPurposes purposes;
    private final TenantSettingsService settings;

    AccountSection(FamilyInvitations invitations, ConsentPurposes purposes, TenantSettingsService settings) {
        this.invitations = invitations;
        this.purposes = purposes;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 4;
    }

    @Override
    public Optional<Component> section(Person person) {
        if (person.kind() == PersonKind.STAFF || !purposes.mayEdit()) {
            return Optional.empty();
        }
        Div section = new Div();
        section.setId("person-account");
        fill(section, person);
        return Optional.of(section);
    }

    private void fill(Div section, Person person) {
        section.removeAll();
        section.add(new H3(section.getTranslation("consent.account.title")));
        Paragraph status = new Paragraph();
        status.setId("person-account-status");
        section.add(status);
        if (person.accountUserId() != null) {
            status.setText(section.getTranslation("consent.account.has"));
            return;
        }
        TenantTimes times = new TenantTimes(settings.current().timeZone(), UI.getCurrent().getLocale());
        Optional<Invitation> latest = invitations.latest(person.id());
        status.setText(latest.map(i -> switch (i.status(Instant.now())) {
            case PENDING -> section.getTranslation("consent.account.invited", times.format(i.createdAt()), times.format(i.expiresAt()));
            case EXPIRED -> section.getTranslation("consent.account.expired", times.format(i.expiresAt()));
            case ACCEPTED -> section.getTranslation("consent.account.has");
            case REVOKED -> section.getTranslation("consent.account.revoked");
        }).orElse(section.getTranslation("consent.account.notInvited")));
        Button invite = new Button(section.getTranslation(latest.isPresent() ? "consent.account.resend" : "consent.account.invite"));
        invite.setId("person-account-invite");
        invite.setDisableOnClick(true);
        invite.addClickListener(e -> {
            try {
                invitations.invite(person.id());
                FieldErrors.announce(section, section.getTranslation("consent.account.sent", person.email()));
                fill(section, person);
            } catch (InvalidInputException refused) {
                new FieldErrors(section).show(refused);
                invite.setEnabled(true);
            }
        });
        section.add(invite);
    }
}
