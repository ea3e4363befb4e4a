package eu.tutela.portal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void modulesOnlyUseEachOthersPublicTypesAndFormNoCycle() {
        ApplicationModules.of(TutelaApplication.class).verify();
    }
}
