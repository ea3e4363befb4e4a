package eu.tutela.portal.privacy;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Every module's provider, in a stable order: what the platform stores (the records of processing) and everything it
 * holds on one subject. A provider that fails stops the export with its module named: an archive is whole or is not.
 */
@Service
public class PersonalData {

    private final List<PersonalDataProvider> providers;

    PersonalData(List<PersonalDataProvider> providers) {
        this.providers = providers.stream().sorted(Comparator.comparing(PersonalDataProvider::module)).toList();
    }

    public List<PersonalDataProvider> providers() {
        return providers;
    }

    /**
     * Each module's records about the subject, module by module; {@code sinks} gives the sink of each module.
     *
     * @throws ExportFailedException naming the module whose provider failed
     */
    public void export(DataSubject subject, java.util.function.Function<PersonalDataProvider, ExportSink> sinks) {
        for (PersonalDataProvider provider : providers) {
            try {
                provider.export(subject, sinks.apply(provider));
            } catch (RuntimeException e) {
                throw new ExportFailedException(provider.module(), e);
            }
        }
    }
}
