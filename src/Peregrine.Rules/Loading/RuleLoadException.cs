namespace Peregrine.Rules.Loading;

/// <summary>
/// Stops reading or compiling at the first error, as Falco does. It is always caught inside the
/// loader and turned into a <see cref="LoadError"/>; it never reaches the caller.
/// </summary>
internal sealed class RuleLoadException(LoadErrorCode code, string message, LoadContext context) : Exception(message)
{
    public LoadErrorCode Code { get; } = code;
    public LoadContext Context { get; } = context;

    public static void ThrowIf(bool condition, LoadErrorCode code, string message, LoadContext context)
    {
        if (condition) throw new RuleLoadException(code, message, context);
    }
}
