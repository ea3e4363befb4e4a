package eu.tutela.portal.consent.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import eu.tutela.portal.consent.ClassConsents;
import eu.tutela.portal.consent.ConsentPurpose;
import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.consent.ConsentReminders;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.consent.FamilyInvitations;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The school's minors' consents, purpose by purpose and class by class: allowed, refused, awaiting a guardian's answer,
 * and pupils without any guardian who could answer (the ones to act on first).
 */
@Route(value = "t/:tenant/consent/classes", layout = MainLayout.class)
@PermitAll
public class ConsentsByClassView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final ConsentService consents;
    private final ConsentPurposes purposes;
    private final FamilyInvitations invitations;
    private final ConsentReminders reminders;

    ConsentsByClassView(ConsentService consents, ConsentPurposes purposes, FamilyInvitations invitations, ConsentReminders reminders) {
        this.consents = consents;
        this.reminders = reminders;
        this.purposes = purposes;
        this.invitations = invitations;
    }

    @Override
    public String titleKey() {
        return "consent.classes.title";
    }

    /** One class's line in one purpose's table. */
    private record Line(String className, int pupils, ClassConsents.Counts counts) {
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    private void show() {
        removeAll();
        H2 title = new H2(getTranslation("consent.classes.title"));
        title.setId("classes-title");
        add(title, new Paragraph(getTranslation("consent.classes.intro")));
        List<ClassConsents> classes = consents.byClass();
        if (purposes.mayEdit()) {
            add(invitationsSection(classes), remindersSection());
        }
        Map<ConsentPurpose, List<Line>> byPurpose = new LinkedHashMap<>();
        for (ClassConsents c : classes) {
            for (ClassConsents.Counts counts : c.purposes()) {
                byPurpose.computeIfAbsent(counts.purpose(), p -> new ArrayList<>()).add(new Line(c.className(), c.pupils(), counts));
            }
        }
        if (byPurpose.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation(classes.isEmpty() ? "consent.classes.noMinors" : "consent.person.none"));
            none.setId("classes-none");
            add(none);
            return;
        }
        byPurpose.forEach((purpose, lines) -> {
            H3 name = new H3(purpose.name(getLocale()));
            Grid<Line> grid = new Grid<>();
            grid.setId("classes-" + purpose.code());
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.setAllRowsVisible(true);
            grid.getElement().setAttribute("aria-label", getTranslation("consent.classes.table", purpose.name(getLocale())));
            grid.addColumn(l -> l.className() == null ? getTranslation("consent.classes.noClass") : l.className())
                    .setHeader(getTranslation("people.class"));
            number(grid, "consent.classes.pupils", Line::pupils);
            number(grid, "consent.classes.allowed", l -> l.counts().allowed());
            number(grid, "consent.classes.refused", l -> l.counts().refused());
            number(grid, "consent.classes.awaiting", l -> l.counts().awaiting());
            number(grid, "consent.classes.withoutGuardian", l -> l.counts().withoutGuardian());
            grid.setItems(lines);
            add(name, grid);
        });
    }

    /** Who is still to be invited, for all and class by class, with one button each: the school chooses when mails go. */
    private Section invitationsSection(List<ClassConsents> classes) {
        Section section = new Section();
        section.setId("invitations");
        section.add(new H3(getTranslation("consent.invite.title")));
        List<FamilyInvitations.Invitee> pending = invitations.pending(null);
        int all = pending.size();
        Paragraph count = new Paragraph(getTranslation("consent.invite.pending", all));
        count.setId("invite-pending-count");
        section.add(count);
        if (all == 0) {
            return section;
        }
        Button everyone = new Button(getTranslation("consent.invite.all", all), e -> invite(null));
        everyone.setId("invite-all-pending");
        everyone.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        everyone.setDisableOnClick(true);
        Div buttons = new Div(everyone);
        buttons.addClassName("page-actions");
        for (ClassConsents c : classes) {
            // Counted from the one list: asking the service again per class would read the whole registry each time.
            long inClass = c.className() == null ? 0 : pending.stream().filter(i -> i.classes().contains(c.className())).count();
            if (inClass > 0) {
                Button one = new Button(getTranslation("consent.invite.class", c.className(), inClass), e -> invite(c.className()));
                one.setId("invite-class-" + c.className().replaceAll("[^A-Za-z0-9]", "-"));
                one.setDisableOnClick(true);
                buttons.add(one);
            }
        }
        section.add(buttons);
        return section;
    }

    /** The invited parents who have not answered yet, reminded with one button (a week apart at most). */
    private Section remindersSection() {
        Section section = new Section();
        section.setId("reminders");
        section.add(new H3(getTranslation("consent.remind.title")));
        int awaited = reminders.awaited(null).size();
        Paragraph count = new Paragraph(getTranslation("consent.remind.awaited", awaited));
        count.setId("remind-count");
        section.add(count);
        if (awaited > 0) {
            Button remind = new Button(getTranslation("consent.remind.all", awaited), e -> {
                FieldErrors.announce(this, getTranslation("consent.remind.sent", reminders.remind(null)));
                show();
            });
            remind.setId("remind-all");
            remind.setDisableOnClick(true);
            section.add(remind);
        }
        return section;
    }

    private void invite(String className) {
        int sent = invitations.invitePending(className);
        FieldErrors.announce(this, getTranslation("consent.invite.sent", sent));
        show();
    }

    private void number(Grid<Line> grid, String key, ToIntFunction<Line> value) {
        grid.addColumn(l -> String.format(Locale.ROOT, "%d", value.applyAsInt(l))).setHeader(getTranslation(key))
                .setTextAlign(ColumnTextAlign.END);
    }
}
