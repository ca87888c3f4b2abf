namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_metric_value_type</c>: which member of <see cref="SsPluginMetricValue"/> is set.</summary>
public enum SsPluginMetricValueType
{
    /// <summary><c>SS_PLUGIN_METRIC_VALUE_TYPE_U32</c>.</summary>
    U32 = 0,

    /// <summary><c>SS_PLUGIN_METRIC_VALUE_TYPE_S32</c>.</summary>
    S32 = 1,

    /// <summary><c>SS_PLUGIN_METRIC_VALUE_TYPE_U64</c>.</summary>
    U64 = 2,

    /// <summary><c>SS_PLUGIN_METRIC_VALUE_TYPE_S64</c>.</summary>
    S64 = 3,

    /// <summary><c>SS_PLUGIN_METRIC_VALUE_TYPE_D</c> (double).</summary>
    Double = 4,

    /// <summary><c>SS_PLUGIN_METRIC_VALUE_TYPE_F</c> (float).</summary>
    Float = 5,

    /// <summary><c>SS_PLUGIN_METRIC_VALUE_TYPE_I</c> (C int).</summary>
    Int = 6,
}

/// <summary><c>ss_plugin_metric_type</c>.</summary>
public enum SsPluginMetricType
{
    /// <summary><c>SS_PLUGIN_METRIC_TYPE_MONOTONIC</c>.</summary>
    Monotonic = 0,

    /// <summary><c>SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC</c>.</summary>
    NonMonotonic = 1,
}
