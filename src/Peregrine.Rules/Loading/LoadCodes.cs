namespace Peregrine.Rules.Loading;

/// <summary>Load errors, in Falco's order (the codes of <c>falco -V</c>).</summary>
public enum LoadErrorCode
{
    FileRead,
    YamlParse,
    YamlValidate,
    CompileCondition,
    CompileOutput,
    Validate,
    Extension,
}

/// <summary>Load warnings, in Falco's order.</summary>
public enum LoadWarningCode
{
    UnknownSource,
    UnsafeNaCheck,
    NoEventType,
    UnknownFilter,
    UnusedMacro,
    UnusedList,
    UnknownItem,
    DeprecatedItem,
    WarningExtension,
    AppendNoValues,
    ExceptionNameNotUnique,
    InvalidMacroName,
    InvalidListName,
    CompileCondition,
    UnknownKey,
}

/// <summary>The code names and texts Falco prints for load errors and warnings.</summary>
public static class LoadCodes
{
    private static readonly string[] ErrorCodes =
    [
        "LOAD_ERR_FILE_READ", "LOAD_ERR_YAML_PARSE", "LOAD_ERR_YAML_VALIDATE", "LOAD_ERR_COMPILE_CONDITION",
        "LOAD_ERR_COMPILE_OUTPUT", "LOAD_ERR_VALIDATE", "LOAD_ERR_EXTENSION",
    ];

    private static readonly string[] ErrorTexts =
    [
        "File read error", "YAML parse error", "Error validating internal structure of YAML file",
        "Error compiling condition", "Error compiling output", "Error validating rule/macro/list/exception objects",
        "Error in extension item",
    ];

    private static readonly string[] WarningCodes =
    [
        "LOAD_UNKNOWN_SOURCE", "LOAD_UNSAFE_NA_CHECK", "LOAD_NO_EVTTYPE", "LOAD_UNKNOWN_FILTER", "LOAD_UNUSED_MACRO",
        "LOAD_UNUSED_LIST", "LOAD_UNKNOWN_ITEM", "LOAD_DEPRECATED_ITEM", "LOAD_WARNING_EXTENSION",
        "LOAD_APPEND_NO_VALUES", "LOAD_EXCEPTION_NAME_NOT_UNIQUE", "LOAD_INVALID_MACRO_NAME", "LOAD_INVALID_LIST_NAME",
        "LOAD_COMPILE_CONDITION", "LOAD_UNKNOWN_KEY",
    ];

    private static readonly string[] WarningTexts =
    [
        "Unknown event source", "Unsafe <NA> comparison in condition", "Condition has no event-type restriction",
        "Unknown field or event-type in condition or output", "Unused macro", "Unused list", "Unknown rules file item",
        "Used deprecated item", "Warning in extension item", "Overriding/appending with no values",
        "Multiple exceptions defined with the same name", "Invalid macro name", "Invalid list name",
        "Warning in rule condition", "Unknown key in item definition",
    ];

    /// <summary>The long explanation of each warning, reported as <c>codedesc</c> in -V JSON.</summary>
    private static readonly string[] WarningDescriptions =
    [
        "A rule has a unknown event source. This can occur when reading rules content without having a corresponding plugin loaded, etc. The rule will be silently ignored.",
        "Comparing a field value with <NA> is unsafe and can lead to unpredictable behavior of the rule condition. If you need to check for the existence of a field, consider using the 'exists' operator instead.",
        "A rule condition matches too many evt.type values. This has a significant performance penalty. Make the condition more specific by adding an evt.type field or further restricting the number of evt.type values in the condition.",
        "A rule condition or output refers to a field or evt.type that does not exist. This is normally an error, but if a rule has a skip-if-unknown-filter property, the error is downgraded to a warning.",
        "A macro is defined in the rules content but is not used by any other macro or rule.",
        "A list is defined in the rules content but is not used by any other list, macro, or rule.",
        "An unknown top-level object is in the rules content. It will be ignored.",
        "A deprecated item is employed by lists, macros, or rules.",
        "An extension item has a warning",
        "A rule exception is overriding/appending with no values",
        "A rule is defining multiple exceptions with the same name",
        "A macro is defined with an invalid name",
        "A list is defined with an invalid name",
        "A rule condition or output have been parsed with a warning",
        "An item in the rules content contains an unrecognized key. The key will be ignored. This may indicate a typo or a property placed on the wrong item type.",
    ];

    public static string Code(this LoadErrorCode code) => ErrorCodes[(int)code];

    /// <summary>The short text; Falco also reports it as <c>codedesc</c> for errors (its lookup uses the short table).</summary>
    public static string Text(this LoadErrorCode code) => ErrorTexts[(int)code];

    public static string Code(this LoadWarningCode code) => WarningCodes[(int)code];

    public static string Text(this LoadWarningCode code) => WarningTexts[(int)code];

    public static string Description(this LoadWarningCode code) => WarningDescriptions[(int)code];
}
