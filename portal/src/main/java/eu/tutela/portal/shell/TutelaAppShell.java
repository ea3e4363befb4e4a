package eu.tutela.portal.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.aura.Aura;

/**
 * The page shell: Vaadin's Aura theme and the portal's own styles, served as stylesheets (no
 * frontend build needed), and the mobile viewport.
 */
@StyleSheet(Aura.STYLESHEET)
@StyleSheet(TutelaAppShell.STYLESHEET)
public class TutelaAppShell implements AppShellConfigurator {

    /** The portal's own styles, served from {@code META-INF/resources/styles}. */
    public static final String STYLESHEET = "context://styles/tutela.css";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setViewport("width=device-width, initial-scale=1");
    }
}
