package eu.tutela.portal.privacy;

import java.util.List;

/**
 * One module's account of the personal data it stores. Implemented once per module, package-private, as a bean;
 * called within a transaction bound to the subject's institution, as the platform's own work (the caller has checked
 * who may ask).
 */
public interface PersonalDataProvider {

    /** The module's name, which names its part of an archive ({@code people}, {@code consent}…). */
    String module();

    /** What it stores. */
    List<DataCategory> categories();

    /** Everything it holds about the subject, written to the sink; throws when it cannot, never leaves out silently. */
    void export(DataSubject subject, ExportSink sink);

    /**
     * What erasing the subject does here, category by category: every category the module stores about a person is
     * erased, anonymised, or kept under a named legal hold. Running the steps' actions is the erasure, in the caller's
     * transaction, so that a failure anywhere leaves the person whole.
     */
    List<ErasureStep> erasure(DataSubject subject);

    /**
     * When this module erases, among the others (lower first): the module that holds the subject's own record erases
     * last, since the others find what they hold through it.
     */
    default int erasureOrder() {
        return 0;
    }
}
