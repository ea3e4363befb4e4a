package eu.tutela.policy.catalogue;

import org.yaml.snakeyaml.Yaml;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/** The real catalogue with one file edited, to show that loading refuses a given editing mistake. */
final class EditedCatalogue {

    private EditedCatalogue() {
    }

    /** A class loader that finds the real catalogue, but with {@code file} edited (or, when {@code edit} is null, absent). */
    static ClassLoader withFile(String file, Consumer<Map<String, Object>> edit) {
        ClassLoader real = Catalogue.class.getClassLoader();
        String resource = CatalogueLoader.ROOT + file;
        byte[] edited = null;
        if (edit != null) {
            Map<String, Object> document = CatalogueLoader.yaml(real, resource);
            edit.accept(document);
            edited = new Yaml().dump(document).getBytes(StandardCharsets.UTF_8);
        }
        byte[] content = edited;
        return new ClassLoader(real) {
            @Override
            public InputStream getResourceAsStream(String name) {
                if (!name.equals(resource)) {
                    return super.getResourceAsStream(name);
                }
                return content == null ? null : new ByteArrayInputStream(content);
            }
        };
    }
}
