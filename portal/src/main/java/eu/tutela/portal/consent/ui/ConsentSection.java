package eu.tutela.portal.consent.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.tutela.portal.consent.ConsentDecision;
import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.consent.ConsentReceipts;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.consent.ConsentState;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonPageSection;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * On a person's page, for administrators and the DPO: each purpose that needs consent, whether it may process the
 * person's data now and who decided what; a paper form entered here (a parent who answered on paper).
 */
@org.springframework.stereotype.Component
class ConsentSection implements PersonPageSection {

    private final ConsentService consents;
    private final ConsentPurposes purposes;
    private final ConsentReceipts receipts;
    private final TenantSettingsService settings;

    ConsentSection(ConsentService consents, ConsentPurposes purposes, ConsentReceipts receipts, TenantSettingsService settings) {
        this.consents = consents;
        this.purposes = purposes;
        this.receipts = receipts;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<Component> section(Person person) {
        if (!purposes.mayEdit()) {
            return Optional.empty();
        }
        Div section = new Div();
        section.setId("person-consents");
        fill(section, person);
        return Optional.of(section);
    }

    /** A decision's receipt to download: readable (PDF) or for machines (ISO/IEC TS 27560 JSON). */
    private Anchor receipt(Div section, ConsentDecision decision, Locale locale, boolean pdf) {
        UUID tenantId = settings.current().tenantId();
        Anchor link = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] bytes = TenantContext.callAs(tenantId, () -> pdf ? receipts.pdf(decision.id(), locale)
                    : receipts.json(decision.id()).getBytes(StandardCharsets.UTF_8));
            return new DownloadResponse(new ByteArrayInputStream(bytes), "consent-" + decision.id() + (pdf ? ".pdf" : ".json"),
                    pdf ? "application/pdf" : "application/json", bytes.length);
        }), section.getTranslation(pdf ? "consent.receipt.pdf" : "consent.receipt.json"));
        link.setId("receipt-" + (pdf ? "pdf-" : "json-") + decision.id());
        link.getElement().setAttribute("download", true);
        link.getElement().setAttribute("aria-label", section.getTranslation(pdf ? "consent.receipt.pdfOf" : "consent.receipt.jsonOf",
                decision.giverName()));
        return link;
    }

    private void fill(Div section, Person person) {
        section.removeAll();
        List<ConsentState> states = consents.states(person.id());
        section.add(new H3(section.getTranslation("consent.person.title")));
        if (states.isEmpty()) {
            section.add(new Paragraph(section.getTranslation("consent.person.none")));
            return;
        }
        section.add(new Paragraph(section.getTranslation(person.minor() ? "consent.person.byGuardians" : "consent.person.byThemself")));
        Locale locale = UI.getCurrent().getLocale();
        TenantTimes times = new TenantTimes(settings.current().timeZone(), locale);
        UnorderedList list = new UnorderedList();
        list.addClassName("consent-states");
        for (ConsentState state : states) {
            ListItem item = new ListItem();
            item.setId("consent-" + state.purpose().code());
            Span name = new Span(state.purpose().name(locale));
            name.addClassName("consent-purpose-name");
            Span badge = new Span(section.getTranslation(state.allowed() ? "consent.state.allowed" : "consent.state.notAllowed"));
            badge.addClassNames("status-badge", state.allowed() ? "purpose-on" : "purpose-retired");
            item.add(name, new Span(" "), badge);
            UnorderedList decided = new UnorderedList();
            for (ConsentDecision d : state.latest()) {
                ListItem line = new ListItem(section.getTranslation("consent.person.decision", d.giverName(),
                        section.getTranslation("consent.decision." + d.decision().name()), times.format(d.recordedAt()),
                        section.getTranslation("consent.method." + d.method().name())));
                line.add(new Span(" · "), receipt(section, d, locale, true), new Span(" · "), receipt(section, d, locale, false));
                decided.add(line);
            }
            if (state.latest().isEmpty()) {
                decided.add(new ListItem(section.getTranslation("consent.person.notAsked")));
            }
            item.add(decided);
            list.add(item);
        }
        Button paper = new Button(section.getTranslation("consent.paper.record"),
                e -> new PaperConsentDialog(consents, person, states, () -> fill(section, person)).open());
        paper.setId("consent-paper");
        section.add(list, paper);
    }
}
