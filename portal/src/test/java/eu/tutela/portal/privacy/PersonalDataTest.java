package eu.tutela.portal.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The export asks every provider in a stable order, and one that fails fails it, named: never a silently partial archive. */
class PersonalDataTest {

    private static final DataSubject SUBJECT = new DataSubject(UUID.randomUUID(), null, "a@b.example", "A B");

    @Test
    void everyProviderInTheOrderOfTheirModules() {
        List<String> asked = new ArrayList<>();
        PersonalData data = new PersonalData(List.of(provider("people", asked, false), provider("consent", asked, false)));
        data.export(SUBJECT, p -> (category, fields) -> asked.add(p.module() + ":" + category));
        assertThat(asked).containsExactly("consent", "consent:things", "people", "people:things");
    }

    @Test
    void aFailingProviderFailsTheWholeExportAndIsNamed() {
        List<String> asked = new ArrayList<>();
        PersonalData data = new PersonalData(List.of(provider("audit", asked, false), provider("broken", asked, true),
                provider("people", asked, false)));
        assertThatThrownBy(() -> data.export(SUBJECT, p -> (category, fields) -> { }))
                .isInstanceOf(ExportFailedException.class).hasMessageContaining("'broken'")
                .satisfies(e -> assertThat(((ExportFailedException) e).module()).isEqualTo("broken"));
        assertThat(asked).as("nothing after it is asked").containsExactly("audit", "broken");
    }

    private static PersonalDataProvider provider(String module, List<String> asked, boolean fails) {
        return new PersonalDataProvider() {
            @Override
            public String module() {
                return module;
            }

            @Override
            public List<DataCategory> categories() {
                return List.of();
            }

            @Override
            public void export(DataSubject subject, ExportSink sink) {
                asked.add(module);
                if (fails) {
                    throw new IllegalStateException("disk on fire");
                }
                sink.record("things", Map.of("n", 1));
            }
        };
    }
}
