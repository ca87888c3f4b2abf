namespace Peregrine.Plugins.K8sAudit.Fields;

/// <summary>
/// How a ka.* field gets its value(s) from an audit event. Each kind is one of upstream's extraction
/// shapes, so fields that read different paths the same way share one implementation.
/// </summary>
internal enum FieldKind
{
    /// <summary>The value at the path: a string as its text, anything else as compact JSON.</summary>
    Text,

    /// <summary>The elements of the array at the path, each as <see cref="Text"/>; not an array: no value.</summary>
    TextList,

    /// <summary>The first value of a query parameter of <c>requestURI</c> (the key argument).</summary>
    UriParameter,

    /// <summary>The response object's name, when the target is a pod itself (resource pods, no subresource).</summary>
    TargetPodName,

    /// <summary>The names of the binding's subjects of one kind (<see cref="AuditFieldSpec.Extra"/>).</summary>
    SubjectNames,

    /// <summary>The names of the binding's ServiceAccount subjects, as <c>namespace:name</c>.</summary>
    SubjectNamespacedNames,

    /// <summary>Always "true": upstream keeps the deprecated field answering that way.</summary>
    AlwaysTrue,

    /// <summary>The first value at the path, every array on the way taken at index 0 (the deprecated single-container fields).</summary>
    FirstValue,

    /// <summary>Like <see cref="FirstValue"/>, cut to the image repository.</summary>
    FirstRepository,

    /// <summary>"true" when any value at the path is JSON true, else "false" (no value when the path is missing).</summary>
    AnyTrue,

    /// <summary>Every value at the path, arrays on the way expanded (or taken at the index argument); missing ones skipped.</summary>
    Values,

    /// <summary>The elements of every array found at the path, flattened.</summary>
    FlattenedArrays,

    /// <summary>Every value at the path; one missing makes the whole field have no value.</summary>
    StrictValues,

    /// <summary>Like <see cref="StrictValues"/>, each cut to the image repository.</summary>
    Repositories,

    /// <summary>Each array of strings at the path, joined with spaces (container command lines and args).</summary>
    JoinedStrings,

    /// <summary>Each container port's hostPort, or its containerPort when it has none.</summary>
    HostPorts,

    /// <summary>Each container's value, or the pod's (<see cref="AuditFieldSpec.Extra"/> path) when missing, or "0".</summary>
    EffectiveIds,

    /// <summary>The keys other than "name" of each volume: the volume types.</summary>
    VolumeTypes,

    /// <summary>"true" when a hostPath equals the key argument (or starts with it, when it ends with '*'), else "false".</summary>
    HostPathMatch,
}
