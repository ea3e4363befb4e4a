package eu.tutela.portal.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import eu.tutela.portal.audit.AuditEntry;
import eu.tutela.portal.audit.AuditFilter;
import eu.tutela.portal.audit.AuditTrail;
import eu.tutela.portal.people.Guardianship;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.PersonPageSection;
import eu.tutela.portal.people.RosterImports;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One person: what the caller may see of them, their guardians or children, and (for administrators and DPO) edit and deactivate. */
@Route(value = "t/:tenant/people/:person", layout = MainLayout.class)
@PermitAll
public class PersonView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final People people;
    private final TenantSettingsService settings;
    private final AuditTrail trail;
    private final RosterImports imports;
    private final List<PersonPageSection> sections;
    private String slug;

    PersonView(People people, TenantSettingsService settings, AuditTrail trail, RosterImports imports, List<PersonPageSection> sections) {
        this.people = people;
        this.settings = settings;
        this.trail = trail;
        this.imports = imports;
        this.sections = sections.stream().sorted(Comparator.comparingInt(PersonPageSection::order)).toList();
    }

    @Override
    public String titleKey() {
        return "people.person";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        slug = settings.current().slug();
        Optional<Person> person = event.getRouteParameters().get("person").flatMap(PersonView::uuid).flatMap(people::find);
        show(person);
    }

    private void show(Optional<Person> found) {
        removeAll();
        Anchor back = new Anchor(RouteConfiguration.forSessionScope().getUrl(PeopleView.class, new RouteParameters("tenant", slug)),
                getTranslation("people.back"));
        add(back);
        if (found.isEmpty()) {
            Paragraph unknown = new Paragraph(getTranslation("people.unknown"));
            unknown.setId("person-unknown");
            add(unknown);
            return;
        }
        Person person = found.get();
        H2 name = new H2(person.displayName());
        name.setId("person-name");
        Paragraph what = new Paragraph(getTranslation("people.kind." + person.kind().name())
                + (person.className() == null ? "" : " · " + person.className())
                + (person.minor() ? " · " + getTranslation("people.minor") : "")
                + (person.active() ? "" : " · " + getTranslation("people.inactive")));
        what.setId("person-summary");
        add(name, what);
        if (person.restricted()) {
            Paragraph restricted = new Paragraph(getTranslation("people.restricted.since",
                    new TenantTimes(settings.current().timeZone(), getLocale()).format(person.restrictedSince())));
            restricted.setId("person-restricted");
            restricted.addClassName("person-restricted");
            add(restricted);
        }
        UnorderedList details = new UnorderedList();
        details.setId("person-details");
        if (person.birthDate() != null) {
            details.add(new ListItem(getTranslation("people.detail", getTranslation("people.birthDate"),
                    person.birthDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())))));
        }
        item(details, "people.email", person.email());
        item(details, "people.phone", person.phone());
        item(details, "people.function", person.jobFunction());
        item(details, "people.externalId", person.externalId());
        add(details);

        List<Guardianship> links = people.links(person.id());
        H3 linksTitle = new H3(getTranslation(person.kind() == PersonKind.GUARDIAN ? "people.children" : "people.guardians"));
        UnorderedList linked = new UnorderedList();
        linked.setId("person-links");
        for (Guardianship link : links) {
            Anchor other = new Anchor(RouteConfiguration.forSessionScope().getUrl(PersonView.class,
                    new RouteParameters(Map.of("tenant", slug, "person", link.other().id().toString()))), link.other().displayName());
            Span about = new Span(" — " + getTranslation("people.relationship." + link.relationship().name())
                    + (link.parentalResponsibility() ? "" : " · " + getTranslation("people.noResponsibility")));
            linked.add(new ListItem(other, about));
        }
        if (links.isEmpty()) {
            linked.add(new ListItem(getTranslation("people.noLinks")));
        }
        add(linksTitle, linked);
        sections.forEach(section -> section.section(person).ifPresent(this::add));

        if (people.mayEdit()) {
            Button edit = new Button(getTranslation("people.edit"), e -> new PersonDialog(people, person, saved -> show(Optional.of(saved))).open());
            edit.setId("person-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button active = new Button(getTranslation(person.active() ? "people.deactivate" : "people.reactivate"), e -> {
                people.setActive(person.id(), !person.active());
                show(people.find(person.id()));
            });
            active.setId("person-active");
            HorizontalLayout actions = new HorizontalLayout(edit, active);
            if (person.restricted()) {
                // Nothing is changed while the restriction lasts: the DPO lifts it first.
                edit.setEnabled(false);
                active.setEnabled(false);
                Button lift = new Button(getTranslation("people.restricted.lift"), e -> {
                    people.liftRestriction(person.id());
                    FieldErrors.announce(this, getTranslation("people.restricted.lifted"));
                    show(people.find(person.id()));
                });
                lift.setId("person-lift-restriction");
                actions.add(lift);
            }
            actions.addClassName("page-actions");
            add(actions, history(person));
        }
    }

    /** What was done to this person's record, newest first, from the audit trail (administrators and DPO only). */
    private VerticalLayout history(Person person) {
        H3 title = new H3(getTranslation("people.history"));
        UnorderedList entries = new UnorderedList();
        entries.setId("person-history");
        TenantTimes times = new TenantTimes(settings.current().timeZone(), getLocale());
        for (AuditEntry entry : trail.page(new AuditFilter(null, null, null, null, person.id().toString()), 0, 100)) {
            String what = getTranslation("people.history." + entry.action());
            entries.add(new ListItem(getTranslation("people.history.entry", times.format(entry.occurredAt()),
                    entry.actorId() == null ? getTranslation("audit.system") : entry.actorLabel(),
                    what.startsWith("!") ? entry.action() : what)));
        }
        imports.lastImportOf(person.id()).ifPresent(last -> entries.add(new ListItem(getTranslation("people.history.entry",
                times.format(last.appliedAt()), last.appliedBy() == null ? getTranslation("audit.system") : last.appliedBy(),
                getTranslation("people.history.imported", last.fileName())))));
        if (entries.getChildren().findAny().isEmpty()) {
            entries.add(new ListItem(getTranslation("people.history.none")));
        }
        VerticalLayout section = new VerticalLayout(title, entries);
        section.setPadding(false);
        return section;
    }

    private void item(UnorderedList list, String key, String value) {
        if (value != null) {
            list.add(new ListItem(getTranslation("people.detail", getTranslation(key), value)));
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
