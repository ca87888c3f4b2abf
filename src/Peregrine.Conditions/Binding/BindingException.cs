namespace Peregrine.Conditions.Binding;

/// <summary>
/// A binding failure inside the binder, with Falco's message. The binder attaches the position
/// of the check being bound and returns it as a <see cref="ConditionError"/>; it never escapes.
/// </summary>
internal sealed class BindingException(string message) : Exception(message);
