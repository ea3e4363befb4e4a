package eu.tutela.portal.shell;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import eu.tutela.portal.security.CurrentUser;
import eu.tutela.portal.security.PortalUser;
import eu.tutela.portal.security.TenantAccess;
import eu.tutela.portal.tenancy.TenantMembership;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;

/** Where a sign-in lands: the person's first institution, the platform page, or an explanation. */
@Route("")
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final CurrentUser currentUser;
    private final TenantAccess access;

    HomeView(CurrentUser currentUser, TenantAccess access) {
        this.currentUser = currentUser;
        this.access = access;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<PortalUser> user = currentUser.portalUser();
        List<TenantMembership> mine = currentUser.signedIn().map(access::usableMemberships).orElse(List.of());
        if (!mine.isEmpty()) {
            event.forwardTo(TenantDashboardView.class,
                    new RouteParameters(TenantNavigationGuard.TENANT_PARAMETER, mine.getFirst().tenantSlug()));
        } else if (user.map(PortalUser::platformOperator).orElse(false)) {
            event.forwardTo(MainLayout.PLATFORM_ROUTE);
        } else {
            event.forwardTo(NoMembershipView.class);
        }
    }

    @Override
    public String titleKey() {
        return "nav.dashboard";
    }
}
