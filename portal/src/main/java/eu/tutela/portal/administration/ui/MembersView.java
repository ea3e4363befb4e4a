package eu.tutela.portal.administration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import eu.tutela.portal.security.Invitation;
import eu.tutela.portal.security.Invitations;
import eu.tutela.portal.security.Member;
import eu.tutela.portal.security.Members;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The institution's staff and their invitations, for its administrators. */
@Route(value = "t/:tenant/members", layout = MainLayout.class)
@PermitAll
public class MembersView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private static final List<TenantRole> ROLES = List.of(TenantRole.ADMIN, TenantRole.DPO, TenantRole.STAFF);

    private final Members members;
    private final Invitations invitations;
    private final TenantSettingsService settings;
    private final Grid<Member> memberGrid = new Grid<>();
    private final Grid<Invitation> invitationGrid = new Grid<>();
    private TenantTimes times;

    MembersView(Members members, Invitations invitations, TenantSettingsService settings) {
        this.members = members;
        this.invitations = invitations;
        this.settings = settings;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        times = new TenantTimes(settings.current().timeZone(), getLocale());
        H2 title = new H2(getTranslation("members.title"));
        title.setId("members-title");

        memberGrid.setId("members-grid");
        memberGrid.setAriaLabel(getTranslation("members.title"));
        memberGrid.removeAllColumns();
        memberGrid.addColumn(Member::displayName).setHeader(getTranslation("members.name")).setAutoWidth(true);
        memberGrid.addColumn(Member::email).setHeader(getTranslation("members.email")).setAutoWidth(true);
        memberGrid.addComponentColumn(this::roleSelect).setHeader(getTranslation("members.role"));
        memberGrid.addComponentColumn(this::removeButton).setHeader(getTranslation("members.actions"));
        memberGrid.setAllRowsVisible(true);

        add(title, memberGrid, inviteForm(), new H3(getTranslation("members.invitations")), invitationGrid());
        refresh();
    }

    private Select<TenantRole> roleSelect(Member member) {
        Select<TenantRole> select = new Select<>();
        select.setItems(ROLES);
        select.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        select.setAriaLabel(getTranslation("members.roleOf", member.displayName()));
        select.setValue(member.roles().stream().filter(ROLES::contains).findFirst().orElse(null));
        select.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            try {
                members.changeRole(member.userId(), e.getValue());
                Notification.show(getTranslation("members.roleChanged", member.displayName(), getTranslation("role." + e.getValue().name())));
            } catch (InvalidInputException refused) {
                FieldErrors.notify(this, getTranslation(refused.problems().values().iterator().next()));
            }
            refresh();
        });
        return select;
    }

    private Button removeButton(Member member) {
        Button remove = new Button(getTranslation("members.remove"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("members.remove.title", member.displayName()),
                    getTranslation("members.remove.text", member.displayName()), getTranslation("members.remove"), ok -> {
                        try {
                            members.remove(member.userId());
                            Notification.show(getTranslation("members.removed", member.displayName()));
                        } catch (InvalidInputException refused) {
                            FieldErrors.notify(this, getTranslation(refused.problems().values().iterator().next()));
                        }
                        refresh();
                    }, getTranslation("common.cancel"), cancel -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.getElement().setAttribute("aria-label", getTranslation("members.removeWho", member.displayName()));
        return remove;
    }

    private HorizontalLayout inviteForm() {
        TextField email = new TextField(getTranslation("members.invite.email"));
        email.setId("invite-email");
        email.setWidth("20rem");
        email.setMaxWidth("100%");
        Select<TenantRole> role = new Select<>();
        role.setId("invite-role");
        role.setLabel(getTranslation("members.invite.role"));
        role.setItems(ROLES);
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(TenantRole.STAFF);
        Select<String> language = new Select<>();
        language.setId("invite-language");
        language.setLabel(getTranslation("members.invite.language"));
        List<String> offered = settings.current().languages();
        language.setItems(offered);
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        language.setValue(offered.getFirst());
        FieldErrors errors = new FieldErrors(this).on("email", email).on("role", role);
        Button invite = new Button(getTranslation("members.invite"), e -> {
            try {
                errors.clear();
                Invitation sent = invitations.invite(email.getValue(), role.getValue(), Locale.of(language.getValue()));
                Notification.show(getTranslation("members.invited", sent.email())).setId("invite-sent");
                email.clear();
                refresh();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        invite.setId("invite-send");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(email, role, language, invite);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.addClassName("page-actions");
        return form;
    }

    private Grid<Invitation> invitationGrid() {
        invitationGrid.setId("invitations-grid");
        invitationGrid.setAriaLabel(getTranslation("members.invitations"));
        invitationGrid.removeAllColumns();
        invitationGrid.addColumn(Invitation::email).setHeader(getTranslation("members.email")).setAutoWidth(true);
        invitationGrid.addColumn(i -> getTranslation("role." + i.role().name())).setHeader(getTranslation("members.role"));
        invitationGrid.addColumn(i -> times.format(i.expiresAt())).setHeader(getTranslation("members.expires")).setAutoWidth(true);
        invitationGrid.addComponentColumn(i -> new Span(getTranslation("invitation.status." + i.status(Instant.now()).name())))
                .setHeader(getTranslation("members.status"));
        invitationGrid.addComponentColumn(this::invitationActions).setHeader(getTranslation("members.actions")).setAutoWidth(true);
        invitationGrid.setAllRowsVisible(true);
        return invitationGrid;
    }

    private HorizontalLayout invitationActions(Invitation invitation) {
        Button resend = new Button(getTranslation("members.resend"), e -> {
            invitations.resend(invitation.id());
            Notification.show(getTranslation("members.invited", invitation.email()));
            refresh();
        });
        resend.getElement().setAttribute("aria-label", getTranslation("members.resendTo", invitation.email()));
        resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(resend);
        if (invitation.revokedAt() == null) {
            Button revoke = new Button(getTranslation("members.revoke"), e -> {
                invitations.revoke(invitation.id());
                refresh();
            });
            revoke.getElement().setAttribute("aria-label", getTranslation("members.revokeFor", invitation.email()));
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(revoke);
        }
        return actions;
    }

    private void refresh() {
        memberGrid.setItems(members.list());
        invitationGrid.setItems(invitations.open());
    }

    @Override
    public String titleKey() {
        return "members.title";
    }
}
