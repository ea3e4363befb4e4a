package eu.tutela.portal.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.aura.Aura;

/** The page shell: Vaadin's Aura theme, served as a stylesheet (no frontend build needed), and mobile viewport. */
@StyleSheet(Aura.STYLESHEET)
public class TutelaAppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setViewport("width=device-width, initial-scale=1");
    }
}
