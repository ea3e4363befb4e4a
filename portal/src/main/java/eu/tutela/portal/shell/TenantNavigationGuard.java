package eu.tutela.portal.shell;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import eu.tutela.portal.security.CurrentUser;
import eu.tutela.portal.security.TenantAccess;
import eu.tutela.portal.tenancy.TenantContext;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Every navigation to a route under {@code t/:tenant} passes here before any view sees it: the
 * person must be allowed into that tenant (see {@link TenantAccess}), or they land on a page that
 * shows nothing of it. The tenant then travels with the UI, and {@link TenantContext} reads it from
 * there for every database call made while serving that tab.
 */
@Component
class TenantNavigationGuard implements VaadinServiceInitListener {

    static final String TENANT_PARAMETER = "tenant";

    private final CurrentUser currentUser;
    private final TenantAccess access;
    private final List<EntryRequirement> requirements;

    TenantNavigationGuard(CurrentUser currentUser, TenantAccess access, List<EntryRequirement> requirements) {
        this.currentUser = currentUser;
        this.access = access;
        this.requirements = requirements;
        TenantContext.useUiTenantSource(TenantNavigationGuard::tenantOfCurrentUi);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
        // A service-level handler runs before Vaadin's own: every round trip of a tab, not only a navigation.
        event.addRequestHandler(this::recheck);
    }

    /**
     * At every round trip of a tab that is in a tenant, the membership is checked again: revoked, or
     * the tenant suspended, and the tab leaves the tenant at that very request, before anything the
     * person clicked is handled.
     */
    private boolean recheck(VaadinSession session, VaadinRequest request, VaadinResponse response) {
        if (session == null || !HandlerHelper.isRequestType(request, HandlerHelper.RequestType.UIDL)) {
            return false;
        }
        session.lock();
        try {
            UI ui = session.getService().findUI(request);
            Optional<TenantSelection> selection = selectionOf(ui);
            // The request's log lines say which institution it works in (RequestIdFilter clears it at the end).
            selection.ifPresent(s -> MDC.put(RequestIdFilter.TENANT_ID, s.tenant().id().toString()));
            if (selection.isPresent() && currentUser.signedIn()
                    .flatMap(user -> access.enter(user, selection.get().tenant().slug())).isEmpty()) {
                ComponentUtil.setData(ui, TenantSelection.class, null);
                UI previous = UI.getCurrent();
                UI.setCurrent(ui);
                try {
                    ui.navigate(refusalPage(selection.get().tenant().slug()));
                } finally {
                    UI.setCurrent(previous);
                }
            }
        } finally {
            session.unlock();
        }
        return false;
    }

    private void check(BeforeEnterEvent event) {
        UI ui = event.getUI();
        Optional<String> slug = event.getRouteParameters().get(TENANT_PARAMETER);
        if (slug.isEmpty()) {
            ComponentUtil.setData(ui, TenantSelection.class, null);
            return;
        }
        Optional<TenantSelection> selection = currentUser.signedIn()
                .flatMap(user -> access.enter(user, slug.get()))
                .map(granted -> new TenantSelection(granted.tenant(), granted.roles()));
        ComponentUtil.setData(ui, TenantSelection.class, selection.orElse(null));
        if (selection.isEmpty()) {
            event.rerouteTo(refusalPage(slug.get()));
            return;
        }
        for (EntryRequirement requirement : requirements) {
            Optional<Class<? extends com.vaadin.flow.component.Component>> page = requirement.pendingPage();
            if (page.isPresent()) {
                if (!page.get().equals(event.getNavigationTarget())) {
                    event.rerouteTo(page.get(), new RouteParameters(TENANT_PARAMETER, slug.get()));
                }
                return;
            }
        }
    }

    /** A member of a suspended tenant is told it is suspended; anyone else learns nothing about it. */
    private Class<? extends com.vaadin.flow.component.Component> refusalPage(String slug) {
        return currentUser.signedIn().filter(user -> access.isSuspendedMember(user, slug)).isPresent()
                ? TenantSuspendedView.class : TenantUnavailableView.class;
    }

    static Optional<TenantSelection> selectionOf(UI ui) {
        return Optional.ofNullable(ui).map(u -> ComponentUtil.getData(u, TenantSelection.class));
    }

    private static Optional<java.util.UUID> tenantOfCurrentUi() {
        return selectionOf(UI.getCurrent()).map(s -> s.tenant().id());
    }
}
