package io.github.dockmaven.compose;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** snakeyaml-engine's constructor, plus compose's {@code !reset} and {@code !override} tags (see {@link MergeTags}). */
final class ComposeConstructor extends StandardConstructor {

    ComposeConstructor(LoadSettings settings) {
        super(settings);
        tagConstructors.put(new Tag("!reset"), node -> MergeTags.Reset.VALUE);
        tagConstructors.put(new Tag("!override"), node -> new MergeTags.Override(untagged(node)));
    }

    /** The node read as if it had no tag: the mapping, list or scalar its text is; a quoted scalar a string. */
    private Object untagged(Node node) {
        node.setTag(
                switch (node.getNodeType()) {
                    case MAPPING -> Tag.MAP;
                    case SEQUENCE -> Tag.SEQ;
                    default -> ((ScalarNode) node).isPlain() ? resolved((ScalarNode) node) : Tag.STR;
                });
        return findConstructorFor(node).orElseThrow().construct(node);
    }

    /** The type an unquoted scalar's text has in the schema: {@code 3} a number, {@code true} a boolean. */
    private Tag resolved(ScalarNode node) {
        return settings.getSchema().getScalarResolver().resolve(node.getValue(), true);
    }
}
