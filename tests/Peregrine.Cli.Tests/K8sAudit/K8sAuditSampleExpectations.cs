namespace Peregrine.Cli.Tests.K8sAudit;

/// <summary>
/// Expected alerts for the 47 Kubernetes audit samples in <c>reference/events/k8s_audit/*.json</c>, for two upstream
/// rules files, each loaded alone: <c>rules/k8saudit-0.4.0/k8s_audit_rules.yaml</c> (<see cref="V040"/>) and
/// <c>rules/current/k8s_audit_rules.yaml</c> (<see cref="Current"/>).
/// </summary>
/// <remarks>
/// <para>
/// Derived by reading, not by running anything: each enabled rule's condition was expanded (macros, lists, nested and
/// empty lists) and evaluated against the JSON with the field semantics of the upstream k8saudit plugin
/// (<c>plugins/k8saudit/pkg/k8saudit/extract.go</c>) and json plugin (<c>jevt.value</c>, <c>jevt.rawtime</c>).
/// See README.md next to this file.
/// </para>
/// <para>
/// Settings assumed are Falco 0.44 defaults: <c>priority: debug</c> (every rule counts), no <c>rules:</c> selectors, and
/// <c>rule_matching: first</c>. With <c>first</c>, an event raises at most one alert: the first matching rule in
/// rules-file order (for plugin sources every rule sits in the same index, so it is plain definition order).
/// <see cref="V040"/> and <see cref="Current"/> hold those alerts. <see cref="V040AllMatches"/> and
/// <see cref="CurrentAllMatches"/> hold what <c>rule_matching: all</c> would give: the first rule plus the rules that
/// also match but are shadowed under <c>first</c>.
/// </para>
/// <para>
/// A file is read like the plugin does (<c>OpenReader</c>): line by line, each non-empty line one JSON value
/// (<c>Event</c>, <c>EventList</c> or array). So <c>create_configmap_sensitive_values.json</c> holds 6 events, and
/// <c>fal_01_003.json</c> (<c>{"kind":0}</c>) holds none. In every other file there is exactly one event.
/// </para>
/// <para>
/// Facts that hold for all files, used below without repeating them:
/// <list type="bullet">
/// <item><c>Create Disallowed Pod</c>, <c>Full K8s Administrative Access</c> and the two <c>Untrusted Node …</c> rules never
/// fire: they end in <c>not allowed_k8s_containers</c> / <c>not allowed_full_admin_users</c> / <c>not allow_all_k8s_nodes</c>,
/// which are <c>jevt.rawtime exists</c> (always true). <c>All K8s Audit Events</c> needs <c>jevt.rawtime=0</c> (never).</item>
/// <item><c>Disallowed K8s User</c> (the first rule in both files) only fires for <c>some-user</c>. Every other user is either
/// <c>system:…</c> (so <c>non_system_user</c> is false) or in <c>allowed_k8s_users</c> (<c>minikube-user</c>, <c>admin</c>).</item>
/// <item>Every event except those of <c>attach_pod</c> and <c>exec_pod</c> (<c>ResponseStarted</c>, code 101) has
/// <c>stage=ResponseComplete</c> (so <c>kevt</c> is true) and <c>responseStatus.code</c> 200 or 201 (so
/// <c>response_successful</c>, i.e. <c>ka.response.code startswith 2</c>, is true).</item>
/// <item>v0.4.0 names <c>falco_privileged_images</c> and <c>falco_sensitive_mount_images</c> but does not define them (they lived in
/// falco_rules.yaml), so they stay literal strings and match no image.</item>
/// </list>
/// </para>
/// </remarks>
internal static class K8sAuditSampleExpectations
{
    /// <summary>Number of sample files; each appears in every table, with an empty map when nothing alerts.</summary>
    public const int SampleFileCount = 47;

    // One row per file. Every event of a file matches the same rules, so a rule's count is the file's event count.
    // First*: the rule that alerts under rule_matching: first (null: no alert).
    // Shadowed*: rules that also match, later in file order; they alert only under rule_matching: all.
    private static readonly Sample[] Samples =
    [
        // user=system:anonymous, auth.decision=allow, uri=/api/v1/namespaces (not /healthz, /livez, /readyz)
        // => Anonymous Request Allowed. Also true, but later: Create Disallowed Namespace (create namespaces, name foo is not in
        // allowed_namespaces) and K8s Namespace Created. "Disallowed K8s User" does not fire: the user starts with "system:".
        new("anonymous_creates_namespace_foo.json", 1,
            "Anonymous Request Allowed", ["Create Disallowed Namespace", "K8s Namespace Created"],
            "Anonymous Request Allowed", ["Create Disallowed Namespace", "K8s Namespace Created"]),

        // verb=create, resource=clusterrolebindings, requestObject.roleRef.name=cluster-admin => Attach to cluster-admin Role.
        // Shadowed: the generic "binding created" rule (renamed in current).
        new("attach_cluster_admin_role.json", 1,
            "Attach to cluster-admin Role", ["K8s Role/Clusterrolebinding Created"],
            "Attach to cluster-admin Role", ["K8s ClusterRoleBinding Created"]),

        // stage=ResponseStarted (kevt_started; every kevt rule is false), resource=pods, subresource=attach, verb=create
        // => Attach/Exec Pod (current also accepts verb=get). port-forward: subresource is not portforward.
        new("attach_pod.json", 1,
            "Attach/Exec Pod", [],
            "Attach/Exec Pod", []),

        // create clusterroles; ka.req.role.rules.resources = [pods/exec] => ClusterRole With Pod Exec Created.
        // Verbs are [get, get]: no "*", nothing writable, so the two earlier ClusterRole rules do not fire.
        new("create_cluster_role_pod_exec.json", 1,
            "ClusterRole With Pod Exec Created", ["K8s Role/Clusterrole Created"],
            "ClusterRole With Pod Exec Created", ["K8s ClusterRole Created"]),

        // create clusterroles; rules.resources contains "*" => ClusterRole With Wildcard Created (verbs get/list: not writable).
        new("create_cluster_role_wildcard_resources.json", 1,
            "ClusterRole With Wildcard Created", ["K8s Role/Clusterrole Created"],
            "ClusterRole With Wildcard Created", ["K8s ClusterRole Created"]),

        // create clusterroles; rules.verbs contains "*" => ClusterRole With Wildcard Created ("*" is not in writable_verbs).
        new("create_cluster_role_wildcard_verbs.json", 1,
            "ClusterRole With Wildcard Created", ["K8s Role/Clusterrole Created"],
            "ClusterRole With Wildcard Created", ["K8s ClusterRole Created"]),

        // create clusterroles; ka.req.role.rules.verbs flattens every rule: [get, delete]. "delete" comes from the second,
        // nonResourceURLs rule => writable_verbs => ClusterRole With Write Privileges Created.
        new("create_cluster_role_write_privileges.json", 1,
            "ClusterRole With Write Privileges Created", ["K8s Role/Clusterrole Created"],
            "ClusterRole With Write Privileges Created", ["K8s ClusterRole Created"]),

        // create clusterroles, verbs [get, list, get], resources [pods]: no wildcard, write or exec => only the generic
        // "created" rule (v0.4.0 "K8s Role/Clusterrole Created", current "K8s ClusterRole Created").
        new("create_clusterrole.json", 1,
            "K8s Role/Clusterrole Created", [],
            "K8s ClusterRole Created", []),

        // create clusterrolebindings, roleRef.name=system:basic-user (not cluster-admin) => generic "binding created" rule.
        new("create_clusterrolebinding.json", 1,
            "K8s Role/Clusterrolebinding Created", [],
            "K8s ClusterRoleBinding Created", []),

        // create configmaps; requestObject.data only has ui.properties (no credential keyword) => K8s ConfigMap Created.
        new("create_configmap.json", 1,
            "K8s ConfigMap Created", [],
            "K8s ConfigMap Created", []),

        // Same content as create_configmap.json => K8s ConfigMap Created, not the private-credentials rule.
        new("create_configmap_no_sensitive_values.json", 1,
            "K8s ConfigMap Created", [],
            "K8s ConfigMap Created", []),

        // 6 JSONL events. ka.req.configmap.obj (requestObject.data as JSON text) contains, in turn, aws_access_key_id,
        // aws-access-key-id, aws_s3_access_key_id, aws-s3-access-key-id, password, passphrase
        // => Create/Modify Configmap With Private Credentials x6. Shadowed: K8s ConfigMap Created x6.
        new("create_configmap_sensitive_values.json", 6,
            "Create/Modify Configmap With Private Credentials", ["K8s ConfigMap Created"],
            "Create/Modify Configmap With Private Credentials", ["K8s ConfigMap Created"]),

        // create deployments, code 201 => K8s Deployment Created.
        new("create_deployment.json", 1,
            "K8s Deployment Created", [],
            "K8s Deployment Created", []),

        // No alert. user=admin (allowed), create secrets, but namespace=kube-system, and K8s Secret Created requires
        // ka.target.namespace!=kube-system.
        new("create_kube_system_secret.json", 1,
            null, [],
            null, []),

        // create pods (no subresource) in default; spec.hostNetwork=true, so ka.req.pod.host_network is "true" (a single-valued
        // field: intersects acts as in); image repository nginx is not in the host-network image list => Create HostNetwork Pod.
        new("create_nginx_pod_hostnetwork.json", 1,
            "Create HostNetwork Pod", [],
            "Create HostNetwork Pod", []),

        // create pods; containers[0] has no securityContext (skipped), containers[1].securityContext.privileged=true, so
        // ka.req.pod.containers.privileged = [true] intersects (true); repositories [nginx, mysql] are not all trusted
        // => Create Privileged Pod.
        new("create_nginx_pod_no_secctx_1st_container_privileged_2nd_container.json", 1,
            "Create Privileged Pod", [],
            "Create Privileged Pod", []),

        // No alert. The candidate, Create HostNetwork Pod, needs ka.req.pod.host_network, and spec.hostNetwork is absent
        // (no value => the check is false). No privileged flag, no hostPath, namespace default.
        new("create_nginx_pod_nohostnetwork.json", 1,
            null, [],
            null, []),

        // create pods; containers[0].securityContext.privileged=true => Create Privileged Pod.
        new("create_nginx_pod_privileged.json", 1,
            "Create Privileged Pod", [],
            "Create Privileged Pod", []),

        // create pods; privileged = [false, true] intersects (true) => Create Privileged Pod.
        new("create_nginx_pod_privileged_2nd_container.json", 1,
            "Create Privileged Pod", [],
            "Create Privileged Pod", []),

        // create pods; ka.req.pod.volumes.hostpath = [/etc], which is in sensitive_vol_mount; nginx is not a trusted
        // sensitive-mount image => Create Sensitive Mount Pod.
        new("create_nginx_pod_sensitive_mount.json", 1,
            "Create Sensitive Mount Pod", [],
            "Create Sensitive Mount Pod", []),

        // Same with two containers (repositories [nginx, mysql]) => Create Sensitive Mount Pod.
        new("create_nginx_pod_sensitive_mount_2nd_container.json", 1,
            "Create Sensitive Mount Pod", [],
            "Create Sensitive Mount Pod", []),

        // No alert. create pods in default with one plain nginx container: not privileged, no hostPath, no host
        // network/pid/ipc. Create Disallowed Pod would fire but is disabled (allowed_k8s_containers is always true).
        new("create_nginx_pod_unprivileged.json", 1,
            null, [],
            null, []),

        // No alert. Despite the name, verb=get (by system:node:minikube) and there is no requestObject (the hostPath
        // /usr/local is only in responseObject, and is not sensitive anyway). Every pod rule needs verb=create.
        new("create_nginx_pod_unsensitive_mount.json", 1,
            null, [],
            null, []),

        // create services, requestObject.spec.type=NodePort => Create NodePort Service. Shadowed: K8s Service Created.
        // (The file ends with a blank line: still one event.)
        new("create_nginx_service_nodeport.json", 1,
            "Create NodePort Service", ["K8s Service Created"],
            "Create NodePort Service", ["K8s Service Created"]),

        // create services, type=ClusterIP (not NodePort) => K8s Service Created.
        new("create_nginx_service_nonodeport.json", 1,
            "K8s Service Created", [],
            "K8s Service Created", []),

        // create pods, namespace=kube-public; nginx is not in allowed_kube_namespace_image_list, and
        // user_allowed_kube_namespace_image_list expands (through user_trusted_image_list) to an empty list, so
        // "in ()" is false => Pod Created in Kube Namespace.
        new("create_pod_kube_public_namespace.json", 1,
            "Pod Created in Kube Namespace", [],
            "Pod Created in Kube Namespace", []),

        // Same with namespace=kube-system => Pod Created in Kube Namespace.
        new("create_pod_kube_system_namespace.json", 1,
            "Pod Created in Kube Namespace", [],
            "Pod Created in Kube Namespace", []),

        // user=minikube-user, create secrets in default, code 201 => K8s Secret Created.
        new("create_secret.json", 1,
            "K8s Secret Created", [],
            "K8s Secret Created", []),

        // create services, type=ClusterIP => K8s Service Created.
        new("create_service.json", 1,
            "K8s Service Created", [],
            "K8s Service Created", []),

        // No alert. create secrets in test2 by system:kube-controller-manager: non_system_user is false, which excludes
        // K8s Secret Created (and Disallowed K8s User).
        new("create_service_account_token_secret.json", 1,
            null, [],
            null, []),

        // create serviceaccounts in default (not a kube namespace) => K8s Serviceaccount Created.
        new("create_serviceaccount.json", 1,
            "K8s Serviceaccount Created", [],
            "K8s Serviceaccount Created", []),

        // create serviceaccounts, namespace=kube-public, name myacct is not in known_sa_list, code 201
        // => Service Account Created in Kube Namespace. Shadowed: K8s Serviceaccount Created.
        new("create_serviceaccount_kube_public_namespace.json", 1,
            "Service Account Created in Kube Namespace", ["K8s Serviceaccount Created"],
            "Service Account Created in Kube Namespace", ["K8s Serviceaccount Created"]),

        // Same with namespace=kube-system.
        new("create_serviceaccount_kube_system_namespace.json", 1,
            "Service Account Created in Kube Namespace", ["K8s Serviceaccount Created"],
            "Service Account Created in Kube Namespace", ["K8s Serviceaccount Created"]),

        // delete clusterroles, name system:kube-aggregator (starts with "system:", not in the coredns /
        // managed-certificate-controller exceptions) => System ClusterRole Modified/Deleted. Shadowed: generic "deleted" rule.
        new("delete_cluster_role_kube_aggregator.json", 1,
            "System ClusterRole Modified/Deleted", ["K8s Role/Clusterrole Deleted"],
            "System ClusterRole Modified/Deleted", ["K8s ClusterRole Deleted"]),

        // delete clusterroles, name some-reader (not system:) => generic "deleted" rule.
        new("delete_clusterrole.json", 1,
            "K8s Role/Clusterrole Deleted", [],
            "K8s ClusterRole Deleted", []),

        // delete clusterrolebindings => generic "binding deleted" rule.
        new("delete_clusterrolebinding.json", 1,
            "K8s Role/Clusterrolebinding Deleted", [],
            "K8s ClusterRoleBinding Deleted", []),

        // delete configmaps, code 200 => K8s ConfigMap Deleted.
        new("delete_configmap.json", 1,
            "K8s ConfigMap Deleted", [],
            "K8s ConfigMap Deleted", []),

        // delete deployments => K8s Deployment Deleted.
        new("delete_deployment.json", 1,
            "K8s Deployment Deleted", [],
            "K8s Deployment Deleted", []),

        // delete namespaces (name foo) by minikube-user (non_system_user is true) => K8s Namespace Deleted.
        new("delete_namespace_foo.json", 1,
            "K8s Namespace Deleted", [],
            "K8s Namespace Deleted", []),

        // delete secrets in default by minikube-user => K8s Secret Deleted.
        new("delete_secret.json", 1,
            "K8s Secret Deleted", [],
            "K8s Secret Deleted", []),

        // delete services => K8s Service Deleted.
        new("delete_service.json", 1,
            "K8s Service Deleted", [],
            "K8s Service Deleted", []),

        // delete serviceaccounts => K8s Serviceaccount Deleted. (The file ends with a blank line: still one event.)
        new("delete_serviceaccount.json", 1,
            "K8s Serviceaccount Deleted", [],
            "K8s Serviceaccount Deleted", []),

        // stage=ResponseStarted, resource=pods, subresource=exec, verb=create => Attach/Exec Pod.
        new("exec_pod.json", 1,
            "Attach/Exec Pod", [],
            "Attach/Exec Pod", []),

        // No alert, no event. {"kind":0}: kind is not a string, so the plugin logs "data not recognized as a k8s audit
        // event" and skips the line (current plugin: not fatal; Falco 0.32 with plugin 0.2.0 exited with status 1).
        new("fal_01_003.json", 0,
            null, [],
            null, []),

        // user=minikube-user (allowed), create namespaces, name foo is not in allowed_namespaces
        // => Create Disallowed Namespace. Shadowed: K8s Namespace Created.
        new("minikube_creates_namespace_foo.json", 1,
            "Create Disallowed Namespace", ["K8s Namespace Created"],
            "Create Disallowed Namespace", ["K8s Namespace Created"]),

        // verb=patch (kmodify) on clusterroles, name system:node-problem-detector => System ClusterRole Modified/Deleted.
        // The ClusterRole-with-… rules need verb=create.
        new("modify_cluster_role_node_problem_detector.json", 1,
            "System ClusterRole Modified/Deleted", [],
            "System ClusterRole Modified/Deleted", []),

        // user=some-user: not "system:…", not in allowed_k8s_users nor eks_allowed_k8s_users => Disallowed K8s User, the
        // first rule of both files. Shadowed: Create Disallowed Namespace (foo), K8s Namespace Created.
        new("some-user_creates_namespace_foo.json", 1,
            "Disallowed K8s User", ["Create Disallowed Namespace", "K8s Namespace Created"],
            "Disallowed K8s User", ["Create Disallowed Namespace", "K8s Namespace Created"]),
    ];

    /// <summary>v0.4.0 rules, <c>rule_matching: first</c>: file name → (rule name → alert count).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> V040 =
        Build(s => s.FirstV040 is null ? [] : [s.FirstV040]);

    /// <summary>Current rules, <c>rule_matching: first</c>: file name → (rule name → alert count).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Current =
        Build(s => s.FirstCurrent is null ? [] : [s.FirstCurrent]);

    /// <summary>v0.4.0 rules, <c>rule_matching: all</c>: file name → (rule name → alert count).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> V040AllMatches =
        Build(s => s.FirstV040 is null ? [] : [s.FirstV040, .. s.ShadowedV040]);

    /// <summary>Current rules, <c>rule_matching: all</c>: file name → (rule name → alert count).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> CurrentAllMatches =
        Build(s => s.FirstCurrent is null ? [] : [s.FirstCurrent, .. s.ShadowedCurrent]);

    /// <summary>Number of audit events the plugin produces from each sample file.</summary>
    public static readonly IReadOnlyDictionary<string, int> EventCounts =
        Samples.ToDictionary(s => s.File, s => s.Events, StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Build(Func<Sample, string[]> rules)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var sample in Samples)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var rule in rules(sample))
            {
                counts.Add(rule, sample.Events);
            }

            result.Add(sample.File, counts);
        }

        return result;
    }

    private sealed record Sample(
        string File,
        int Events,
        string? FirstV040,
        string[] ShadowedV040,
        string? FirstCurrent,
        string[] ShadowedCurrent);
}
