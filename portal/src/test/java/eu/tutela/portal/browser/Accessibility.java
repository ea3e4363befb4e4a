package eu.tutela.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as the person sees it; a serious or critical
 * violation fails the test, named with the elements it found.
 */
final class Accessibility {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private Accessibility() {
    }

    static void check(Page page) {
        List<Rule> violations = new AxeBuilder(page).withTags(WCAG_21_AA).analyze().getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .toList();
        assertThat(violations).as("serious or critical accessibility violations on %s:%n%s", page.url(), describe(violations))
                .isEmpty();
    }

    private static String describe(List<Rule> violations) {
        StringBuilder text = new StringBuilder();
        for (Rule rule : violations) {
            text.append("  ").append(rule.getImpact()).append(' ').append(rule.getId()).append(": ").append(rule.getHelp());
            rule.getNodes().stream().limit(5).forEach(node -> text.append("\n      ").append(node.getTarget()));
            text.append('\n');
        }
        return text.toString();
    }
}
