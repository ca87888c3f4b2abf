namespace Peregrine.Plugins.K8sAudit;

/// <summary>One Kubernetes audit event ready to become a plugin event.</summary>
/// <param name="Payload">The event object as compact JSON: the payload every ka.* field reads.</param>
/// <param name="Timestamp">Its <c>stageTimestamp</c>, in nanoseconds since the epoch.</param>
internal readonly record struct AuditEvent(byte[] Payload, ulong Timestamp);
