package eu.tutela.policy.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import eu.tutela.policy.catalogue.Topic;
import eu.tutela.policy.render.RenderedPolicy;
import eu.tutela.policy.render.RenderedSection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares two renderings section by section (sections are matched by id, so a renumbered title is
 * not a change), sentence by sentence within a section (java-diff-utils' Myers diff).
 */
public final class PolicyDiff {

    private PolicyDiff() {
    }

    public static PolicyComparison compare(RenderedPolicy before, RenderedPolicy after) {
        return compare(sections(before), sections(after));
    }

    /** Compares two stored HTML renderings (as {@code Rendering.html()} produced them). */
    public static PolicyComparison compareHtml(String beforeHtml, String afterHtml) {
        return compare(sections(beforeHtml), sections(afterHtml));
    }

    private record Side(String id, Topic topic, String title, List<String> sentences) {
    }

    private static Map<String, Side> sections(RenderedPolicy policy) {
        Map<String, Side> out = new LinkedHashMap<>();
        for (RenderedSection s : policy.sections()) {
            out.put(s.id(), new Side(s.id(), s.topic(), s.title(), Sentences.ofMarkdown(s.markdown(), policy.lang().locale())));
        }
        return out;
    }

    private static Map<String, Side> sections(String html) {
        Map<String, Side> out = new LinkedHashMap<>();
        var doc = Jsoup.parse(html);
        Locale locale = Locale.forLanguageTag(doc.select("html").attr("lang"));
        for (Element section : doc.select("section[id][data-topic]")) {
            List<String> sentences = new ArrayList<>();
            for (Element block : section.select("p, li, h3")) {
                Sentences.split(block.ownText().isEmpty() && block.children().isEmpty() ? "" : block.text(), locale, sentences);
            }
            Topic topic = Topic.valueOf(section.attr("data-topic").toUpperCase(Locale.ROOT));
            out.put(section.id(), new Side(section.id(), topic, section.select("h2").text(), sentences));
        }
        return out;
    }

    private static PolicyComparison compare(Map<String, Side> before, Map<String, Side> after) {
        List<SectionDiff> diffs = new ArrayList<>();
        for (Side b : before.values()) {
            if (!after.containsKey(b.id())) {
                diffs.add(new SectionDiff(b.id(), b.topic(), b.title(), SectionDiff.Status.REMOVED, b.sentences(), List.of(),
                        List.of(new SentenceChange(SentenceChange.Kind.REMOVED, 0, b.sentences(), 0, List.of(), false))));
            }
        }
        for (Side a : after.values()) {
            Side b = before.get(a.id());
            if (b == null) {
                diffs.add(new SectionDiff(a.id(), a.topic(), a.title(), SectionDiff.Status.ADDED, List.of(), a.sentences(),
                        List.of(new SentenceChange(SentenceChange.Kind.ADDED, 0, List.of(), 0, a.sentences(), false))));
                continue;
            }
            List<SentenceChange> changes = new ArrayList<>();
            for (AbstractDelta<String> delta : DiffUtils.diff(b.sentences(), a.sentences()).getDeltas()) {
                List<String> old = delta.getSource().getLines();
                List<String> neu = delta.getTarget().getLines();
                SentenceChange.Kind kind = switch (delta.getType()) {
                    case INSERT -> SentenceChange.Kind.ADDED;
                    case DELETE -> SentenceChange.Kind.REMOVED;
                    default -> SentenceChange.Kind.CHANGED;
                };
                boolean wordingOnly = kind == SentenceChange.Kind.CHANGED
                        && String.join("", old.stream().map(Sentences::normalised).toList())
                        .equals(String.join("", neu.stream().map(Sentences::normalised).toList()));
                changes.add(new SentenceChange(kind, delta.getSource().getPosition(), old, delta.getTarget().getPosition(), neu, wordingOnly));
            }
            SectionDiff.Status status = changes.isEmpty() ? SectionDiff.Status.UNCHANGED : SectionDiff.Status.CHANGED;
            diffs.add(new SectionDiff(a.id(), a.topic(), a.title(), status, b.sentences(), a.sentences(), changes));
        }
        Set<Topic> substantial = EnumSet.noneOf(Topic.class);
        diffs.stream().filter(SectionDiff::substantial).forEach(d -> substantial.add(d.topic()));
        ChangeClass classification = !substantial.isEmpty() ? ChangeClass.SUBSTANTIAL
                : diffs.stream().allMatch(d -> d.status() == SectionDiff.Status.UNCHANGED) ? ChangeClass.NONE : ChangeClass.MINOR;
        return new PolicyComparison(diffs, classification, substantial);
    }
}
