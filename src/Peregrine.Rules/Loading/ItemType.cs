namespace Peregrine.Rules.Loading;

/// <summary>The kinds of item a load location can name, in Falco's order.</summary>
public enum ItemType
{
    ValueFor,
    Exceptions,
    Exception,
    ExceptionValues,
    ExceptionValue,
    RulesContent,
    RulesContentItem,
    RequiredEngineVersion,
    RequiredPluginVersions,
    RequiredPluginVersionsEntry,
    RequiredPluginVersionsAlternative,
    List,
    ListItem,
    Macro,
    MacroCondition,
    Rule,
    RuleCondition,
    ConditionExpression,
    RuleOutput,
    RuleOutputExpression,
    RulePriority,
    Overrides,
    ExtensionItem,
}

public static class ItemTypes
{
    private static readonly string[] Names =
    [
        "value for", "exceptions", "exception", "exception values", "exception value", "rules content",
        "rules content item", "required_engine_version", "required plugin versions",
        "required plugin versions entry", "required plugin versions alternative", "list", "list item", "macro",
        "macro condition", "rule", "rule condition", "condition expression", "rule output",
        "rule output expression", "rule priority", "overrides", "extension item",
    ];

    /// <summary>The text Falco prints for an item type (<c>In rule 'x': ...</c>, JSON <c>item_type</c>).</summary>
    public static string Text(this ItemType type) => Names[(int)type];
}
