package eu.tutela.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of tenant settings, logos, colours and addresses, without a database. */
class SettingsRulesTest {

    static TenantSettings.Change valid() {
        return new TenantSettings.Change("Haute École des Mines", "#1F5F8B", "FR", null, null, List.of("fr", "en"),
                "Europe/Paris", "Bruno Lefèvre", "dpo@hemi.example", null, null);
    }

    static TenantSettings.Change with(Map<String, Object> changes) {
        TenantSettings.Change v = valid();
        return new TenantSettings.Change((String) changes.getOrDefault("displayName", v.displayName()),
                (String) changes.getOrDefault("primaryColour", v.primaryColour()), (String) changes.getOrDefault("country", v.country()),
                (Integer) changes.getOrDefault("consentAge", v.consentAgeOverride()),
                (String) changes.getOrDefault("consentAgeReason", v.consentAgeReason()), v.languages(),
                (String) changes.getOrDefault("timeZone", v.timeZone()), v.dpoName(), (String) changes.getOrDefault("dpoEmail", v.dpoEmail()),
                null, (String) changes.getOrDefault("authorityUrl", v.authorityUrl()));
    }

    @Test
    void aValidChangeHasNoProblem() {
        assertThat(SettingsCheck.problems(valid())).isEmpty();
        assertThat(SettingsCheck.problems(with(Map.of("consentAge", 13, "consentAgeReason", "National law of 2024")))).isEmpty();
    }

    @Test
    void eachBadValueIsNamedOnItsField() {
        assertThat(SettingsCheck.problems(with(Map.of("primaryColour", "blue")))).containsOnlyKeys("primaryColour");
        assertThat(SettingsCheck.problems(with(Map.of("primaryColour", "#12345")))).containsOnlyKeys("primaryColour");
        assertThat(SettingsCheck.problems(with(Map.of("timeZone", "Europe/Atlantis")))).containsOnlyKeys("timeZone");
        assertThat(SettingsCheck.problems(with(Map.of("dpoEmail", "not an address")))).containsOnlyKeys("dpoEmail");
        assertThat(SettingsCheck.problems(with(Map.of("displayName", "<script>alert(1)</script>")))).containsOnlyKeys("displayName");
        assertThat(SettingsCheck.problems(with(Map.of("country", "US")))).containsOnlyKeys("country");
        assertThat(SettingsCheck.problems(with(Map.of("authorityUrl", "javascript:alert(1)")))).containsOnlyKeys("authorityUrl");
    }

    @Test
    void anAgeOverrideStaysWithin13And16AndNeedsAReason() {
        assertThat(SettingsCheck.problems(with(Map.of("consentAge", 12, "consentAgeReason", "x")))).containsOnlyKeys("consentAge");
        assertThat(SettingsCheck.problems(with(Map.of("consentAge", 17, "consentAgeReason", "x")))).containsOnlyKeys("consentAge");
        assertThat(SettingsCheck.problems(with(Map.of("consentAge", 14)))).containsOnlyKeys("consentAgeReason");
        assertThat(SettingsCheck.problems(with(Map.of("consentAge", 14, "consentAgeReason", "  ")))).containsOnlyKeys("consentAgeReason");
    }

    @Test
    void theAgeOfConsentDefaultsFromTheCountry() {
        TenantSettings france = new TenantSettings(null, "s", "n", "#000000", "FR", null, null, List.of("fr"),
                java.time.ZoneId.of("Europe/Paris"), null, null, null, null, false);
        assertThat(france.digitalConsentAge()).isEqualTo(15);
        assertThat(france.supervisoryAuthority()).hasValueSatisfying(a -> assertThat(a.name()).contains("CNIL"));
        TenantSettings overridden = new TenantSettings(null, "s", "n", "#000000", "FR", 16, "Board decision", List.of("fr"),
                java.time.ZoneId.of("Europe/Paris"), null, null, null, null, false);
        assertThat(overridden.digitalConsentAge()).isEqualTo(16);
    }

    @Test
    void textOnABrandColourStaysReadable() {
        assertThat(BrandColour.parse("#FFEE00").orElseThrow().foreground()).isEqualTo("#000000");
        assertThat(BrandColour.parse("#1f5f8b").orElseThrow().foreground()).isEqualTo("#ffffff");
        for (String colour : List.of("#ffee00", "#1f5f8b", "#777777", "#ff0000", "#00aa00", "#0000ff")) {
            assertThat(BrandColour.parse(colour).orElseThrow().contrast()).as(colour).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(BrandColour.parse("red")).isEmpty();
    }

    @Test
    void emailAddressesAreBareAndLowerCased() {
        assertThat(EmailAddress.parse(" Jeanne.Dupont@HEMI.example ")).contains("jeanne.dupont@hemi.example");
        assertThat(EmailAddress.parse("Jeanne <jeanne@hemi.example>")).isEmpty();
        assertThat(EmailAddress.parse("jeanne@localhost")).isEmpty();
        assertThat(EmailAddress.parse("a@b.c, d@e.f")).isEmpty();
        assertThat(EmailAddress.parse("")).isEmpty();
    }

    @Test
    void aLogoIsAPngThatDecodesOrAnSvgWithoutAnythingActive() throws Exception {
        byte[] png;
        try (var in = SettingsRulesTest.class.getResourceAsStream("/logo.png")) {
            png = in.readAllBytes();
        }
        assertThat(LogoImage.from(png, "logo.png").contentType()).isEqualTo(LogoImage.PNG);

        String svg = "<?xml version=\"1.0\"?><!-- made by hand --><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                + "<title>HEMI</title><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#1f5f8b\"/></svg>";
        LogoImage clean = LogoImage.from(svg.getBytes(StandardCharsets.UTF_8), "logo.svg");
        String kept = new String(clean.bytes(), StandardCharsets.UTF_8);
        assertThat(kept).startsWith("<svg").contains("viewBox=\"0 0 10 10\"").contains("<circle").doesNotContain("made by hand");

        for (String unsafe : List.of(
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"javascript:alert(1)\"><rect/></a></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"https://evil.example/x.svg#a\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div>x</div></foreignObject></svg>",
                "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>")) {
            assertThatThrownBy(() -> LogoImage.from(unsafe.getBytes(StandardCharsets.UTF_8), "logo.svg")).as(unsafe)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.problems()).containsEntry("logo", "settings.error.logoUnsafe"));
        }
        assertThatThrownBy(() -> LogoImage.from(new byte[20 * 1024 * 1024], "big.png"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsEntry("logo", "settings.error.logoSize"));
        assertThatThrownBy(() -> LogoImage.from("GIF89a".getBytes(StandardCharsets.US_ASCII), "logo.gif"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsEntry("logo", "settings.error.logoType"));
    }
}
