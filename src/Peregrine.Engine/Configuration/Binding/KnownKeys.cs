using static Peregrine.Engine.Configuration.ConfigKeySupport;

namespace Peregrine.Engine.Configuration.Binding;

/// <summary>
/// Every key of Falco 0.44's <c>falco.yaml</c> and configuration schema, classified for
/// Peregrine, plus the keys older Falco versions had and Peregrine's own <c>plugins_dir</c>.
/// The key checker reports anything not listed here as unknown.
/// </summary>
internal static class KnownKeys
{
    public static KeySpec Root { get; } = Map(Supported,
        // Configuration files
        ("config_files", List(Supported, Map(Supported, ("path", Leaf(Supported, ValueKind.String)), ("strategy", Leaf(Supported, ValueKind.String))))),
        ("watch_config_files", Leaf(Supported, ValueKind.Bool)),
        // Rules
        ("rules_files", List(Supported, Leaf(Supported, ValueKind.String))),
        ("rules_file", List(Supported, Leaf(Supported, ValueKind.String))),
        ("rules", List(Supported, Map(Supported,
            ("enable", Map(Supported, ("rule", Leaf(Supported, ValueKind.String)), ("tag", Leaf(Supported, ValueKind.String)))),
            ("disable", Map(Supported, ("rule", Leaf(Supported, ValueKind.String)), ("tag", Leaf(Supported, ValueKind.String))))))),
        // Engine (drivers)
        ("engine", Map(NotApplicable,
            ("kind", Leaf(NotApplicable, ValueKind.String, "kmod", "modern_ebpf", "replay", "nodriver")),
            ("kmod", Map(NotApplicable, ("buf_size_preset", Leaf(NotApplicable, ValueKind.Integer)), ("drop_failed_exit", Leaf(NotApplicable, ValueKind.Bool)))),
            ("modern_ebpf", Map(NotApplicable,
                ("cpus_for_each_buffer", Leaf(NotApplicable, ValueKind.Integer)),
                ("buf_size_preset", Leaf(NotApplicable, ValueKind.Integer)),
                ("drop_failed_exit", Leaf(NotApplicable, ValueKind.Bool)),
                ("disable_iterators", Leaf(NotApplicable, ValueKind.Bool)))),
            ("replay", Map(NotApplicable, ("capture_file", Leaf(NotApplicable, ValueKind.String)))))),
        ("capture", Map(NotApplicable,
            ("enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("path_prefix", Leaf(NotApplicable, ValueKind.String)),
            ("mode", Leaf(NotApplicable, ValueKind.String, "rules", "all_rules")),
            ("default_duration", Leaf(NotApplicable, ValueKind.Integer)),
            ("max_file_size_mb", Leaf(NotApplicable, ValueKind.Integer)))),
        // Plugins
        ("load_plugins", List(Supported, Leaf(Supported, ValueKind.String))),
        ("plugins", List(Supported, Map(Supported,
            ("name", Leaf(Supported, ValueKind.String)),
            ("library_path", Leaf(Supported, ValueKind.String)),
            ("init_config", Free(Supported)),
            ("open_params", Leaf(Supported, ValueKind.String))))),
        ("plugins_hostinfo", Leaf(Supported, ValueKind.Bool)),
        ("plugins_dir", Leaf(Extension, ValueKind.String)),
        // Outputs settings
        ("time_format_iso_8601", Leaf(Supported, ValueKind.Bool)),
        ("buffer_format_base64", Leaf(Supported, ValueKind.Bool)),
        ("priority", Leaf(Supported, ValueKind.String)),
        ("json_output", Leaf(Supported, ValueKind.Bool)),
        ("json_include_output_property", Leaf(Supported, ValueKind.Bool)),
        ("json_include_message_property", Leaf(Supported, ValueKind.Bool)),
        ("json_include_output_fields_property", Leaf(Supported, ValueKind.Bool)),
        ("json_include_tags_property", Leaf(Supported, ValueKind.Bool)),
        ("buffered_outputs", Leaf(Supported, ValueKind.Bool)),
        ("rule_matching", Leaf(Supported, ValueKind.String)),
        ("outputs_queue", Map(Supported, ("capacity", Leaf(Supported, ValueKind.Integer)))),
        ("append_output", List(Supported, Map(Supported,
            ("match", Map(Supported,
                ("source", Leaf(Supported, ValueKind.String)),
                ("tags", List(Supported, Leaf(Supported, ValueKind.String))),
                ("rule", Leaf(Supported, ValueKind.String)))),
            ("extra_output", Leaf(Supported, ValueKind.String)),
            ("extra_fields", Free(Supported)),
            ("suggested_output", Leaf(Supported, ValueKind.Bool))))),
        ("static_fields", Free(Supported)),
        // Output channels
        ("stdout_output", Map(Supported, ("enabled", Leaf(Supported, ValueKind.Bool)))),
        ("syslog_output", Map(Supported, ("enabled", Leaf(Supported, ValueKind.Bool)))),
        ("file_output", Map(Supported,
            ("enabled", Leaf(Supported, ValueKind.Bool)),
            ("keep_alive", Leaf(Supported, ValueKind.Bool)),
            ("filename", Leaf(Supported, ValueKind.String)))),
        ("http_output", Map(Supported,
            ("enabled", Leaf(Supported, ValueKind.Bool)),
            ("url", Leaf(Supported, ValueKind.String)),
            ("user_agent", Leaf(Supported, ValueKind.String)),
            ("insecure", Leaf(Supported, ValueKind.Bool)),
            ("ca_cert", Leaf(Supported, ValueKind.String)),
            ("ca_bundle", Leaf(Supported, ValueKind.String)),
            ("ca_path", Leaf(Supported, ValueKind.String)),
            ("mtls", Leaf(Supported, ValueKind.Bool)),
            ("client_cert", Leaf(Supported, ValueKind.String)),
            ("client_key", Leaf(Supported, ValueKind.String)),
            ("echo", Leaf(Supported, ValueKind.Bool)),
            ("compress_uploads", Leaf(Supported, ValueKind.Bool)),
            ("keep_alive", Leaf(Supported, ValueKind.Bool)),
            ("max_consecutive_timeouts", Leaf(Supported, ValueKind.Integer)))),
        ("program_output", Map(Supported,
            ("enabled", Leaf(Supported, ValueKind.Bool)),
            ("keep_alive", Leaf(Supported, ValueKind.Bool)),
            ("program", Leaf(Supported, ValueKind.String)))),
        // Exposed services
        ("webserver", Map(NotApplicable,
            ("enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("threadiness", Leaf(NotApplicable, ValueKind.Integer)),
            ("listen_port", Leaf(NotApplicable, ValueKind.Integer)),
            ("listen_address", Leaf(NotApplicable, ValueKind.String)),
            ("k8s_healthz_endpoint", Leaf(NotApplicable, ValueKind.String)),
            ("prometheus_metrics_enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("ssl_enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("ssl_certificate", Leaf(NotApplicable, ValueKind.String)))),
        // Logging
        ("log_stderr", Leaf(Supported, ValueKind.Bool)),
        ("log_syslog", Leaf(Supported, ValueKind.Bool)),
        ("log_level", Leaf(Supported, ValueKind.String)),
        ("libs_logger", Map(Supported, ("enabled", Leaf(Supported, ValueKind.Bool)), ("severity", Leaf(Supported, ValueKind.String)))),
        ("output_timeout", Leaf(Supported, ValueKind.Integer)),
        ("syscall_event_timeouts", Map(NotApplicable, ("max_consecutives", Leaf(NotApplicable, ValueKind.Integer)))),
        ("syscall_event_drops", Map(NotApplicable,
            ("threshold", Leaf(NotApplicable, ValueKind.Number)),
            ("actions", List(NotApplicable, Leaf(NotApplicable, ValueKind.String, "ignore", "log", "alert", "exit"))),
            ("rate", Leaf(NotApplicable, ValueKind.Number)),
            ("max_burst", Leaf(NotApplicable, ValueKind.Integer)),
            ("simulate_drops", Leaf(NotApplicable, ValueKind.Bool)))),
        ("metrics", Map(NotApplicable,
            ("enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("interval", Leaf(NotApplicable, ValueKind.String)),
            ("output_rule", Leaf(NotApplicable, ValueKind.Bool)),
            ("output_file", Leaf(NotApplicable, ValueKind.String)),
            ("rules_counters_enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("resource_utilization_enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("state_counters_enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("kernel_event_counters_enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("kernel_event_counters_per_cpu_enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("libbpf_stats_enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("plugins_metrics_enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("kernel_iter_event_counters_enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("jemalloc_stats_enabled", Leaf(NotApplicable, ValueKind.Bool)),
            ("convert_memory_to_mb", Leaf(NotApplicable, ValueKind.Bool)),
            ("include_empty_values", Leaf(NotApplicable, ValueKind.Bool)))),
        ("base_syscalls", Map(NotApplicable,
            ("all", Leaf(NotApplicable, ValueKind.Bool)),
            ("custom_set", List(NotApplicable, Leaf(NotApplicable, ValueKind.String))),
            ("repair", Leaf(NotApplicable, ValueKind.Bool)))),
        ("falco_libs", Map(NotApplicable,
            ("thread_table_size", Leaf(NotApplicable, ValueKind.Integer)),
            ("thread_table_auto_purging_interval_s", Leaf(NotApplicable, ValueKind.Integer)),
            ("thread_table_auto_purging_thread_timeout_s", Leaf(NotApplicable, ValueKind.Integer)),
            ("snaplen", Leaf(NotApplicable, ValueKind.Integer)))),
        ("container_engines", Map(NotApplicable,
            ("docker", Map(NotApplicable, ("enabled", Leaf(NotApplicable, ValueKind.Bool)))),
            ("cri", Map(NotApplicable,
                ("enabled", Leaf(NotApplicable, ValueKind.Bool)),
                ("sockets", List(NotApplicable, Leaf(NotApplicable, ValueKind.String))),
                ("disable_async", Leaf(NotApplicable, ValueKind.Bool)))),
            ("podman", Map(NotApplicable, ("enabled", Leaf(NotApplicable, ValueKind.Bool)))),
            ("lxc", Map(NotApplicable, ("enabled", Leaf(NotApplicable, ValueKind.Bool)))),
            ("libvirt_lxc", Map(NotApplicable, ("enabled", Leaf(NotApplicable, ValueKind.Bool)))),
            ("bpm", Map(NotApplicable, ("enabled", Leaf(NotApplicable, ValueKind.Bool)))))),
        // Keys of older Falco versions
        ("grpc", Removed("the gRPC server was removed in Falco 0.44")),
        ("grpc_output", Removed("the gRPC output was removed in Falco 0.44; use http_output or program_output")),
        ("outputs", Removed("the outputs rate limiter (outputs.rate, outputs.max_burst) was removed in Falco 0.37; see outputs_queue")),
        ("syscall_buf_size_preset", Removed("replaced by engine.<kind>.buf_size_preset in Falco 0.38")),
        ("syscall_drop_failed_exit", Removed("replaced by engine.<kind>.drop_failed_exit in Falco 0.38")),
        ("modern_bpf", Removed("replaced by engine.modern_ebpf in Falco 0.38")),
        ("metadata_download", Removed("removed in Falco 0.37")));

    /// <summary>The catalog entry of a dotted path (<c>http_output.url</c>, <c>plugins.name</c>), or null.</summary>
    public static KeySpec? Find(string path)
    {
        var spec = Root;
        foreach (var part in path.Split('.'))
        {
            while (spec.Kind == ValueKind.List && spec.Items is not null) spec = spec.Items;
            if (spec.Kind != ValueKind.Map || !spec.Properties.TryGetValue(part, out var child)) return null;
            spec = child;
        }
        return spec;
    }

    private static KeySpec Map(ConfigKeySupport support, params (string Name, KeySpec Spec)[] properties) =>
        new(support, ValueKind.Map) { Properties = properties.ToDictionary(p => p.Name, p => p.Spec, StringComparer.Ordinal) };

    private static KeySpec List(ConfigKeySupport support, KeySpec items) => new(support, ValueKind.List) { Items = items };

    private static KeySpec Leaf(ConfigKeySupport support, ValueKind kind, params string[] values) =>
        new(support, kind) { Values = values.Length > 0 ? values : null };

    private static KeySpec Free(ConfigKeySupport support) => new(support, ValueKind.Any);

    private static KeySpec Removed(string note) => new(ConfigKeySupport.Removed, ValueKind.Any) { Note = note };
}
