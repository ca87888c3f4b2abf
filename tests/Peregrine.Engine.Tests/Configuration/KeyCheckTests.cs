using Peregrine.Engine.Configuration;

namespace Peregrine.Engine.Tests.Configuration;

/// <summary>Unknown, removed, duplicate keys and ignored keys with bad values: warnings at the key, never errors.</summary>
public sealed class KeyCheckTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "json_ouput: true\n", "falco.yaml:1:1: json_ouput: unknown configuration key (did you mean 'json_output'?)" },
        { "rule_files: [a.yaml]\n", "falco.yaml:1:1: rule_files: unknown configuration key (did you mean 'rules_files'?)" },
        { "completely_new: 1\n", "falco.yaml:1:1: completely_new: unknown configuration key" },
        { "file_output:\n  keepalive: true\n", "falco.yaml:2:3: file_output.keepalive: unknown configuration key (did you mean 'keep_alive'?)" },
        { "plugins:\n  - name: a\n    library_path: /a.so\n    init_conf: {}\n", "falco.yaml:4:5: plugins[0].init_conf: unknown configuration key (did you mean 'init_config'?)" },
        { "rules:\n  - enable: {rule: a, tags: b}\n", "falco.yaml:2:23: rules[0].enable.tags: unknown configuration key (did you mean 'tag'?)" },
        { "append_output:\n  - match: {sources: syscall}\n", "falco.yaml:2:13: append_output[0].match.sources: unknown configuration key (did you mean 'source'?)" },
        { "config_files:\n  - path: x.yaml\n    stratgy: override\n", "falco.yaml:3:5: config_files[0].stratgy: unknown configuration key (did you mean 'strategy'?)" },
        { "webserver:\n  listen_prot: 80\n", "falco.yaml:2:3: webserver.listen_prot: unknown configuration key (did you mean 'listen_port'?)" },
        { "engine:\n  kmod:\n    buf_size: 4\n", "falco.yaml:3:5: engine.kmod.buf_size: unknown configuration key" },
        { "grpc:\n  enabled: false\n", "falco.yaml:1:1: grpc: Falco 0.44 no longer has this key and ignores it: the gRPC server was removed in Falco 0.44" },
        { "grpc_output:\n  enabled: false\n", "falco.yaml:1:1: grpc_output: Falco 0.44 no longer has this key and ignores it: the gRPC output was removed in Falco 0.44; use http_output or program_output" },
        { "outputs:\n  rate: 1\n  max_burst: 1000\n", "falco.yaml:1:1: outputs: Falco 0.44 no longer has this key and ignores it: the outputs rate limiter (outputs.rate, outputs.max_burst) was removed in Falco 0.37; see outputs_queue" },
        { "json_output: true\njson_output: false\n", "falco.yaml:2:1: json_output: duplicate key 'json_output': only the first one is used, as in Falco" },
        { "webserver:\n  listen_port: high\n", "falco.yaml:2:16: webserver.listen_port: expected an integer, found 'high' (Peregrine does not use this key)" },
        { "webserver: 5\n", "falco.yaml:1:12: webserver: expected a mapping, found '5' (Peregrine does not use this key)" },
        { "engine:\n  kind: ebpf\n", "falco.yaml:2:9: engine.kind: 'ebpf' is not one of kmod, modern_ebpf, replay, nodriver (Peregrine does not use this key)" },
        { "syscall_event_drops:\n  actions: [log, shout]\n", "falco.yaml:2:18: syscall_event_drops.actions[1]: 'shout' is not one of ignore, log, alert, exit (Peregrine does not use this key)" },
        { "syscall_event_drops:\n  threshold: lots\n", "falco.yaml:2:14: syscall_event_drops.threshold: expected a number, found 'lots' (Peregrine does not use this key)" },
        { "metrics:\n  enabled: maybe\n", "falco.yaml:2:12: metrics.enabled: expected a boolean, found 'maybe' (Peregrine does not use this key)" },
        { "config_files:\n  - path: x.yaml\n    strategy: merge\n",
            "falco.yaml:3:15: config_files[0].strategy: unknown merge strategy 'merge' (expected append, override or add-only); 'append' is used, as Falco does" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Problem_is_one_located_warning(string yaml, string expected)
    {
        using var dir = new ConfigTestDirectory();
        var result = dir.LoadYaml(yaml);
        ConfigAssert.Succeeded(result);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ConfigSeverity.Warning, warning.Severity);
        Assert.Equal(expected, ConfigAssert.Render(warning, dir));
        Assert.Equal("failed", result.Files[0].Validation);
    }

    [Fact]
    public void Duplicate_key_keeps_the_first_value()
    {
        using var dir = new ConfigTestDirectory();
        Assert.True(ConfigAssert.Succeeded(dir.LoadYaml("json_output: true\njson_output: false\n")).JsonOutput);
    }

    [Fact]
    public void Free_form_values_are_not_checked()
    {
        using var dir = new ConfigTestDirectory();
        ConfigAssert.Clean(dir.LoadYaml("""
            plugins:
              - name: a
                library_path: /a.so
                init_config: {anything: {goes: [here]}}
            static_fields: {whatever: x}
            append_output:
              - extra_fields: [{any_name: x}]
            """));
    }

    [Fact]
    public void Every_not_applicable_key_of_Falco_loads_silently()
    {
        using var dir = new ConfigTestDirectory();
        ConfigAssert.Clean(dir.LoadYaml("""
            engine: {kind: nodriver, kmod: {buf_size_preset: 4, drop_failed_exit: false}, modern_ebpf: {cpus_for_each_buffer: 2, buf_size_preset: 4, drop_failed_exit: false, disable_iterators: false}, replay: {capture_file: x.scap}}
            capture: {enabled: false, path_prefix: /tmp/falco, mode: all_rules, default_duration: 5000, max_file_size_mb: 100}
            webserver: {enabled: true, threadiness: 0, listen_port: 8765, listen_address: 0.0.0.0, k8s_healthz_endpoint: /healthz, prometheus_metrics_enabled: false, ssl_enabled: false, ssl_certificate: /etc/falco/falco.pem}
            syscall_event_timeouts: {max_consecutives: 1000}
            syscall_event_drops: {threshold: .1, actions: [log, alert], rate: .03333, max_burst: 1, simulate_drops: false}
            metrics: {enabled: false, interval: 1h, output_rule: true, output_file: "", rules_counters_enabled: true, resource_utilization_enabled: true, state_counters_enabled: true, kernel_event_counters_enabled: true, kernel_event_counters_per_cpu_enabled: false, libbpf_stats_enabled: true, plugins_metrics_enabled: true, kernel_iter_event_counters_enabled: true, jemalloc_stats_enabled: false, convert_memory_to_mb: true, include_empty_values: false}
            base_syscalls: {custom_set: [], repair: false, all: false}
            falco_libs: {thread_table_size: 262144, thread_table_auto_purging_interval_s: 300, thread_table_auto_purging_thread_timeout_s: 300, snaplen: 80}
            container_engines: {docker: {enabled: true}, cri: {enabled: true, sockets: [/run/containerd/containerd.sock], disable_async: false}, podman: {enabled: false}, lxc: {enabled: false}, libvirt_lxc: {enabled: false}, bpm: {enabled: false}}
            """));
    }
}
