package eu.tutela.portal.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

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
     * @throws ProviderFailedException naming the module whose provider failed
     */
    public void export(DataSubject subject, Function<PersonalDataProvider, ExportSink> sinks) {
        for (PersonalDataProvider provider : providers) {
            try {
                provider.export(subject, sinks.apply(provider));
            } catch (RuntimeException e) {
                throw new ProviderFailedException(provider.module(), "exported", e);
            }
        }
    }

    /**
     * What erasing the subject would do, module by module; changes nothing.
     *
     * @throws ProviderFailedException naming the module whose provider failed
     */
    public List<ErasureLine> erasurePreview(DataSubject subject) {
        List<ErasureLine> lines = new ArrayList<>();
        for (PersonalDataProvider provider : providers) {
            try {
                for (ErasureStep step : provider.erasure(subject)) {
                    lines.add(new ErasureLine(provider.module(), step.category(), step.outcome(), step.count().getAsLong(), step.holdKey()));
                }
            } catch (RuntimeException e) {
                throw new ProviderFailedException(provider.module(), "counted", e);
            }
        }
        return lines;
    }

    /**
     * Erases the subject in every module, within the caller's transaction: when one provider fails, the exception
     * (naming its module) rolls back what the others did, and the person is left whole.
     *
     * @return the preview of what was done, as counted just before
     * @throws ProviderFailedException naming the module whose provider failed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ErasureLine> erase(DataSubject subject) {
        List<ErasureLine> done = erasurePreview(subject);
        for (PersonalDataProvider provider : providers.stream().sorted(Comparator.comparingInt(PersonalDataProvider::erasureOrder)).toList()) {
            try {
                provider.erasure(subject).forEach(step -> step.action().run());
            } catch (RuntimeException e) {
                throw new ProviderFailedException(provider.module(), "erased", e);
            }
        }
        return done;
    }
}
