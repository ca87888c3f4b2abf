namespace Peregrine.Rules.Loading;

/// <summary>
/// What loading one rules file produced: Falco's <c>load_result</c>. A load succeeded when it
/// has no error (warnings never fail a load). <see cref="SchemaStatus"/> is one entry per YAML
/// document ("ok" or "failed for ...: ...") once schema validation ran.
/// </summary>
public sealed class LoadResult(string name)
{
    private readonly List<LoadError> _errors = [];
    private readonly List<LoadWarning> _warnings = [];

    /// <summary>The rules file name as given (path as on the command line).</summary>
    public string Name { get; } = name;

    public IReadOnlyList<LoadError> Errors => _errors;

    public IReadOnlyList<LoadWarning> Warnings => _warnings;

    public bool Successful => _errors.Count == 0;

    public IReadOnlyList<string> SchemaStatus { get; private set; } = [];

    /// <summary>Falco looks at the first document's status only.</summary>
    public bool SchemaValid => SchemaStatus.Count > 0 && SchemaStatus[0] == "ok";

    public void AddError(LoadErrorCode code, string message, LoadContext context) =>
        _errors.Add(new LoadError(code, message, context));

    public void AddWarning(LoadWarningCode code, string message, LoadContext context) =>
        _warnings.Add(new LoadWarning(code, message, context));

    public void AddDeprecatedFieldWarning(string field, string message, LoadContext context) =>
        _warnings.Add(new LoadWarning(LoadWarningCode.DeprecatedItem, message, context, field));

    public void SetSchemaStatus(IReadOnlyList<string> status) => SchemaStatus = status;
}
