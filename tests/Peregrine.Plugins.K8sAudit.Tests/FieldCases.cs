namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>
/// One expected extraction: a field (with its argument) read from an event, either an upstream
/// sample file ("sample:name.json") or a hand-written event, and the values it must give.
/// </summary>
public static class FieldCases
{
    private const string Binding = "sample:create_clusterrolebinding.json";
    private const string Exec = "sample:exec_pod.json";
    private const string PrivilegedPod = "sample:create_nginx_pod_privileged.json";
    private const string SecondPrivileged = "sample:create_nginx_pod_no_secctx_1st_container_privileged_2nd_container.json";
    private const string SensitiveMount = "sample:create_nginx_pod_sensitive_mount_2nd_container.json";
    private const string NodePort = "sample:create_nginx_service_nodeport.json";
    private const string ConfigMap = "sample:create_configmap.json";
    private const string WildcardVerbs = "sample:create_cluster_role_wildcard_verbs.json";
    private const string HostNetwork = "sample:create_nginx_pod_hostnetwork.json";
    private const string Secret = "sample:create_secret.json";

    /// <summary>A pod with every per-container setting, over the three container lists.</summary>
    public const string Pod = """
        "objectRef":{"resource":"pods","namespace":"default"},
        "requestObject":{"kind":"Pod","spec":{
          "runAsUser":7,
          "securityContext":{"runAsUser":1000,"runAsGroup":2000,"fsGroup":3000,"supplementalGroups":[4,5]},
          "hostIPC":true,"hostPID":false,"hostNetwork":true,
          "containers":[
            {"name":"app","image":"registry.example.com:5000/team/app:1.2@sha256:abc","command":["/bin/sh","-c"],"args":["echo","hi"],
             "ports":[{"containerPort":8080,"hostPort":80},{"containerPort":9090}],
             "securityContext":{"privileged":true,"allowPrivilegeEscalation":false,"readOnlyRootFilesystem":true,"runAsUser":0,"runAsGroup":10,
               "procMount":"Unmasked","capabilities":{"add":["NET_ADMIN","SYS_TIME"]}},
             "runAsUser":42},
            {"name":"sidecar","image":"busybox@sha256:def","securityContext":{"privileged":false}}],
          "initContainers":[{"name":"init","image":"alpine:3","command":["true"],"ports":[{"hostPort":53}],"securityContext":{"privileged":true,"runAsUser":5}}],
          "ephemeralContainers":[{"name":"debug","image":"debian","args":[],"securityContext":{"capabilities":{"add":["SYS_PTRACE"]}}}],
          "volumes":[{"name":"etc","hostPath":{"path":"/etc","type":""}},{"name":"cfg","configMap":{"name":"c"}},{"name":"flex","flexVolume":{"driver":"example/flex"}}]
        }}
        """;

    public const string Annotated = """
        "annotations":{
          "authentication.openshift.io/decision":"allow",
          "authentication.openshift.io/username":"kube:admin",
          "validation.policy.admission.k8s.io/validation_failure":"[{\"message\":\"replicas too high\"}]",
          "pod-security.kubernetes.io/audit-violations":"would violate PodSecurity \"restricted:latest\"",
          "cluster_name":"prod-eu"},
        "impersonatedUser":{"username":"system:serviceaccount:ns:robot"},
        "responseStatus":{"code":403,"reason":"Forbidden"}
        """;

    public const string Subjects = """
        "requestObject":{"kind":"RoleBinding","subjects":[
          {"kind":"User","name":"alice"},
          {"kind":"ServiceAccount","name":"robot","namespace":"ci"},
          {"kind":"ServiceAccount","name":"stray"},
          {"kind":"Group","name":"devs"},
          {"kind":"User"},
          "not an object"]}
        """;

    public static TheoryData<string, string, string[]> All { get; } = new()
    {
        { Binding, "ka.auditid", ["e040d0ab-473c-442c-9707-88553173e962"] },
        { Binding, "ka.stage", ["ResponseComplete"] },
        { Binding, "ka.auth.decision", ["allow"] },
        { Binding, "ka.auth.reason", [""] },
        { Annotated, "ka.auth.openshift.decision", ["allow"] },
        { Annotated, "ka.validations.admission.policy.failure", ["""[{"message":"replicas too high"}]"""] },
        { Annotated, "ka.security.pod.violations", ["would violate PodSecurity \"restricted:latest\""] },
        { Annotated, "ka.auth.openshift.username", ["kube:admin"] },
        { Binding, "ka.user.name", ["minikube-user"] },
        { Binding, "ka.user.groups", ["system:masters", "system:authenticated"] },
        { Annotated, "ka.impuser.name", ["system:serviceaccount:ns:robot"] },
        { Binding, "ka.impuser.name", [] },
        { Binding, "ka.verb", ["create"] },
        { Binding, "ka.uri", ["/apis/rbac.authorization.k8s.io/v1/clusterrolebindings"] },
        { Exec, "ka.uri.param[command]", ["bash"] },
        { Exec, "ka.uri.param[container]", ["nginx1"] },
        { Exec, "ka.uri.param[missing]", [] },
        { Binding, "ka.target.name", ["some-reader-binding"] },
        { Binding, "ka.target.namespace", [] },
        { Exec, "ka.target.namespace", ["default"] },
        { Binding, "ka.target.resource", ["clusterrolebindings"] },
        { Exec, "ka.target.subresource", ["exec"] },
        { Binding, "ka.target.subresource", [] },
        { PrivilegedPod, "ka.target.pod.name", ["nginx-deployment-5cdcc99dbf-rgw6z"] },
        { Exec, "ka.target.pod.name", [] },
        { Binding, "ka.req.binding.subjects", ["""{"apiGroup":"rbac.authorization.k8s.io","kind":"User","name":"minikube"}"""] },
        { Binding, "ka.req.binding.subjects.user_names", ["minikube"] },
        { Subjects, "ka.req.binding.subjects.user_names", ["alice"] },
        { Subjects, "ka.req.binding.subjects.serviceaccount_names", ["robot", "stray"] },
        { Binding, "ka.req.binding.subjects.serviceaccount_names", [] },
        { Subjects, "ka.req.binding.subjects.serviceaccount_ns_names", ["ci:robot"] },
        { Subjects, "ka.req.binding.subjects.group_names", ["devs"] },
        { Binding, "ka.req.binding.role", ["system:basic-user"] },
        { Binding, "ka.req.binding.subject.has_name[minikube]", ["true"] },
        { Binding, "ka.req.binding.subject.has_name[nobody]", ["true"] },
        { ConfigMap, "ka.req.configmap.name", ["my-config"] },
        { ConfigMap, "ka.req.configmap.obj", ["{\"ui.properties\":\"color.good=purple\\ncolor.bad=yellow\\nallow.textmode=true\\n\"}"] },
        { Pod, "ka.req.pod.containers.args", ["echo hi"] },
        { Pod, "ka.req.pod.containers.command", ["/bin/sh -c"] },
        { Pod, "ka.req.pod.containers.command[1]", [] },
        { Pod, "ka.req.pod.containers.name", ["app", "sidecar"] },
        { Pod, "ka.req.pod.containers.image", ["registry.example.com:5000/team/app:1.2@sha256:abc", "busybox@sha256:def"] },
        { Pod, "ka.req.pod.containers.image[1]", ["busybox@sha256:def"] },
        { Pod, "ka.req.pod.containers.image[2]", [] },
        { PrivilegedPod, "ka.req.pod.containers.image", ["nginx"] },
        { Pod, "ka.req.container.image", ["registry.example.com:5000/team/app:1.2@sha256:abc"] },
        { SensitiveMount, "ka.req.container.image", ["nginx"] },
        { Binding, "ka.req.container.image", [] },
        { Pod, "ka.req.pod.containers.image.repository", ["registry.example.com", "busybox"] },
        { SensitiveMount, "ka.req.pod.containers.image.repository", ["nginx", "mysql"] },
        { Pod, "ka.req.container.image.repository", ["registry.example.com"] },
        { Pod, "ka.req.pod.host_ipc", ["true"] },
        { HostNetwork, "ka.req.pod.host_network", ["true"] },
        { PrivilegedPod, "ka.req.pod.host_network", [] },
        { HostNetwork, "ka.req.container.host_network", ["true"] },
        { Pod, "ka.req.pod.host_pid", ["false"] },
        { Pod, "ka.req.pod.containers.host_port", ["80", "9090"] },
        { PrivilegedPod, "ka.req.pod.containers.privileged", ["true"] },
        { SecondPrivileged, "ka.req.pod.containers.privileged", ["true"] },
        { SecondPrivileged, "ka.req.pod.containers.privileged[0]", [] },
        { SecondPrivileged, "ka.req.pod.containers.privileged[1]", ["true"] },
        { Pod, "ka.req.pod.containers.privileged", ["true", "false"] },
        { SecondPrivileged, "ka.req.container.privileged", ["true"] },
        { SensitiveMount, "ka.req.container.privileged", ["false"] },
        { Binding, "ka.req.container.privileged", [] },
        { Pod, "ka.req.pod.containers.allow_privilege_escalation", ["false"] },
        { Pod, "ka.req.pod.containers.read_only_fs", ["true"] },
        { Pod, "ka.req.pod.run_as_user", ["1000"] },
        { Pod, "ka.req.pod.containers.run_as_user", ["0"] },
        { Pod, "ka.req.pod.containers.eff_run_as_user", ["42", "7"] },
        { PrivilegedPod, "ka.req.pod.containers.eff_run_as_user", ["0"] },
        { Pod, "ka.req.pod.run_as_group", ["2000"] },
        { Pod, "ka.req.pod.containers.run_as_group", ["10"] },
        { Pod, "ka.req.pod.containers.eff_run_as_group", ["0", "0"] },
        { Pod, "ka.req.pod.containers.proc_mount", ["Unmasked"] },
        { WildcardVerbs, "ka.req.role.rules", [
            """{"apiGroups":[""],"resources":["pods"],"verbs":["*"]}""",
            """{"nonResourceURLs":["/api","/api/*","/apis","/apis/*","/healthz","/openapi","/openapi/*","/swagger-2.0.0.pb-v1","/swagger.json","/swaggerapi","/swaggerapi/*","/version","/version/"],"verbs":["get"]}"""] },
        { WildcardVerbs, "ka.req.role.rules.apiGroups", [""] },
        { WildcardVerbs, "ka.req.role.rules.nonResourceURLs", ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/openapi", "/openapi/*", "/swagger-2.0.0.pb-v1", "/swagger.json", "/swaggerapi", "/swaggerapi/*", "/version", "/version/"] },
        { WildcardVerbs, "ka.req.role.rules.verbs", ["*", "get"] },
        { WildcardVerbs, "ka.req.role.rules.verbs[1]", ["get"] },
        { WildcardVerbs, "ka.req.role.rules.resources", ["pods"] },
        { Pod, "ka.req.pod.fs_group", ["3000"] },
        { Pod, "ka.req.pod.supplemental_groups", ["4", "5"] },
        { Pod, "ka.req.pod.containers.add_capabilities", ["""["NET_ADMIN","SYS_TIME"]"""] },
        { NodePort, "ka.req.service.type", ["NodePort"] },
        { NodePort, "ka.req.service.ports", ["""[{"nodePort":30080,"port":80,"protocol":"TCP","targetPort":80}]"""] },
        { SensitiveMount, "ka.req.pod.volumes.hostpath", ["/etc"] },
        { Pod, "ka.req.pod.volumes.hostpath", ["/etc"] },
        { Pod, "ka.req.pod.volumes.hostpath[1]", [] },
        { SensitiveMount, "ka.req.volume.hostpath[/etc]", ["true"] },
        { SensitiveMount, "ka.req.volume.hostpath[/e*]", ["true"] },
        { SensitiveMount, "ka.req.volume.hostpath[/var]", ["false"] },
        { PrivilegedPod, "ka.req.volume.hostpath[/etc]", [] },
        { Pod, "ka.req.pod.volumes.flexvolume_driver", ["example/flex"] },
        { Pod, "ka.req.pod.volumes.volume_type", ["hostPath", "configMap", "flexVolume"] },
        { Pod, "ka.req.pod.volumes.volume_type[2]", ["flexVolume"] },
        { PrivilegedPod, "ka.resp.name", ["nginx-deployment-5cdcc99dbf-rgw6z"] },
        { Binding, "ka.response.code", ["201"] },
        { Annotated, "ka.response.reason", ["Forbidden"] },
        { Binding, "ka.response.reason", [] },
        { Secret, "ka.useragent", ["kubectl/v1.17.3 (darwin/amd64) kubernetes/06ad960"] },
        { Binding, "ka.sourceips", [] },
        { """ "requestObject":{"rules":[{"sourceIPs":["10.0.0.1"]}]} """, "ka.sourceips", ["10.0.0.1"] },
        { Annotated, "ka.cluster.name", ["prod-eu"] },
        { Binding, "ka.cluster.name", [] },
        { Pod, "ka.req.pod.initContainers.name", ["init"] },
        { Pod, "ka.req.pod.initContainers.image", ["alpine:3"] },
        { Pod, "ka.req.pod.initContainers.image.repository", ["alpine"] },
        { Pod, "ka.req.pod.initContainers.command", ["true"] },
        { Pod, "ka.req.pod.initContainers.args", [] },
        { Pod, "ka.req.pod.initContainers.privileged", ["true"] },
        { Pod, "ka.req.pod.initContainers.allow_privilege_escalation", [] },
        { Pod, "ka.req.pod.initContainers.read_only_fs", [] },
        { Pod, "ka.req.pod.initContainers.run_as_user", ["5"] },
        { Pod, "ka.req.pod.initContainers.eff_run_as_user", ["7"] },
        { Pod, "ka.req.pod.initContainers.run_as_group", [] },
        { Pod, "ka.req.pod.initContainers.eff_run_as_group", ["0"] },
        { Pod, "ka.req.pod.initContainers.proc_mount", [] },
        { Pod, "ka.req.pod.initContainers.add_capabilities", [] },
        { Pod, "ka.req.pod.initContainers.host_port", ["53"] },
        { Pod, "ka.req.pod.ephemeralContainers.name", ["debug"] },
        { Pod, "ka.req.pod.ephemeralContainers.image", ["debian"] },
        { Pod, "ka.req.pod.ephemeralContainers.image.repository", ["debian"] },
        { Pod, "ka.req.pod.ephemeralContainers.command", [] },
        { Pod, "ka.req.pod.ephemeralContainers.args", [""] },
        { Pod, "ka.req.pod.ephemeralContainers.privileged", [] },
        { Pod, "ka.req.pod.ephemeralContainers.allow_privilege_escalation", [] },
        { Pod, "ka.req.pod.ephemeralContainers.read_only_fs", [] },
        { Pod, "ka.req.pod.ephemeralContainers.run_as_user", [] },
        { Pod, "ka.req.pod.ephemeralContainers.eff_run_as_user", ["7"] },
        { Pod, "ka.req.pod.ephemeralContainers.run_as_group", [] },
        { Pod, "ka.req.pod.ephemeralContainers.eff_run_as_group", ["0"] },
        { Pod, "ka.req.pod.ephemeralContainers.proc_mount", [] },
        { Pod, "ka.req.pod.ephemeralContainers.add_capabilities", ["""["SYS_PTRACE"]"""] },
    };
}
