package eu.tutela.policy;

import eu.tutela.policy.variables.PolicyValues;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The same input gives byte-identical HTML and the same SHA-256, across separately loaded libraries (pupil text included). */
class DeterminismTest {

    @Test
    void sameInputSameBytesSameHash() {
        for (String file : new String[] {Examples.HEMI, Examples.HELUXIMORA, Examples.SCHOOL}) {
            for (Lang lang : Lang.values()) {
                Rendering first = Examples.LIBRARY.render(Examples.values(file), lang);
                Rendering second = PolicyTemplates.load().render(Examples.values(file), lang);
                assertThat(second.html().getBytes(StandardCharsets.UTF_8)).isEqualTo(first.html().getBytes(StandardCharsets.UTF_8));
                assertThat(second.contentHash()).isEqualTo(first.contentHash()).matches("[0-9a-f]{64}");
                assertThat(first.contentHash()).isEqualTo(PolicyTemplates.sha256(first.html()));
            }
        }
    }

    @Test
    void thePupilTextIsAsDeterministic() {
        for (Lang lang : Lang.values()) {
            Rendering first = Examples.LIBRARY.renderForPupils(Examples.values(Examples.SCHOOL), lang).orElseThrow();
            Rendering second = PolicyTemplates.load().renderForPupils(Examples.values(Examples.SCHOOL), lang).orElseThrow();
            assertThat(second.html().getBytes(StandardCharsets.UTF_8)).isEqualTo(first.html().getBytes(StandardCharsets.UTF_8));
            assertThat(second.markdown()).isEqualTo(first.markdown());
            assertThat(second.contentHash()).isEqualTo(first.contentHash()).matches("[0-9a-f]{64}");
            assertThat(first.contentHash()).isEqualTo(PolicyTemplates.sha256(first.html()));
        }
        PolicyValues school = Examples.values(Examples.SCHOOL);
        String before = Examples.LIBRARY.renderForPupils(school, Lang.EN).orElseThrow().contentHash();
        String after = Examples.LIBRARY.renderForPupils(school.withValue("dpo.email", "rgpd@athenee-marronniers.example"), Lang.EN)
                .orElseThrow().contentHash();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void anyChangeChangesTheHash() {
        PolicyValues values = Examples.values(Examples.HEMI);
        String before = Examples.LIBRARY.render(values, Lang.FR).contentHash();
        String after = Examples.LIBRARY.render(values.withValue("contact.email", "accueil@hemi.example"), Lang.FR).contentHash();
        assertThat(after).isNotEqualTo(before);
    }
}
