package eu.tutela.portal.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A page's title in the person's language, followed by the product's name: what a screen reader
 * announces first and what a tab shows. Each view names the message of its own title.
 */
public interface PageTitle extends HasDynamicTitle {

    /** The message key of this page's own title. */
    String titleKey();

    @Override
    default String getPageTitle() {
        Component page = (Component) this;
        return page.getTranslation(titleKey()) + " · " + page.getTranslation("app.name");
    }
}
