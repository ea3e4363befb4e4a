package eu.tutela.portal.policy.ui;

import com.vaadin.flow.component.html.Div;
import org.jsoup.Jsoup;

/**
 * A rendered policy shown inside a page: the body of the library's document (already sanitised when it
 * was rendered) without its own stylesheet, which is for the public page and the PDF; the theme styles it.
 */
final class PolicyHtml {

    private PolicyHtml() {
    }

    static Div of(String document) {
        Div div = new Div();
        div.addClassName("policy-text");
        show(div, document);
        return div;
    }

    static void show(Div div, String document) {
        div.getElement().setProperty("innerHTML", Jsoup.parse(document).body().html());
    }
}
