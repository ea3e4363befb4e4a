package eu.tutela.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import eu.tutela.portal.security.CurrentUser;
import eu.tutela.portal.security.PortalUser;
import eu.tutela.portal.security.TenantAccess;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The frame of every signed-in page: institution switcher, language, sign-out, and navigation by role. */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final CurrentUser currentUser;
    private final TenantAccess access;
    private final Optional<PortalUser> user;
    private final LanguageSwitch languageSwitch;
    private final AuthenticationContext authentication;
    private final Select<TenantChoice> tenantSwitcher = new Select<>();
    private final SideNav navigation = new SideNav();
    private final HorizontalLayout header;
    private final Image logo = new Image();
    private final List<TenantMenuEntry> menu;
    private final TenantSettingsService settings;
    static final String DEV_MAILBOX_ROUTE = "dev/mailbox";

    /** One entry per tenant in the switcher, whatever the number of roles held there. */
    record TenantChoice(String slug, String name) {
    }

    MainLayout(CurrentUser currentUser, TenantAccess access, LanguageSwitch languageSwitch,
            AuthenticationContext authentication, List<TenantMenuEntry> menu, TenantSettingsService settings) {
        this.currentUser = currentUser;
        this.menu = menu.stream().sorted(Comparator.comparingInt(TenantMenuEntry::order)).toList();
        this.settings = settings;
        this.access = access;
        this.user = currentUser.portalUser();
        this.languageSwitch = languageSwitch;
        this.authentication = authentication;

        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("app-title");

        tenantSwitcher.setId("tenant-switcher");
        tenantSwitcher.setAriaLabel(getTranslation("header.tenant"));
        tenantSwitcher.setItemLabelGenerator(TenantChoice::name);
        tenantSwitcher.setWidth("18rem");
        tenantSwitcher.setMaxWidth("100%");
        tenantSwitcher.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UI.getCurrent().navigate(TenantDashboardView.class,
                        new RouteParameters(TenantNavigationGuard.TENANT_PARAMETER, e.getValue().slug()));
            }
        });

        Button signOut = new Button(getTranslation("header.signOut"), e -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Span who = new Span(user.map(PortalUser::displayName)
                .map(name -> getTranslation("header.signedInAs", name)).orElse(""));
        who.setId("signed-in-as");

        logo.setId("tenant-logo");
        logo.addClassName("tenant-logo");
        logo.setVisible(false);
        header = new HorizontalLayout(new DrawerToggle(), logo, title, tenantSwitcher, who, languageSwitch.create(), signOut);
        header.addClassName("brand-bar");
        header.setWidthFull();
        header.setPadding(true);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(who);
        // A parent on a phone: the header wraps onto a second line rather than pushing past the screen.
        header.setWrap(true);
        header.setSpacing(true);
        addToNavbar(header);

        navigation.setLabel(getTranslation("nav.label"));
        addToDrawer(navigation);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Map<String, TenantChoice> byTenant = new LinkedHashMap<>();
        currentUser.signedIn().map(access::usableMemberships).orElse(List.of())
                .forEach(m -> byTenant.putIfAbsent(m.tenantSlug(), new TenantChoice(m.tenantSlug(), m.tenantName())));
        List<TenantChoice> choices = List.copyOf(byTenant.values());
        tenantSwitcher.setItems(choices);
        tenantSwitcher.setVisible(!choices.isEmpty());
        Optional<TenantSelection> selection = TenantNavigationGuard.selectionOf(UI.getCurrent());
        tenantSwitcher.setValue(selection
                .flatMap(s -> choices.stream().filter(c -> Objects.equals(c.slug(), s.tenant().slug())).findFirst())
                .orElse(null));
        rebuildNavigation(selection, user.map(PortalUser::platformOperator).orElse(false));
        brand(selection.map(s -> settings.current()));
    }

    /**
     * The institution's colour on the header (with a text colour chosen for contrast) and its logo;
     * outside an institution, the product's own look.
     */
    private void brand(Optional<TenantSettings> tenant) {
        tenant.ifPresentOrElse(t -> {
            header.getStyle().set("--tutela-brand", t.colour().hex()).set("--tutela-brand-contrast", t.colour().foreground());
            if (t.hasLogo()) {
                logo.setSrc(TenantLogo.of(settings, t.tenantId()));
                logo.setAlt(getTranslation("header.logo", t.displayName()));
                logo.setVisible(true);
            } else {
                logo.setVisible(false);
            }
        }, () -> {
            header.getStyle().remove("--tutela-brand").remove("--tutela-brand-contrast");
            logo.setVisible(false);
        });
    }

    /** The platform operator's console (module platform). */
    public static final String PLATFORM_ROUTE = "platform";

    private void rebuildNavigation(Optional<TenantSelection> selection, boolean operator) {
        navigation.removeAll();
        selection.ifPresent(s -> {
            RouteParameters tenant = new RouteParameters(TenantNavigationGuard.TENANT_PARAMETER, s.tenant().slug());
            navigation.addItem(new SideNavItem(getTranslation("nav.dashboard"), TenantDashboardView.class, tenant));
            menu.stream().filter(entry -> entry.roles().stream().anyMatch(s.roles()::contains))
                    .forEach(entry -> navigation.addItem(new SideNavItem(getTranslation(entry.labelKey()), entry.view(), tenant)));
        });
        if (operator) {
            // By route: the platform module's views build on the shell, not the other way round.
            navigation.addItem(new SideNavItem(getTranslation("nav.platform"), PLATFORM_ROUTE));
            navigation.addItem(new SideNavItem(getTranslation("nav.platformAudit"), PLATFORM_ROUTE + "/audit"));
        }
        // Development runs only: the view comes with the embedded SMTP server, not in the production jar.
        RouteConfiguration.forApplicationScope().getRoute(DEV_MAILBOX_ROUTE)
                .ifPresent(mailbox -> navigation.addItem(new SideNavItem(getTranslation("nav.mailbox"), mailbox)));
    }

    static String rolesLabel(java.util.Collection<? extends Enum<?>> roles, java.util.function.Function<String, String> translate) {
        return String.join(", ", roles.stream().map(r -> translate.apply("role." + r.name())).toList());
    }
}
