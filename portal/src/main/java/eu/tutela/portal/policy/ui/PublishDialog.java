package eu.tutela.portal.policy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import eu.tutela.policy.Lang;
import eu.tutela.policy.diff.PolicyComparison;
import eu.tutela.policy.diff.SectionDiff;
import eu.tutela.portal.policy.PolicyPublication;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.policy.PublicationProposal;
import eu.tutela.portal.policy.StaleDraftException;
import eu.tutela.portal.policy.VersionKind;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.tenancy.InvalidInputException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Publishing, reviewed: what the comparison with the active version proposes (first, minor or
 * substantial, with the topics touched and the sections changed), the publisher's decision, and the
 * reason when it differs from the proposal.
 */
class PublishDialog extends Dialog {

    private final PolicyPublication publication;
    private final Consumer<PolicyVersion> published;
    private final RadioButtonGroup<VersionKind> kind = new RadioButtonGroup<>();
    private final TextArea reason = new TextArea();
    private final FieldErrors errors = new FieldErrors(this);

    PublishDialog(PolicyPublication publication, Lang lang, Consumer<PolicyVersion> published) {
        this.publication = publication;
        this.published = published;
        setId("policy-publish-dialog");
        setWidth("40rem");
        setMaxWidth("100%");
        PublicationProposal proposal = publication.propose();
        setHeaderTitle(getTranslation("policy.publish.title", proposal.number()));
        Button cancel = new Button(getTranslation("policy.publish.cancel"), e -> close());
        cancel.setId("policy-publish-cancel");
        if (!proposal.publishable()) {
            Paragraph why = new Paragraph(getTranslation(proposal.proposedKind().isEmpty()
                    ? "policy.publish.unchanged" : "policy.publish.problems"));
            why.setId("policy-publish-refused");
            add(why);
            getFooter().add(cancel);
            return;
        }
        VersionKind proposed = proposal.proposedKind().orElseThrow();
        Paragraph proposalText = new Paragraph(proposed == VersionKind.FIRST
                ? getTranslation("policy.publish.proposeFirst")
                : getTranslation("policy.publish.propose." + proposed.name(), topics(proposal.topics())));
        proposalText.setId("policy-publish-proposal");
        add(proposalText);
        changedSections(proposal, lang);

        reason.setId("policy-publish-reason");
        reason.setLabel(getTranslation("policy.publish.reason"));
        reason.setMaxLength(2000);
        reason.setVisible(false);
        if (proposed != VersionKind.FIRST) {
            kind.setId("policy-publish-kind");
            kind.setLabel(getTranslation("policy.publish.kind"));
            kind.setItems(VersionKind.MINOR, VersionKind.SUBSTANTIAL);
            kind.setItemLabelGenerator(k -> getTranslation("policy.kind.explained." + k.name()));
            kind.setValue(proposed);
            kind.addValueChangeListener(e -> reason.setVisible(e.getValue() != proposed));
            add(kind, reason);
        }
        errors.on("reason", reason);

        Button confirm = new Button(getTranslation("policy.publish.confirm", proposal.number()), e -> publish(proposal, proposed));
        confirm.setId("policy-publish-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, confirm);
    }

    private void changedSections(PublicationProposal proposal, Lang lang) {
        PolicyComparison comparison = proposal.comparisons().getOrDefault(lang,
                proposal.comparisons().values().stream().findFirst().orElse(null));
        if (comparison == null || comparison.changedSections().isEmpty()) {
            return;
        }
        UnorderedList sections = new UnorderedList();
        sections.setId("policy-publish-sections");
        for (SectionDiff section : comparison.changedSections()) {
            sections.add(new ListItem(getTranslation("policy.diff.status." + section.status().name(), section.title())));
        }
        add(new Paragraph(getTranslation("policy.publish.sections")), sections);
    }

    private String topics(List<String> topics) {
        if (topics.isEmpty()) {
            return getTranslation("policy.topic.general");
        }
        return String.join(", ", topics.stream().map(t -> getTranslation("policy.topic." + t)).toList());
    }

    private void publish(PublicationProposal proposal, VersionKind proposed) {
        VersionKind chosen = proposed == VersionKind.FIRST ? VersionKind.FIRST : kind.getValue();
        try {
            PolicyVersion version = publication.publish(proposal.draftRevision(), chosen, reason.getValue());
            close();
            published.accept(version);
        } catch (StaleDraftException colleague) {
            FieldErrors.notify(this, getTranslation("policy.publish.stale", colleague.current().updatedBy()));
            close();
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }
}
