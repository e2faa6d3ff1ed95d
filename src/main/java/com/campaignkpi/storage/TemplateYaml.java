package com.campaignkpi.storage;

import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML set up for CloudFormation templates: the short-form tags ({@code !Sub}, {@code !Ref}, {@code !GetAtt},
 * {@code !If}, ...) become {@link Intrinsic} values instead of failing the parse. Any other local tag still fails
 * the parse, so a misspelt function name is reported. Only the standard YAML types are constructed, so a template
 * cannot instantiate Java classes.
 */
public final class TemplateYaml {

    /** Intrinsic functions whose short form ({@code !Name}) the parser accepts. */
    private static final List<String> SHORT_FORM_FUNCTIONS = List.of(
            "Fn::And", "Fn::Base64", "Fn::Cidr", "Fn::Equals", "Fn::FindInMap", "Fn::GetAtt", "Fn::GetAZs",
            "Fn::GetStackOutput", "Fn::If", "Fn::ImportValue", "Fn::Join", "Fn::Length", "Fn::Not", "Fn::Or",
            "Fn::Select", "Fn::Split", "Fn::Sub", "Fn::ToJsonString", "Fn::Transform", "Ref", "Condition");

    private TemplateYaml() {
    }

    /** Creates a parser. SnakeYAML parsers are not thread-safe, so each parse takes a new one. */
    public static Yaml newParser() {
        LoaderOptions options = new LoaderOptions();
        // With a repeated key one of the two values would silently win, so the parse fails instead.
        options.setAllowDuplicateKeys(false);
        return new Yaml(new CloudFormationConstructor(options));
    }

    /** Returns the short-form tag of a function: {@code !Sub} for {@code Fn::Sub}, {@code !Ref} for {@code Ref}. */
    static String shortFormTag(String function) {
        return "!" + (function.startsWith("Fn::") ? function.substring("Fn::".length()) : function);
    }

    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            for (String function : SHORT_FORM_FUNCTIONS) {
                yamlConstructors.put(new Tag(shortFormTag(function)), new ConstructIntrinsic(function));
            }
        }

        /** Builds an {@link Intrinsic} from a tagged scalar, sequence or mapping. */
        private final class ConstructIntrinsic extends AbstractConstruct {

            private final String function;

            ConstructIntrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                return new Intrinsic(function, argument);
            }
        }
    }
}
