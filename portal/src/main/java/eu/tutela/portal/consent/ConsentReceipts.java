package eu.tutela.portal.consent;

import eu.tutela.portal.notification.PortalAddress;
import eu.tutela.portal.people.ConsentParties;
import eu.tutela.portal.people.People;
import eu.tutela.portal.policy.PolicyVersions;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receipt of a recorded consent decision (ISO/IEC TS 27560:2023), as JSON or as a one-page PDF, for the
 * institution to hand to the person who decided or to show in a dispute.
 */
@Service
public class ConsentReceipts {

    private final DecisionRepository decisions;
    private final PurposeRepository purposes;
    private final People people;
    private final PolicyVersions versions;
    private final TenantSettingsService settings;
    private final PortalAddress address;
    private final MessageSource messages;
    private final Caller caller;
    private final FamilyConsents family;

    ConsentReceipts(DecisionRepository decisions, PurposeRepository purposes, People people, PolicyVersions versions,
            TenantSettingsService settings, PortalAddress address, MessageSource messages, Caller caller, FamilyConsents family) {
        this.family = family;
        this.decisions = decisions;
        this.purposes = purposes;
        this.people = people;
        this.versions = versions;
        this.settings = settings;
        this.address = address;
        this.messages = messages;
        this.caller = caller;
    }

    /** @throws InvalidInputException on {@code decision} for an unknown decision (or another institution's) */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public String json(UUID decisionId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return receipt(decisionId).json();
    }

    /** @throws InvalidInputException on {@code decision} for an unknown decision (or another institution's) */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public byte[] pdf(UUID decisionId, Locale locale) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return receipt(decisionId).pdf(locale);
    }

    /**
     * A receipt of a decision about the signed-in guardian's child or the signed-in student, for "My privacy".
     *
     * @throws InvalidInputException on {@code decision} for an unknown decision, or one about someone not theirs
     */
    @PreAuthorize("@caller.has('GUARDIAN', 'STUDENT')")
    @Transactional(readOnly = true)
    public String myJson(UUID decisionId) {
        caller.require(TenantRole.GUARDIAN, TenantRole.STUDENT);
        return receipt(decisionId, family::seenByCaller).json();
    }

    /** @throws InvalidInputException as {@link #myJson} */
    @PreAuthorize("@caller.has('GUARDIAN', 'STUDENT')")
    @Transactional(readOnly = true)
    public byte[] myPdf(UUID decisionId, Locale locale) {
        caller.require(TenantRole.GUARDIAN, TenantRole.STUDENT);
        return receipt(decisionId, family::seenByCaller).pdf(locale);
    }

    private ConsentReceipt receipt(UUID decisionId) {
        return receipt(decisionId, people::consentParties);
    }

    private ConsentReceipt receipt(UUID decisionId, Function<UUID, Optional<ConsentParties>> partiesSeen) {
        ConsentDecision decision = (decisionId == null ? null : decisions.find(decisionId).orElse(null));
        if (decision == null) {
            throw unknown();
        }
        // The database keeps what a decision refers to (foreign keys): these only fail on a row the caller may not see.
        ConsentParties parties = partiesSeen.apply(decision.subjectId()).orElseThrow(ConsentReceipts::unknown);
        ConsentPurpose purpose = purposes.find(decision.purposeId()).orElseThrow(ConsentReceipts::unknown);
        return new ConsentReceipt(decision.named(ConsentService.nameOf(decision.giverId(), parties)), purpose, parties.name(), settings.current(),
                versions.version(decision.policyVersion()).orElseThrow(ConsentReceipts::unknown), address.base(), messages);
    }

    private static InvalidInputException unknown() {
        return InvalidInputException.of("decision", "consent.receipt.unknown");
    }
}
