using Peregrine.Sdk;

namespace Peregrine.Plugins.K8sAudit.Fields;

/// <summary>
/// The ka.* fields, in upstream's order (the order is part of the catalog), each with how it is
/// extracted. Names, types, list-ness and arguments are upstream 0.18.0's; the descriptions are ours.
/// </summary>
internal static class AuditFields
{
    private const string Annotations = "annotations";
    private const string RequestObject = "requestObject";

    public static readonly AuditFieldSpec[] All = Build();

    public static readonly FieldDefinition[] Definitions = [.. All.Select(f => f.Definition)];

    private static AuditFieldSpec[] Build()
    {
        var fields = new List<AuditFieldSpec>
        {
            Text("ka.auditid", "The ID that identifies the audit event", "auditID"),
            Text("ka.stage", "The stage of the request that the event was generated at (e.g. RequestReceived, ResponseComplete)", "stage"),
            Text("ka.auth.decision", "The authorization decision (allow or forbid)", Annotations, "authorization.k8s.io/decision"),
            Text("ka.auth.reason", "Why the request was authorized or not", Annotations, "authorization.k8s.io/reason"),
            Text("ka.auth.openshift.decision", "The decision of the OpenShift authentication API server extension (OpenShift clusters only)", Annotations, "authentication.openshift.io/decision"),
            Text("ka.validations.admission.policy.failure", "Why a ValidatingAdmissionPolicy rejected the request", Annotations, "validation.policy.admission.k8s.io/validation_failure"),
            Text("ka.security.pod.violations", "The Pod Security admission violations recorded for the request", Annotations, "pod-security.kubernetes.io/audit-violations"),
            Text("ka.auth.openshift.username", "The user name authenticated by OpenShift (OpenShift clusters only)", Annotations, "authentication.openshift.io/username"),
            Text("ka.user.name", "The name of the user who made the request", "user", "username"),
            TextList("ka.user.groups", "The groups of the user who made the request", "user", "groups"),
            Text("ka.impuser.name", "The name of the user impersonated by the request", "impersonatedUser", "username"),
            Text("ka.verb", "The verb of the request (e.g. get, create, delete)", "verb"),
            Text("ka.uri", "The request URI, as the client sent it", "requestURI"),
            new(Single("ka.uri.param", "The first value of a query parameter of the request URI, e.g. ka.uri.param[command]",
                FieldArgumentRules.Key | FieldArgumentRules.Required), FieldKind.UriParameter, ["requestURI"]),
            Text("ka.target.name", "The name of the object the request is about", "objectRef", "name"),
            Text("ka.target.namespace", "The namespace of the object the request is about", "objectRef", "namespace"),
            Text("ka.target.resource", "The resource type of the object the request is about (e.g. pods, secrets)", "objectRef", "resource"),
            Text("ka.target.subresource", "The subresource the request is about (e.g. exec, attach)", "objectRef", "subresource"),
            new(Single("ka.target.pod.name", "The name of the pod the request is about, when the target is a pod itself"),
                FieldKind.TargetPodName, ["responseObject", "metadata", "name"]),
            TextList("ka.req.binding.subjects", "For a (cluster) role binding, its subjects, each as compact JSON", RequestObject, "subjects"),
            Subjects("ka.req.binding.subjects.user_names", "For a (cluster) role binding, the names of its User subjects", FieldKind.SubjectNames, "User"),
            Subjects("ka.req.binding.subjects.serviceaccount_names", "For a (cluster) role binding, the names of its ServiceAccount subjects", FieldKind.SubjectNames, "ServiceAccount"),
            Subjects("ka.req.binding.subjects.serviceaccount_ns_names", "For a (cluster) role binding, its ServiceAccount subjects as namespace:name", FieldKind.SubjectNamespacedNames, "ServiceAccount"),
            Subjects("ka.req.binding.subjects.group_names", "For a (cluster) role binding, the names of its Group subjects", FieldKind.SubjectNames, "Group"),
            Text("ka.req.binding.role", "For a (cluster) role binding, the name of the role it refers to", RequestObject, "roleRef", "name"),
            new(Single("ka.req.binding.subject.has_name", "Deprecated; kept for old rules, always true",
                FieldArgumentRules.Key | FieldArgumentRules.Required), FieldKind.AlwaysTrue, []),
            Text("ka.req.configmap.name", "For a configmap, its name", "objectRef", "name"),
            Text("ka.req.configmap.obj", "For a configmap, its data, as compact JSON", RequestObject, "data"),
            Container("containers", "args"),
            Container("containers", "command"),
            Container("containers", "name"),
            Container("containers", "image"),
            new(Single("ka.req.container.image", "Deprecated by ka.req.pod.containers.image: the image of the first container"),
                FieldKind.FirstValue, ContainerPath("containers", "image")),
            Container("containers", "image.repository"),
            new(Single("ka.req.container.image.repository", "Deprecated by ka.req.pod.containers.image.repository: the image repository of the first container"),
                FieldKind.FirstRepository, ContainerPath("containers", "image")),
            Text("ka.req.pod.host_ipc", "For a pod, its hostIPC flag", RequestObject, "spec", "hostIPC"),
            Text("ka.req.pod.host_network", "For a pod, its hostNetwork flag", RequestObject, "spec", "hostNetwork"),
            Text("ka.req.container.host_network", "Deprecated alias of ka.req.pod.host_network", RequestObject, "spec", "hostNetwork"),
            Text("ka.req.pod.host_pid", "For a pod, its hostPID flag", RequestObject, "spec", "hostPID"),
            Container("containers", "host_port"),
            Container("containers", "privileged"),
            new(Single("ka.req.container.privileged", "Deprecated by ka.req.pod.containers.privileged: true when any container is privileged"),
                FieldKind.AnyTrue, ContainerPath("containers", "securityContext", "privileged")),
            Container("containers", "allow_privilege_escalation"),
            Container("containers", "read_only_fs"),
            Text("ka.req.pod.run_as_user", "For a pod, the runAsUser of its security context (the containers' own are in ka.req.pod.containers.run_as_user)", RequestObject, "spec", "securityContext", "runAsUser"),
            Container("containers", "run_as_user"),
            Container("containers", "eff_run_as_user"),
            Text("ka.req.pod.run_as_group", "For a pod, the runAsGroup of its security context (the containers' own are in ka.req.pod.containers.run_as_group)", RequestObject, "spec", "securityContext", "runAsGroup"),
            Container("containers", "run_as_group"),
            Container("containers", "eff_run_as_group"),
            Container("containers", "proc_mount"),
            TextList("ka.req.role.rules", "For a (cluster) role, its rules, each as compact JSON", RequestObject, "rules"),
            RuleValues("ka.req.role.rules.apiGroups", "For a (cluster) role, the API groups of its rules", RequestObject, "rules", "apiGroups"),
            RuleValues("ka.req.role.rules.nonResourceURLs", "For a (cluster) role, the non-resource URLs of its rules", RequestObject, "rules", "nonResourceURLs"),
            RuleValues("ka.req.role.rules.verbs", "For a (cluster) role, the verbs of its rules", RequestObject, "rules", "verbs"),
            RuleValues("ka.req.role.rules.resources", "For a (cluster) role, the resources of its rules", RequestObject, "rules", "resources"),
            Text("ka.req.pod.fs_group", "For a pod, the fsGroup of its security context", RequestObject, "spec", "securityContext", "fsGroup"),
            TextList("ka.req.pod.supplemental_groups", "For a pod, the supplementalGroups of its security context", RequestObject, "spec", "securityContext", "supplementalGroups"),
            Container("containers", "add_capabilities"),
            Text("ka.req.service.type", "For a service, its type (e.g. ClusterIP, NodePort)", RequestObject, "spec", "type"),
            Indexed("ka.req.service.ports", "For a service, its ports, as compact JSON", FieldKind.Values, RequestObject, "spec", "ports"),
            Indexed("ka.req.pod.volumes.hostpath", "For a pod, the hostPath paths of its volumes", FieldKind.Values, RequestObject, "spec", "volumes", "hostPath", "path"),
            new(Single("ka.req.volume.hostpath", "Deprecated by ka.req.pod.volumes.hostpath: whether a volume uses the given host path (a trailing * matches a prefix)",
                FieldArgumentRules.Key | FieldArgumentRules.Required), FieldKind.HostPathMatch, [RequestObject, "spec", "volumes", "hostPath", "path"]),
            Indexed("ka.req.pod.volumes.flexvolume_driver", "For a pod, the flexVolume drivers of its volumes", FieldKind.Values, RequestObject, "spec", "volumes", "flexVolume", "driver"),
            Indexed("ka.req.pod.volumes.volume_type", "For a pod, the types of its volumes (e.g. hostPath, configMap)", FieldKind.VolumeTypes, RequestObject, "spec", "volumes", ""),
            Text("ka.resp.name", "The name of the object in the response", "responseObject", "metadata", "name"),
            Text("ka.response.code", "The HTTP status code of the response", "responseStatus", "code"),
            Text("ka.response.reason", "The reason given in the response status (usually only on failures)", "responseStatus", "reason"),
            Text("ka.useragent", "The user agent of the client that made the request", "userAgent"),

            // Upstream reads the source IPs under requestObject.rules, which audit events do not have;
            // kept as upstream has it so rules and outputs behave the same.
            RuleValues("ka.sourceips", "The IP addresses the request came from", RequestObject, "rules", "sourceIPs"),
            Text("ka.cluster.name", "The name of the Kubernetes cluster", Annotations, "cluster_name"),
        };

        string[] sharedProperties =
        [
            "name", "image", "image.repository", "command", "args", "privileged", "allow_privilege_escalation",
            "read_only_fs", "run_as_user", "eff_run_as_user", "run_as_group", "eff_run_as_group", "proc_mount", "add_capabilities",
        ];
        foreach (var property in sharedProperties)
        {
            fields.Add(Container("initContainers", property));
        }

        fields.Add(Container("initContainers", "host_port"));
        foreach (var property in sharedProperties)
        {
            fields.Add(Container("ephemeralContainers", property));
        }

        return [.. fields];
    }

    /// <summary>A per-container field (<c>ka.req.pod.{list}.{property}</c>), indexable by container position.</summary>
    private static AuditFieldSpec Container(string list, string property)
    {
        var who = list switch
        {
            "initContainers" => "init containers",
            "ephemeralContainers" => "ephemeral containers",
            _ => "containers",
        };
        var (kind, path, extra, what) = property switch
        {
            "args" => (FieldKind.JoinedStrings, ContainerPath(list, "args"), null, $"the args of its {who}, each container's joined with spaces"),
            "command" => (FieldKind.JoinedStrings, ContainerPath(list, "command"), null, $"the commands of its {who}, each container's joined with spaces"),
            "name" => (FieldKind.StrictValues, ContainerPath(list, "name"), null, $"the names of its {who}"),
            "image" => (FieldKind.StrictValues, ContainerPath(list, "image"), null, $"the images of its {who}"),
            "image.repository" => (FieldKind.Repositories, ContainerPath(list, "image"), null, $"the image repositories of its {who} (the image without tag or digest, e.g. falcosecurity/falco)"),
            "host_port" => (FieldKind.HostPorts, ContainerPath(list, "ports"), null, $"the host ports of its {who} (a port's containerPort when it has no hostPort)"),
            "privileged" => (FieldKind.Values, ContainerPath(list, "securityContext", "privileged"), null, $"the privileged flags of its {who}"),
            "allow_privilege_escalation" => (FieldKind.Values, ContainerPath(list, "securityContext", "allowPrivilegeEscalation"), null, $"the allowPrivilegeEscalation flags of its {who}"),
            "read_only_fs" => (FieldKind.Values, ContainerPath(list, "securityContext", "readOnlyRootFilesystem"), null, $"the readOnlyRootFilesystem flags of its {who}"),
            "run_as_user" => (FieldKind.Values, ContainerPath(list, "securityContext", "runAsUser"), null, $"the runAsUser uids of its {who}"),
            "run_as_group" => (FieldKind.Values, ContainerPath(list, "securityContext", "runAsGroup"), null, $"the runAsGroup gids of its {who}"),

            // Upstream reads runAsUser/runAsGroup right under the pod spec and the container (not under
            // their securityContext); kept as upstream has it so rules behave the same.
            "eff_run_as_user" => (FieldKind.EffectiveIds, ContainerPath(list, "runAsUser"), "runAsUser", $"the uid each of its {who} starts with: the container's, else the pod's, else 0"),
            "eff_run_as_group" => (FieldKind.EffectiveIds, ContainerPath(list, "runAsGroup"), "runAsGroup", $"the gid each of its {who} starts with: the container's, else the pod's, else 0"),
            "proc_mount" => (FieldKind.Values, ContainerPath(list, "securityContext", "procMount"), null, $"the procMount types of its {who}"),
            "add_capabilities" => (FieldKind.Values, ContainerPath(list, "securityContext", "capabilities", "add"), null, $"the capabilities added to each of its {who}, as a JSON array"),
            _ => throw new ArgumentOutOfRangeException(nameof(property), property, "not a per-container field"),
        };
        var definition = new FieldDefinition($"ka.req.pod.{list}.{property}", PluginFieldType.String, $"For a pod, {what}")
        {
            IsList = true,
            Argument = FieldArgumentRules.Index,
        };
        return new AuditFieldSpec(definition, kind, path, extra);
    }

    private static string[] ContainerPath(string list, params string[] rest) => [RequestObject, "spec", list, .. rest];

    private static FieldDefinition Single(string name, string description, FieldArgumentRules argument = FieldArgumentRules.None) =>
        new(name, PluginFieldType.String, description) { Argument = argument };

    private static AuditFieldSpec Text(string name, string description, params string[] path) =>
        new(Single(name, description), FieldKind.Text, path);

    private static AuditFieldSpec TextList(string name, string description, params string[] path) =>
        new(new FieldDefinition(name, PluginFieldType.String, description) { IsList = true }, FieldKind.TextList, path);

    private static AuditFieldSpec Subjects(string name, string description, FieldKind kind, string subjectKind) =>
        new(new FieldDefinition(name, PluginFieldType.String, description) { IsList = true }, kind, [RequestObject, "subjects"], subjectKind);

    private static AuditFieldSpec RuleValues(string name, string description, params string[] path) =>
        Indexed(name, description, FieldKind.FlattenedArrays, path);

    private static AuditFieldSpec Indexed(string name, string description, FieldKind kind, params string[] path) =>
        new(new FieldDefinition(name, PluginFieldType.String, description) { IsList = true, Argument = FieldArgumentRules.Index }, kind, path);
}
