package eu.tutela.portal.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The export asks every provider in a stable order, and one that fails fails it, named: never a silently partial
 * archive. The erasure previews what it then does, erases the module holding the subject's record last, and fails named.
 */
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
                .isInstanceOf(ProviderFailedException.class).hasMessageContaining("'broken'")
                .satisfies(e -> assertThat(((ProviderFailedException) e).module()).isEqualTo("broken"));
        assertThat(asked).as("nothing after it is asked").containsExactly("audit", "broken");
    }

    @Test
    void theErasurePreviewCountsWithoutChangingAndTheErasureDoesWhatItShowed() {
        List<String> asked = new ArrayList<>();
        PersonalData data = new PersonalData(List.of(provider("people", asked, false), provider("audit", asked, false)));
        assertThat(data.erasurePreview(SUBJECT)).containsExactly(
                new ErasureLine("audit", "things", ErasureOutcome.ERASED, 3, null),
                new ErasureLine("audit", "trail", ErasureOutcome.KEPT, 7, "privacy.hold.test"),
                new ErasureLine("people", "things", ErasureOutcome.ERASED, 3, null),
                new ErasureLine("people", "trail", ErasureOutcome.KEPT, 7, "privacy.hold.test"));
        assertThat(asked).as("a preview changes nothing").isEmpty();

        assertThat(data.erase(SUBJECT)).hasSize(4);
        assertThat(asked).as("the registry's module erases last, whatever its name").containsExactly("erased audit", "erased people");
    }

    @Test
    void aFailingErasureIsNamedAndStopsThere() {
        List<String> asked = new ArrayList<>();
        PersonalData data = new PersonalData(List.of(provider("audit", asked, false), provider("broken", asked, true),
                provider("people", asked, false)));
        assertThatThrownBy(() -> data.erase(SUBJECT)).isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("'broken'").hasMessageContaining("erased");
        assertThat(asked).containsExactly("erased audit");
    }

    @Test
    void onlyAKeptCategoryNamesALegalHold() {
        assertThatThrownBy(() -> new ErasureStep("c", ErasureOutcome.KEPT, null, () -> 0, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ErasureStep("c", ErasureOutcome.ERASED, "privacy.hold.test", () -> 0, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
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

            @Override
            public List<ErasureStep> erasure(DataSubject subject) {
                return List.of(new ErasureStep("things", ErasureOutcome.ERASED, null, () -> 3, () -> {
                    if (fails) {
                        throw new IllegalStateException("disk on fire");
                    }
                    asked.add("erased " + module);
                }), new ErasureStep("trail", ErasureOutcome.KEPT, "privacy.hold.test", () -> 7, () -> { }));
            }

            @Override
            public int erasureOrder() {
                return module.equals("people") ? 1 : 0;
            }
        };
    }
}
