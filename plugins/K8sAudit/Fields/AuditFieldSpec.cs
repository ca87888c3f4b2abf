using Peregrine.Sdk;

namespace Peregrine.Plugins.K8sAudit.Fields;

/// <summary>One ka.* field: what the host sees (<see cref="Definition"/>) and how its value is found.</summary>
/// <param name="Definition">Name, type, list-ness, argument and description.</param>
/// <param name="Kind">The extraction shape.</param>
/// <param name="Path">The JSON keys from the event's root to the value read.</param>
/// <param name="Extra">Kind-specific: the subject kind of <see cref="FieldKind.SubjectNames"/>, the pod-level key of <see cref="FieldKind.EffectiveIds"/>.</param>
internal sealed record AuditFieldSpec(FieldDefinition Definition, FieldKind Kind, string[] Path, string? Extra = null);
